package org.smallwins.contract;

import java.util.Objects;

/**
 * A person's journal was erased at their request (GDPR article 17): their data key was destroyed, so every event
 * sealed with it can no longer be read anywhere, and every read model purges the person on this event. It holds no
 * journal content, and it is never sealed: it must stay readable after the key is gone. The same person writing again
 * starts a new journal, with a new key, after this event.
 *
 * @param erasureId    the erasure's own id (the id of the receipt the person was given)
 * @param keyId        the data key that was destroyed; null if the journal had no live key
 * @param erasedEvents how many events of the journal were erased (those recorded since the journal began, or since
 *                     its previous erasure)
 * @param lastSequence the journal's sequence just before this event (0 for a journal without events)
 * @param lastEventId  the id of the journal's last event before this one; null for a journal without events
 */
public record JournalErased(String erasureId, String keyId, long erasedEvents, long lastSequence, String lastEventId)
        implements JournalEvent {

    public static final String TYPE = "JournalErased";
    public static final int VERSION = 1;

    public JournalErased {
        Objects.requireNonNull(erasureId, "erasureId");
        if (erasedEvents < 0 || lastSequence < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    @Override
    public String entryId() {
        return erasureId;
    }

    /** An erasure is about the whole journal, not one entry. */
    @Override
    public boolean aboutAnEntry() {
        return false;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.journalErased(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** An erasure record holds no content and must stay readable after the person's key is destroyed. */
    @Override
    public boolean containsPersonalData() {
        return false;
    }
}
