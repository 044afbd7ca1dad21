package org.smallwins.journal;

import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.RetractionReason;

/**
 * Take an entry back (a win or a check-in).
 *
 * @param entryId         the entry to retract
 * @param expectedVersion the version the person saw (the entry's {@code ETag}); a stale one is refused
 * @param reason          why, from the fixed vocabulary; empty for none
 */
public record RetractEntry(String entryId, int expectedVersion, Optional<RetractionReason> reason)
        implements JournalCommand {

    public RetractEntry {
        Objects.requireNonNull(reason, "reason");
    }
}
