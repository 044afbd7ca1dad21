package org.smallwins.journal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.FocusArea;

/**
 * Log a small win.
 *
 * @param winId     the id chosen by the client
 * @param text      the "Today I…" sentence as written (trimmed and checked by the decider)
 * @param focusArea the focus area
 * @param tags      the tags as written (trimmed, de-duplicated and checked by the decider)
 * @param day       the local day the win belongs to; empty means today in the person's zone
 * @param zone      the person's zone; empty means the zone of their latest entry
 */
public record LogWin(
        String winId,
        String text,
        FocusArea focusArea,
        List<String> tags,
        Optional<LocalDate> day,
        Optional<ZoneId> zone)
        implements JournalCommand {

    public LogWin {
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        // not List.copyOf: a null tag is for the decider to refuse, not for the constructor to throw on
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    @Override
    public String entryId() {
        return winId;
    }

    /** Never prints the text or the tags. */
    @Override
    public String toString() {
        return "LogWin[winId=" + winId + ", focusArea=" + focusArea + "]";
    }
}
