package org.smallwins.command.journal;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.smallwins.journal.JournalCommand;

/**
 * A journal command addressed to one person's journal: Axon routes it to the {@link Journal} with that id, which asks
 * the journal's decider about the command.
 *
 * @param userId  whose journal (the token's subject)
 * @param command what they ask of it, already parsed
 */
public record ForJournal(@TargetAggregateIdentifier String userId, JournalCommand command) {

    public ForJournal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(command, "command");
    }

    /** The command's own toString never prints journal content. */
    @Override
    public String toString() {
        return "ForJournal[userId=" + userId + ", command=" + command + "]";
    }
}
