package org.smallwins.query.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ISO week of a person's journal, Monday to Sunday in their own zone. A week without entries is all zeros: a
 * quiet week is shown, never hidden or marked as missed. What does not exist is absent from the JSON, never null:
 * {@code mood} and {@code energyAverage} without check-ins, {@code focus} and {@code winsInFocusArea} before the
 * person's first focus area, {@code reflection} when none was written for the week, {@code winsOfTheWeek} and
 * {@code reflection} in the series.
 *
 * @param daysShownUp     distinct local days with any entry (a check-in on a rest day counts)
 * @param mood            null when the week has no check-ins
 * @param focus           the focus area and stage current at the end of the week (a choice made in a week applies from
 *                        that week on); null before the first choice
 * @param winsInFocusArea the week's wins in that focus area (0 in a quiet week); null when there is no focus area
 * @param winsOfTheWeek   the week's wins, oldest first, for the weekly review (only in the single-week view)
 * @param reflection      the week's reflection as last written (only in the single-week view); null if none
 * @param closingLine     the line the weekly review ends with
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
        Focus focus,
        Integer winsInFocusArea,
        List<Win> winsOfTheWeek,
        Reflection reflection,
        String closingLine) {

    public static final String CLOSING_LINE = "I'm proud of myself for showing up.";

    /** A week without focus area or reflection (the series, and the week view before issue 14). */
    public WeekTrend(
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
        this(
                week,
                weekStart,
                weekEnd,
                wins,
                winsByFocusArea,
                checkIns,
                mood,
                energyAverage,
                windowOfTolerance,
                daysShownUp,
                null,
                null,
                winsOfTheWeek,
                null,
                closingLine);
    }

    public record Mood(double average, int min, int max) {}

    public record Win(String id, String day, String text, String focusArea, List<String> tags) {}

    /**
     * The focus area and stage of change current at the end of a week.
     *
     * @param since the ISO week in which this area and stage were chosen
     */
    public record Focus(String area, String stage, String since) {}

    /**
     * The week's reflection ("How did I learn to honor myself this week?"), as last written for it.
     *
     * @param answer           absent when the person gave none
     * @param chosenWins       the wins chosen as the week's wins, in the order chosen, each as it is now (its current
     *                         text); a chosen win that was retracted since, or corrected onto a day of another week, is
     *                         left out (it is no longer one of this week's wins), so there may be fewer than were chosen
     * @param proudOfShowingUp whether the person affirmed "I'm proud of myself for showing up."
     * @param written          when this reflection was recorded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reflection(String answer, List<Win> chosenWins, boolean proudOfShowingUp, Instant written) {}
}
