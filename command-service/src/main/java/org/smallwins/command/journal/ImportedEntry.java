package org.smallwins.command.journal;

import java.time.Instant;
import java.util.Objects;
import org.smallwins.journal.JournalCommand;

/**
 * One entry of an imported journal: the command that records it again, and the instant it was first decided at (the
 * event's occurred instant in the export). The journal decides the command with a clock standing at that instant, so
 * the entry keeps its id, day, zone and instant, and every rule is checked as it was then.
 *
 * @param command   the entry as a command, every value explicit (id, day or instant, zone)
 * @param decidedAt when it happened; never later than now (checked before anything is sent)
 */
public record ImportedEntry(JournalCommand command, Instant decidedAt) {

    public ImportedEntry {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    @Override
    public String toString() {
        return "ImportedEntry[command=" + command + "]";
    }
}
