package org.smallwins.command.journal;

import java.time.Instant;
import java.util.Objects;
import org.smallwins.journal.JournalCommand;

/**
 * One entry of an imported journal: the command that records it again, and the instant it was first decided at (the
 * event's occurred instant in the export). The journal decides the command with a clock standing at that instant, so
 * the entry keeps its id, day, zone and instant, and every rule is checked as it was then.
 *
 * @param command        the entry as a command, every value explicit (id, day or instant, zone)
 * @param decidedAt      when it happened; never later than now (checked before anything is sent)
 * @param subjectVersion for a journal-level command (a focus choice, a reflection): the version its subject has after
 *                       it in the file (1 for the first of its subject, and so on), so an import sent again skips what
 *                       is already there; 0 for an entry (whose version is in its command)
 */
public record ImportedEntry(JournalCommand command, Instant decidedAt, int subjectVersion) {

    public ImportedEntry {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (subjectVersion < 0) {
            throw new IllegalArgumentException("a version is never negative");
        }
    }

    /** An entry (not a journal-level command). */
    public ImportedEntry(JournalCommand command, Instant decidedAt) {
        this(command, decidedAt, 0);
    }

    @Override
    public String toString() {
        return "ImportedEntry[command=" + command + "]";
    }
}
