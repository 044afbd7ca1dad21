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
 * Correct a win: its full new content.
 *
 * @param winId           the win to correct
 * @param expectedVersion the version the person saw (the entry's {@code ETag}); a stale one is refused
 * @param text            the new sentence as written (trimmed and checked like a logged one)
 * @param focusArea       the new focus area
 * @param tags            the new tags as written
 * @param day             the day it belongs to; empty keeps its day
 * @param zone            the zone of that day; empty keeps its zone
 */
public record CorrectWin(
        String winId,
        int expectedVersion,
        String text,
        FocusArea focusArea,
        List<String> tags,
        Optional<LocalDate> day,
        Optional<ZoneId> zone)
        implements JournalCommand {

    public CorrectWin {
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    @Override
    public String entryId() {
        return winId;
    }

    /** Never prints the text or the tags. */
    @Override
    public String toString() {
        return "CorrectWin[winId=" + winId + ", expectedVersion=" + expectedVersion + "]";
    }
}
