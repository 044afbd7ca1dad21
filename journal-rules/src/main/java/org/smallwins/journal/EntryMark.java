package org.smallwins.journal;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;

/**
 * What a journal remembers of each entry to answer a retry: a hash of its content (never the content itself, so a
 * snapshot of the journal holds no journal text), and when and where it was placed.
 *
 * @param contentHash {@link ContentHash} of the recorded event
 * @param when        the local day (wins, ISO date) or instant (check-ins, ISO instant) it was placed at
 * @param zone        the IANA zone it was placed in
 */
public record EntryMark(String contentHash, String when, String zone) {

    public EntryMark {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(zone, "zone");
    }

    /** The mark of a recorded event: how a journal's state evolves with each event. */
    public static EntryMark of(JournalEvent event, Occurred occurred) {
        String when = event.handleWith(new JournalEvent.Handler<String>() {
            @Override
            public String winLogged(WinLogged win) {
                return occurred.localDate().toString();
            }

            @Override
            public String checkInRecorded(CheckInRecorded checkIn) {
                return occurred.instant().toString();
            }

            @Override
            public String journalErased(JournalErased erased) {
                throw new IllegalArgumentException("an erasure is not a journal entry");
            }

            @Override
            public String winCorrected(WinCorrected win) {
                return occurred.localDate().toString();
            }

            @Override
            public String checkInCorrected(CheckInCorrected checkIn) {
                return occurred.instant().toString();
            }

            @Override
            public String entryRetracted(EntryRetracted retracted) {
                throw new IllegalArgumentException("a retraction is evolved into the entry's mark, not made into one");
            }
        });
        return new EntryMark(ContentHash.of(event), when, occurred.zone());
    }

    public static EntryMark of(Decision.Event event) {
        return of(event.payload(), event.occurred());
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
