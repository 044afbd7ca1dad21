package org.smallwins.command.journal;

import java.util.Objects;
import org.smallwins.journal.EntryOutcome;

/**
 * What the journal answers to a consent: what it did, whether the person consents now, and the journal's sequence
 * after it (0 for a journal without any event: a consent withdrawn that was never given).
 */
public record ConsentAccepted(EntryOutcome outcome, boolean analytics, long sequence) {

    public ConsentAccepted {
        Objects.requireNonNull(outcome, "outcome");
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence is never negative");
        }
    }
}
