package org.smallwins.command.journal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.smallwins.journal.EntryMark;

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
 */
public record ImportChunk(
        @TargetAggregateIdentifier String userId, List<ImportedEntry> entries, Map<String, EntryMark> wholeFile) {

    public ImportChunk {
        Objects.requireNonNull(userId, "userId");
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return "ImportChunk[userId=" + userId + ", entries=" + entries.size() + ", first=" + (wholeFile != null) + "]";
    }
}
