package org.smallwins.contract;

import java.util.Objects;

/**
 * A person took an entry back. It disappears from their timeline and weeks; its earlier events stay in the history
 * (nothing is overwritten). The envelope's {@link Occurred} is the entry's placement as it stood (its day, its zone),
 * so the event sits where the entry was; the time of the retraction is the envelope's {@code recordedAt}.
 *
 * <p>It holds no text, yet it is personal data all the same ({@link #containsPersonalData()} is {@code true}, so it is
 * sealed like the entry): the entry id is chosen by the person's client and may mean something, and the reason says
 * something about their journal. Sealed, it becomes unreadable with the rest of the journal when the key is destroyed.
 *
 * @param entryId the entry taken back
 * @param version the entry's version after the retraction (one more than its last)
 * @param kind    what kind of entry it was
 * @param reason  why, from a fixed vocabulary; null when the person gave none
 */
public record EntryRetracted(String entryId, int version, EntryKind kind, RetractionReason reason)
        implements JournalEvent {

    public static final String TYPE = "EntryRetracted";
    public static final int VERSION = 1;

    public EntryRetracted {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kind, "kind");
        if (version < 2) {
            throw new IllegalArgumentException("a retraction follows at least the first version");
        }
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.entryRetracted(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }
}
