package org.smallwins.command.journal;

import java.util.Optional;

/**
 * What makes an erased journal unreadable, outside the journal itself: its data key is destroyed (every event and
 * snapshot sealed with it can no longer be opened, in the event store, on the topic or in any copy) and its snapshots
 * are deleted. Called by the journal inside the erasure's transaction, before the {@code JournalErased} is appended,
 * so both happen or neither.
 */
public interface JournalShredder {

    /**
     * Destroys the person's live data key and deletes the journal's snapshots.
     *
     * @param userId       whose journal
     * @param lastSequence the journal's sequence now (its last event's, from 1)
     * @return which key was destroyed (if the journal had a live one) and the id of the journal's last event
     */
    Shredded shred(String userId, long lastSequence);

    /** What was destroyed, without content. */
    record Shredded(Optional<String> keyId, Optional<String> lastEventId) {}
}
