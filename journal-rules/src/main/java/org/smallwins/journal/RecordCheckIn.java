package org.smallwins.journal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.ToleranceWindow;

/**
 * Record a check-in.
 *
 * @param checkInId the id chosen by the client
 * @param mood      mood, 1 to 5 (checked by the decider)
 * @param energy    energy, 1 to 5 (checked by the decider)
 * @param window    the window of tolerance
 * @param note      an optional note as written; a blank note is no note
 * @param at        when it was made; empty means now
 * @param zone      the zone it was made in; empty means the zone of the latest entry
 */
public record RecordCheckIn(
        String checkInId,
        int mood,
        int energy,
        ToleranceWindow window,
        Optional<String> note,
        Optional<Instant> at,
        Optional<ZoneId> zone)
        implements JournalCommand {

    public RecordCheckIn {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String entryId() {
        return checkInId;
    }

    /** Never prints check-in values or the note. */
    @Override
    public String toString() {
        return "RecordCheckIn[checkInId=" + checkInId + "]";
    }
}
