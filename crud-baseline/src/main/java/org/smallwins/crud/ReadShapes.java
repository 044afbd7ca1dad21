package org.smallwins.crud;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The same response shapes as the query service's timeline and weekly trends. */
final class ReadShapes {

    private ReadShapes() {}

    record TimelinePage(List<TimelineEntry> items, boolean hasMore, String nextCursor) {
        TimelinePage(List<TimelineEntry> items, String nextCursor) {
            this(items, nextCursor != null, nextCursor);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimelineEntry(
            String id,
            String kind,
            String day,
            Instant occurredAt,
            String zone,
            long sequence,
            Win win,
            CheckIn checkIn) {}

    record Win(String text, String focusArea, List<String> tags) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckIn(int mood, int energy, String window, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WeekTrend(
            String week,
            String weekStart,
            String weekEnd,
            int wins,
            Map<String, Integer> winsByFocusArea,
            int checkIns,
            Mood mood,
            Double energyAverage,
            Map<String, Integer> windowOfTolerance,
            int daysShownUp,
            List<WeekWin> winsOfTheWeek,
            String closingLine) {}

    record Mood(double average, int min, int max) {}

    record WeekWin(String id, String day, String text, String focusArea, List<String> tags) {}
}
