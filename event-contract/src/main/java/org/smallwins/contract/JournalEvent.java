package org.smallwins.contract;

/**
 * The payload of a journal event. Sealed, and handled through {@link Handler}, so every projection handles every type:
 * adding an event type adds a method to {@code Handler}, and every place that forgets it stops compiling (the
 * Java 17 form of an exhaustive {@code switch}). Each type carries its own name and version, which travel in the
 * {@link EventEnvelope}.
 */
public sealed interface JournalEvent
        permits WinLogged, CheckInRecorded, JournalErased, WinCorrected, CheckInCorrected, EntryRetracted {

    /** One method per event type. */
    interface Handler<R> {
        R winLogged(WinLogged event);

        R checkInRecorded(CheckInRecorded event);

        /** The journal was erased: everything of the person is to be forgotten (this event holds no content). */
        R journalErased(JournalErased event);

        /** A win's content (and perhaps its day) was corrected: the new content replaces the old one. */
        R winCorrected(WinCorrected event);

        /** A check-in's values (and perhaps its time) were corrected. */
        R checkInCorrected(CheckInCorrected event);

        /** An entry was taken back: it no longer counts anywhere. */
        R entryRetracted(EntryRetracted event);
    }

    <R> R handleWith(Handler<R> handler);

    /** The client-chosen id of the journal entry this event is about (an erasure's own id for {@link JournalErased}). */
    String entryId();

    /** The event type's name in the contract (past tense). */
    String type();

    /** The version of this event type's payload shape. */
    int typeVersion();

    /**
     * Whether this event holds what a person wrote or rated, and so is stored and travels sealed with their data key
     * ({@link SealedEnvelope}). An event type free of personal data that must stay readable after the person's key is
     * destroyed (an erasure record) answers {@code false}: it is stored and relayed as plain {@code json}.
     */
    default boolean containsPersonalData() {
        return true;
    }
}
