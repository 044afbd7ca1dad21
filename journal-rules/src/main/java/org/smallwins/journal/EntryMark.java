package org.smallwins.journal;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;

/**
 * What a journal remembers of each entry to answer a retry, a correction or a retraction: a hash of its current content
 * (never the content itself, so a snapshot of the journal holds no journal text), when and where it is placed, its kind,
 * its version and whether it was retracted.
 *
 * @param contentHash {@link ContentHash} of its current content (of the retraction, once retracted)
 * @param when        the local day (wins, ISO date) or instant (check-ins, ISO instant) it is placed at
 * @param zone        the IANA zone it is placed in
 * @param kind        a win or a check-in
 * @param version     1 as first logged, one more with each correction and the retraction
 * @param retracted   whether it was taken back
 */
public record EntryMark(String contentHash, String when, String zone, EntryKind kind, int version, boolean retracted) {

    public EntryMark {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(kind, "kind");
    }

    /** An entry as first logged (version 1), as a table-backed journal reads it back. */
    public static EntryMark logged(String contentHash, String when, String zone, EntryKind kind) {
        return new EntryMark(contentHash, when, zone, kind, 1, false);
    }

    /**
     * The mark of a logged or corrected entry: how a journal's state evolves with a {@link WinLogged},
     * {@link CheckInRecorded}, {@link WinCorrected} or {@link CheckInCorrected}. A retraction needs the entry's mark as
     * it stood: {@link #evolve}.
     */
    public static EntryMark of(JournalEvent event, Occurred occurred) {
        return evolve(null, event, occurred);
    }

    public static EntryMark of(Decision.Event event) {
        return of(event.payload(), event.occurred());
    }

    /** The entry's mark after {@code event}, given its mark before it ({@code null} for none). */
    public static EntryMark evolve(EntryMark previous, JournalEvent event, Occurred occurred) {
        return event.handleWith(new JournalEvent.Handler<EntryMark>() {
            @Override
            public EntryMark winLogged(WinLogged win) {
                return logged(ContentHash.of(win), occurred.localDate().toString(), occurred.zone(), EntryKind.WIN);
            }

            @Override
            public EntryMark checkInRecorded(CheckInRecorded checkIn) {
                return logged(
                        ContentHash.of(checkIn), occurred.instant().toString(), occurred.zone(), EntryKind.CHECK_IN);
            }

            @Override
            public EntryMark winCorrected(WinCorrected win) {
                return new EntryMark(
                        ContentHash.of(win),
                        occurred.localDate().toString(),
                        occurred.zone(),
                        EntryKind.WIN,
                        win.version(),
                        false);
            }

            @Override
            public EntryMark checkInCorrected(CheckInCorrected checkIn) {
                return new EntryMark(
                        ContentHash.of(checkIn),
                        occurred.instant().toString(),
                        occurred.zone(),
                        EntryKind.CHECK_IN,
                        checkIn.version(),
                        false);
            }

            @Override
            public EntryMark entryRetracted(EntryRetracted retracted) {
                if (previous == null) {
                    throw new IllegalArgumentException("a retraction follows the entry it takes back");
                }
                return new EntryMark(
                        ContentHash.of(retracted),
                        previous.when(),
                        previous.zone(),
                        retracted.kind(),
                        retracted.version(),
                        true);
            }

            @Override
            public EntryMark journalErased(JournalErased erased) {
                throw new IllegalArgumentException("an erasure is not a journal entry");
            }

            @Override
            public EntryMark focusAreaChosen(FocusAreaChosen chosen) {
                throw new IllegalArgumentException("a focus choice is not a journal entry");
            }

            @Override
            public EntryMark weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                throw new IllegalArgumentException("a weekly reflection is not a journal entry");
            }

            @Override
            public EntryMark analyticsConsentGiven(AnalyticsConsentGiven given) {
                throw new IllegalArgumentException("a consent is not a journal entry");
            }

            @Override
            public EntryMark analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                throw new IllegalArgumentException("a consent is not a journal entry");
            }
        });
    }

    /** Whether the event adds a new entry (and so gives the journal its latest zone). */
    public static boolean startsAnEntry(JournalEvent event) {
        return event instanceof WinLogged || event instanceof CheckInRecorded;
    }

    /**
     * The retry rule: a command is a retry of this entry if its content is exactly the same and it either repeats the
     * same day/instant and zone or leaves them to their defaults.
     */
    boolean isRetry(String otherContentHash, Optional<String> requestedWhen, Optional<ZoneId> requestedZone) {
        return contentHash.equals(otherContentHash)
                && requestedWhen.map(when::equals).orElse(true)
                && requestedZone.map(z -> z.getId().equals(zone)).orElse(true);
    }
}
