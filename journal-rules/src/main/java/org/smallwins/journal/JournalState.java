package org.smallwins.journal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the decider needs to know of a journal to decide one command: the entry with the command's id, if any, and the
 * zone of the person's latest entry. The event-sourced journal answers from memory (evolved by each event with
 * {@link EntryMark#of}); a table-backed journal answers by querying the one id. Each is asked at most once per
 * decision, and the latest zone only when the command brings none.
 */
public interface JournalState {

    /** What the journal remembers of the entry with this id. */
    Optional<EntryMark> entry(String entryId);

    /** The zone of the person's latest entry: the default zone of the next one. */
    Optional<ZoneId> latestZone();

    /**
     * A state that looks entries up with {@code entries} and the latest zone with {@code latestZone} (either may
     * answer {@code null} for none).
     */
    static JournalState of(Function<String, EntryMark> entries, Supplier<String> latestZone) {
        return new JournalState() {
            @Override
            public Optional<EntryMark> entry(String entryId) {
                return Optional.ofNullable(entries.apply(entryId));
            }

            @Override
            public Optional<ZoneId> latestZone() {
                return Optional.ofNullable(latestZone.get()).map(ZoneId::of);
            }
        };
    }
}
