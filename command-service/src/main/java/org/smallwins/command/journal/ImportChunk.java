package org.smallwins.command.journal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.smallwins.journal.EntryMark;
import org.smallwins.journal.SubjectMark;

/**
 * A chunk of an import into one person's journal: each entry is decided by the journal's decider as if it were sent
 * again, in order, in one unit of work (all of the chunk is stored, or none of it).
 *
 * @param userId    whose journal (the token's subject)
 * @param entries   the chunk's entries, in the export's order
 * @param wholeFile the first chunk only (else null): what the whole file holds, entry id → mark. The journal refuses
 *                  the import ({@link JournalHoldsOtherEntriesException}) if it holds any entry that is not exactly in
 *                  the file, before anything is stored; so an import goes into an empty journal, or completes or
 *                  repeats an earlier import of the same file.
 * @param wholeFileSubjects the first chunk only (else null): every mark each journal-level subject (the focus, a week's
 *                  reflection) has in the whole file, in order (version 1 first). The journal refuses the import if
 *                  it holds a subject whose mark is not one of these at the same version.
 */
public record ImportChunk(
        @TargetAggregateIdentifier String userId,
        List<ImportedEntry> entries,
        Map<String, EntryMark> wholeFile,
        Map<String, List<SubjectMark>> wholeFileSubjects) {

    public ImportChunk {
        Objects.requireNonNull(userId, "userId");
        entries = List.copyOf(entries);
        if (wholeFile != null && wholeFileSubjects == null) {
            wholeFileSubjects = Map.of();
        }
    }

    /** A chunk of a file without journal-level subjects. */
    public ImportChunk(String userId, List<ImportedEntry> entries, Map<String, EntryMark> wholeFile) {
        this(userId, entries, wholeFile, wholeFile == null ? null : Map.of());
    }

    @Override
    public String toString() {
        return "ImportChunk[userId=" + userId + ", entries=" + entries.size() + ", first=" + (wholeFile != null) + "]";
    }
}
