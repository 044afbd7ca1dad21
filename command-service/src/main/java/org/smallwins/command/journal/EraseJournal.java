package org.smallwins.command.journal;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase a person's journal: destroy its data key, delete its snapshots and record a {@code JournalErased}, in one
 * transaction.
 *
 * @param userId    whose journal (the token's subject, confirmed by the person)
 * @param erasureId the receipt's id
 */
public record EraseJournal(@TargetAggregateIdentifier String userId, String erasureId) {

    public EraseJournal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(erasureId, "erasureId");
    }
}
