package org.smallwins.journal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.ToleranceWindow;

/**
 * Correct a check-in: its full new values.
 *
 * @param checkInId       the check-in to correct
 * @param expectedVersion the version the person saw (the entry's {@code ETag}); a stale one is refused
 * @param note            the new note; empty or blank is no note
 * @param at              when it was made; empty keeps its time
 * @param zone            the zone it was made in; empty keeps its zone
 */
public record CorrectCheckIn(
        String checkInId,
        int expectedVersion,
        int mood,
        int energy,
        ToleranceWindow window,
        Optional<String> note,
        Optional<Instant> at,
        Optional<ZoneId> zone)
        implements JournalCommand {

    public CorrectCheckIn {
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
        return "CorrectCheckIn[checkInId=" + checkInId + ", expectedVersion=" + expectedVersion + "]";
    }
}
