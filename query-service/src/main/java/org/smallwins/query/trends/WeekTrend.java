package org.smallwins.query.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;
import org.smallwins.platform.ApiHeaders;

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
@Schema(
        name = "Week",
        description = "One ISO week of your journal, Monday to Sunday in your zone; a quiet week is all zeros.",
        requiredProperties = {
            "week",
            "weekStart",
            "weekEnd",
            "wins",
            "winsByFocusArea",
            "checkIns",
            "windowOfTolerance",
            "daysShownUp",
            "closingLine"
        })
public record WeekTrend(
        @Schema(pattern = ApiHeaders.ISO_WEEK_PATTERN, example = "2026-W48")
        String week,

        @Schema(format = "date", example = "2026-11-23") String weekStart,
        @Schema(format = "date", example = "2026-11-29") String weekEnd,
        @Schema(minimum = "0", example = "4") int wins,

        @Schema(
                description = "Wins per focus area (every area, zeros included)",
                additionalPropertiesSchema = Integer.class,
                example = "{\"REST\":2,\"BOUNDARIES\":1}")
        Map<String, Integer> winsByFocusArea,

        @Schema(minimum = "0", example = "5") int checkIns,
        Mood mood,

        @Schema(description = "Absent when the week has no check-ins", minimum = "1", maximum = "5", example = "2.6")
        Double energyAverage,

        @Schema(
                description = "Check-ins per window of tolerance",
                additionalPropertiesSchema = Integer.class,
                example = "{\"WITHIN\":3,\"HYPOAROUSED\":2}")
        Map<String, Integer> windowOfTolerance,

        @Schema(description = "Distinct local days with any entry", minimum = "0", maximum = "7", example = "4")
        int daysShownUp,

        Focus focus,

        @Schema(
                description = "The week's wins in that focus area; absent when there is no focus area",
                minimum = "0",
                example = "2")
        Integer winsInFocusArea,

        @ArraySchema(
                arraySchema = @Schema(description = "The week's wins, oldest first (only in the single-week view)"))
        List<Win> winsOfTheWeek,

        Reflection reflection,

        @Schema(description = "The line the weekly review ends with", example = CLOSING_LINE)
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

    @Schema(
            name = "MoodSummary",
            description = "The week's mood; absent when it has no check-ins.",
            requiredProperties = {"average", "min", "max"})
    public record Mood(
            @Schema(minimum = "1", maximum = "5", example = "3.4")
            double average,

            @Schema(minimum = "1", maximum = "5", example = "2")
            int min,

            @Schema(minimum = "1", maximum = "5", example = "5")
            int max) {}

    @Schema(
            name = "WeekWin",
            description = "A win of the week, for the weekly review.",
            requiredProperties = {"id", "day", "text", "focusArea", "tags"})
    public record Win(
            @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
            String id,

            @Schema(format = "date", example = "2026-11-23") String day,

            @Schema(maxLength = 500, example = "Today I rested without guilt")
            String text,

            @Schema(implementation = FocusArea.class) String focusArea,

            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 40, example = "evening"))
            List<String> tags) {}

    /**
     * The focus area and stage of change current at the end of a week.
     *
     * @param since the ISO week in which this area and stage were chosen
     */
    @Schema(
            name = "WeekFocus",
            description = "The focus area and stage of change current at the end of the week.",
            requiredProperties = {"area", "stage", "since"})
    public record Focus(
            @Schema(implementation = FocusArea.class) String area,
            @Schema(implementation = StageOfChange.class) String stage,

            @Schema(
                    description = "The ISO week in which this area and stage were chosen",
                    pattern = ApiHeaders.ISO_WEEK_PATTERN,
                    example = "2026-W46")
            String since) {}

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
    @Schema(
            name = "WeekReflection",
            description = "The week's reflection, as last written for it (only in the single-week view).",
            requiredProperties = {"chosenWins", "proudOfShowingUp", "written"})
    public record Reflection(
            @Schema(
                    description = "How did I learn to honor myself this week? Absent when none was given",
                    maxLength = 2000,
                    example = "I said no to an extra shift and rested.")
            String answer,

            @ArraySchema(
                    arraySchema = @Schema(description = "The chosen wins in the order chosen, as they are now"),
                    maxItems = 5)
            List<Win> chosenWins,

            @Schema(example = "true") boolean proudOfShowingUp,

            @Schema(description = "When it was recorded", example = "2026-11-29T19:00:00Z")
            Instant written) {}
}
