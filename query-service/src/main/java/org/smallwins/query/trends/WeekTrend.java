package org.smallwins.query.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One ISO week of a person's journal, Monday to Sunday in their own zone. A week without entries is all zeros: a
 * quiet week is shown, never hidden or marked as missed.
 *
 * @param daysShownUp  distinct local days with any entry (a check-in on a rest day counts)
 * @param mood         null when the week has no check-ins
 * @param winsOfTheWeek the week's wins, oldest first, for the weekly review (only in the single-week view)
 * @param closingLine  the line the weekly review ends with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeekTrend(
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
        List<Win> winsOfTheWeek,
        String closingLine) {

    public static final String CLOSING_LINE = "I'm proud of myself for showing up.";

    public record Mood(double average, int min, int max) {}

    public record Win(String id, String day, String text, String focusArea, List<String> tags) {}
}
