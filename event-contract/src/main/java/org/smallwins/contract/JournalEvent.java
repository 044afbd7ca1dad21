package org.smallwins.contract;

/**
 * The payload of a journal event. Sealed, and handled through {@link Handler}, so every projection handles every type:
 * adding an event type adds a method to {@code Handler}, and every place that forgets it stops compiling (the
 * Java 17 form of an exhaustive {@code switch}). Each type carries its own name and version, which travel in the
 * {@link EventEnvelope}.
 */
public sealed interface JournalEvent
        permits WinLogged,
                CheckInRecorded,
                JournalErased,
                WinCorrected,
                CheckInCorrected,
                EntryRetracted,
                FocusAreaChosen,
                WeeklyReflectionWritten,
                AnalyticsConsentGiven,
                AnalyticsConsentWithdrawn {

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

        /** The person chose their focus area and stage of change: the latest choice is current (not an entry). */
        R focusAreaChosen(FocusAreaChosen event);

        /** The person wrote their reflection for a week: the latest one for that week is current (not an entry). */
        R weeklyReflectionWritten(WeeklyReflectionWritten event);

        /** The person agreed to analytics of their weekly facts (not an entry; no content). */
        R analyticsConsentGiven(AnalyticsConsentGiven event);

        /** The person took their consent to analytics back (not an entry; no content). */
        R analyticsConsentWithdrawn(AnalyticsConsentWithdrawn event);
    }

    <R> R handleWith(Handler<R> handler);

    /**
     * What this event is about, never null: the client-chosen id of the journal entry for an entry's events; the
     * erasure's own id for {@link JournalErased}; a fixed subject for a journal-level event ({@link FocusAreaChosen}:
     * {@code journal:focus}; {@link WeeklyReflectionWritten}: {@code journal:reflection:2026-W48}). A subject holds a
     * {@code ':'}, which client-chosen entry ids never do, so it never names an entry. Ask {@link #aboutAnEntry()}
     * before treating it as an entry.
     */
    String entryId();

    /**
     * Whether this event is about one journal entry (a win or a check-in), so {@link #entryId()} is that entry's id.
     * {@code false} for the journal-level events ({@link FocusAreaChosen}, {@link WeeklyReflectionWritten}) and for an
     * erasure.
     */
    default boolean aboutAnEntry() {
        return true;
    }

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
