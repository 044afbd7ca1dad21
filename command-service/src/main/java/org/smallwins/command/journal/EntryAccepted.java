package org.smallwins.command.journal;

import java.util.Objects;
import org.smallwins.journal.EntryOutcome;

/**
 * What the journal answers to a command it accepted: what it did, and how far the person's journal has got after it.
 *
 * @param outcome  a new entry, or a retry of one already kept
 * @param sequence the journal's sequence after the command (the gap-free per-person number in each event's envelope,
 *                 from 1): the last new event's for a recorded entry, the journal's as it is for a retry. A read that
 *                 passes it waits until the read model has reached it.
 * @param version  the entry's version after the command (1 as first logged; one more per correction and retraction):
 *                 its {@code ETag}
 */
public record EntryAccepted(EntryOutcome outcome, long sequence, int version) {

    /** A newly logged entry (or a retry of one), at version 1. */
    public EntryAccepted(EntryOutcome outcome, long sequence) {
        this(outcome, sequence, 1);
    }

    public EntryAccepted {
        Objects.requireNonNull(outcome, "outcome");
        if (sequence < 1) {
            throw new IllegalArgumentException("an accepted entry leaves a journal with at least one event");
        }
        if (version < 1) {
            throw new IllegalArgumentException("an entry's versions start at 1");
        }
    }
}
