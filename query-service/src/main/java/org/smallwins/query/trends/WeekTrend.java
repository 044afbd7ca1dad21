package org.smallwins.query.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.smallwins.contract.FocusArea;
import org.smallwins.platform.ApiHeaders;

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

        @ArraySchema(
                arraySchema = @Schema(description = "The week's wins, oldest first (only in the single-week view)"))
        List<Win> winsOfTheWeek,

        @Schema(description = "The line the weekly review ends with", example = CLOSING_LINE)
        String closingLine) {

    public static final String CLOSING_LINE = "I'm proud of myself for showing up.";

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
}
