package org.smallwins.journal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smallwins.contract.JournalEvent;

/**
 * What the decider needs to know of a journal to decide one command: the entry with the command's id, if any (or, for
 * a weekly reflection, each chosen win), a journal-level subject (the focus, a week's reflection), and the zone of the
 * person's latest entry. The event-sourced journal answers from memory (evolved by each event with
 * {@link EntryMark#evolve} and {@link SubjectMark#evolve}); a table-backed journal answers by querying the one id. The
 * latest zone is asked only when the command brings none.
 */
public interface JournalState {

    /** What the journal remembers of the entry with this id. */
    Optional<EntryMark> entry(String entryId);

    /** What the journal remembers of a journal-level subject ({@code journal:focus}, {@code journal:reflection:…}). */
    Optional<SubjectMark> subject(String subject);

    /** The zone of the person's latest entry: the default zone of the next one. */
    Optional<ZoneId> latestZone();

    /**
     * Whether {@code event} gives the journal its latest zone: a new entry, or a journal-level event (made in the zone
     * the person sent, or their latest one). A correction or retraction keeps the latest zone as it was, and so does a
     * consent to analytics (made in no zone the person chose: see {@link JournalDecider#setAnalyticsConsent}).
     */
    static boolean setsTheLatestZone(JournalEvent event) {
        return EntryMark.startsAnEntry(event) || (SubjectMark.setsASubject(event) && !SubjectMark.isConsent(event));
    }

    /**
     * A state that looks entries up with {@code entries} and the latest zone with {@code latestZone} (either may
     * answer {@code null} for none), and knows no journal-level subject (a journal that offers none: the baseline).
     */
    static JournalState of(Function<String, EntryMark> entries, Supplier<String> latestZone) {
        return of(entries, subject -> null, latestZone);
    }

    /** A state that looks entries, subjects and the latest zone up with these (each may answer {@code null}). */
    static JournalState of(
            Function<String, EntryMark> entries, Function<String, SubjectMark> subjects, Supplier<String> latestZone) {
        return new JournalState() {
            @Override
            public Optional<EntryMark> entry(String entryId) {
                return Optional.ofNullable(entries.apply(entryId));
            }

            @Override
            public Optional<SubjectMark> subject(String subject) {
                return Optional.ofNullable(subjects.apply(subject));
            }

            @Override
            public Optional<ZoneId> latestZone() {
                return Optional.ofNullable(latestZone.get()).map(ZoneId::of);
            }
        };
    }
}
