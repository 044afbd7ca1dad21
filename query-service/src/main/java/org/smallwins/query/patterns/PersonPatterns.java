package org.smallwins.query.patterns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person's patterns over their last weeks ({@code GET /api/patterns}), computed by {@link Patterns}. Weeks are
 * oldest first, like {@code /api/trends/weeks}. Averages of a week without check-ins are absent, never 0; a quiet week
 * is zeros.
 *
 * @param weeks every week of the range, oldest first, quiet ones included
 * @param hardWeeks the heavier weeks of the range, oldest first, each with the wins it still held
 * @param whatSeemsToHelp per focus area the person logged wins in or chose, a comparison of their own weeks
 * @param focusOverTime the focus area and stage current when the range starts (if any), then each later choice
 */
public record PersonPatterns(
        List<Week> weeks, List<HardWeek> hardWeeks, List<Comparison> whatSeemsToHelp, List<Focus> focusOverTime) {

    /**
     * One week.
     *
     * @param focusArea the focus area current at the end of the week; absent before the first choice
     * @param stage its stage of change; absent before the first choice
     * @param winsInFocusArea wins in that focus area; absent when there is no focus area yet
     * @param moodAverage mean mood of the week's check-ins (2 decimals); absent without check-ins
     * @param energyAverage mean energy of the week's check-ins (2 decimals); absent without check-ins
     * @param shareWithinWindow share of the week's check-ins within the window of tolerance, 0–1 (2 decimals); absent
     *     without check-ins
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Week(
            String week,
            String weekStart,
            String weekEnd,
            int wins,
            String focusArea,
            String stage,
            Integer winsInFocusArea,
            int daysShownUp,
            int checkIns,
            Double moodAverage,
            Double energyAverage,
            Double shareWithinWindow,
            boolean reflectionWritten) {}

    /**
     * A heavier week: mood average 2.5 or lower, or more than half of its check-ins outside the window of tolerance.
     *
     * @param because {@value Patterns#LOW_MOOD} and/or {@value Patterns#MOSTLY_OUTSIDE_THE_WINDOW}
     * @param winsLogged the week's wins as they are now, oldest first
     * @param summary e.g. "3 wins in a heavier week"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HardWeek(
            String week,
            double moodAverage,
            double shareWithinWindow,
            List<String> because,
            List<Win> winsLogged,
            String summary) {}

    /** A win as it is now. */
    public record Win(String id, String day, String text, String focusArea) {}

    /**
     * Weeks with at least {@value Patterns#MANY_WINS} wins in an area against weeks with fewer, counting only weeks
     * with check-ins. The means are shown only when each side has {@value Patterns#ENOUGH_WEEKS} weeks or more;
     * until then each side says how many more weeks it needs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comparison(
            String focusArea, boolean shown, Side withTwoOrMoreWins, Side withFewerWins, String sentence) {}

    /**
     * @param weeks weeks with check-ins on this side
     * @param moodAverage mean of their weekly mood averages (2 decimals); only when the comparison is shown
     * @param moreWeeksNeeded weeks with check-ins still needed on this side before anything is compared (0 when enough)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(int weeks, Double moodAverage, int moreWeeksNeeded) {}

    /** A focus area and stage of change, from the week it was chosen. */
    public record Focus(String week, String focusArea, String stage) {}
}
