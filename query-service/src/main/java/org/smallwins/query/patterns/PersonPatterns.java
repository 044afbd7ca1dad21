package org.smallwins.query.patterns;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;

/**
 * A person's patterns over their last weeks ({@code GET /api/patterns}), computed by {@link Patterns}. Weeks are
 * oldest first, like {@code /api/trends/weeks}. What does not exist is absent from the JSON, never null: the averages
 * of a week without check-ins (never 0 pretending to be a mood), the focus area before the first choice, the means of
 * a comparison without enough weeks. A quiet week is zeros.
 *
 * @param weeks every week of the range, oldest first, quiet ones included
 * @param hardWeeks the heavier weeks of the range, oldest first, each with the wins it still held
 * @param whatSeemsToHelp per focus area the person logged a win in or had as their focus during the range (in the
 *     vocabulary's order), a comparison of their own weeks
 * @param focusOverTime the focus area and stage current when the range starts (if any), then each choice made in it
 */
@Schema(
        name = "Patterns",
        description = "Your patterns over your last weeks: each week, the heavier weeks with the wins they held, what"
                + " seems to help, and your focus area over time.",
        requiredProperties = {"weeks", "hardWeeks", "whatSeemsToHelp", "focusOverTime"})
public record PersonPatterns(
        @ArraySchema(arraySchema = @Schema(description = "Every week of the range, oldest first, quiet ones as zeros"))
        List<Week> weeks,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Weeks with a mood average of 2.5 or lower, or more than half of"
                                        + " their check-ins outside the window of tolerance, oldest first"))
        List<HardWeek> hardWeeks,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Per focus area with a win or chosen in the range: your weeks"
                                        + " with at least 2 wins in it against weeks with fewer"))
        List<Comparison> whatSeemsToHelp,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The focus area and stage current when the range starts, then"
                                        + " each choice made in it, oldest first"))
        List<Focus> focusOverTime) {

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
    @Schema(
            name = "PatternWeek",
            description = "One ISO week, Monday to Sunday in your zone; a quiet week is zeros without averages.",
            requiredProperties = {"week", "weekStart", "weekEnd", "wins", "daysShownUp", "checkIns", "reflectionWritten"
            })
    public record Week(
            @Schema(pattern = "^[0-9]{4}-W[0-9]{2}$", example = "2026-W48")
            String week,

            @Schema(format = "date", example = "2026-11-23") String weekStart,
            @Schema(format = "date", example = "2026-11-29") String weekEnd,
            @Schema(minimum = "0", example = "4") int wins,

            @Schema(
                    implementation = FocusArea.class,
                    description = "The focus area current at the end of the week; absent before your first")
            String focusArea,

            @Schema(implementation = StageOfChange.class, description = "Its stage of change; absent before your first")
            String stage,

            @Schema(
                    description = "Wins in that focus area; absent when there is no focus area yet",
                    minimum = "0",
                    example = "2")
            Integer winsInFocusArea,

            @Schema(description = "Distinct local days with any entry", minimum = "0", maximum = "7", example = "4")
            int daysShownUp,

            @Schema(minimum = "0", example = "5") int checkIns,

            @Schema(
                    description = "Mean mood of the week's check-ins; absent without check-ins",
                    minimum = "1",
                    maximum = "5",
                    example = "3.4")
            Double moodAverage,

            @Schema(
                    description = "Mean energy of the week's check-ins; absent without check-ins",
                    minimum = "1",
                    maximum = "5",
                    example = "2.8")
            Double energyAverage,

            @Schema(
                    description = "Share of the week's check-ins within the window of tolerance; absent"
                            + " without check-ins",
                    minimum = "0",
                    maximum = "1",
                    example = "0.6")
            Double shareWithinWindow,

            @Schema(description = "Whether you wrote the week's reflection", example = "true")
            boolean reflectionWritten) {}

    /**
     * A heavier week: mood average 2.5 or lower, or more than half of its check-ins outside the window of tolerance.
     *
     * @param because {@value Patterns#LOW_MOOD} and/or {@value Patterns#MOSTLY_OUTSIDE_THE_WINDOW}
     * @param winsLogged the week's wins as they are now, oldest first
     * @param summary e.g. "3 wins in a heavier week"
     */
    @Schema(
            name = "HardWeek",
            description = "A heavier week, shown with the wins it still held.",
            requiredProperties = {"week", "moodAverage", "shareWithinWindow", "because", "winsLogged", "summary"})
    public record HardWeek(
            @Schema(pattern = "^[0-9]{4}-W[0-9]{2}$", example = "2026-W46")
            String week,

            @Schema(minimum = "1", maximum = "5", example = "2.5")
            double moodAverage,

            @Schema(minimum = "0", maximum = "1", example = "0.33")
            double shareWithinWindow,

            @ArraySchema(
                    arraySchema = @Schema(description = "Why the week counts as heavier"),
                    schema = @Schema(allowableValues = {Patterns.LOW_MOOD, Patterns.MOSTLY_OUTSIDE_THE_WINDOW}))
            List<String> because,

            @ArraySchema(arraySchema = @Schema(description = "The week's wins as they are now, oldest first"))
            List<Win> winsLogged,

            @Schema(example = "3 wins in a heavier week") String summary) {}

    /** A win as it is now. */
    @Schema(
            name = "PatternWin",
            requiredProperties = {"id", "day", "text", "focusArea"})
    public record Win(
            @Schema(example = "w-001") String id,
            @Schema(format = "date", example = "2026-11-18") String day,
            @Schema(example = "Today I said no") String text,
            @Schema(implementation = FocusArea.class) String focusArea) {}

    /**
     * Weeks with at least {@value Patterns#MANY_WINS} wins in an area against weeks with fewer, counting only weeks
     * with check-ins. The means are shown only when each side has {@value Patterns#ENOUGH_WEEKS} weeks or more;
     * until then each side says how many more weeks it needs.
     */
    @Schema(
            name = "WhatSeemsToHelp",
            description = "Your weeks with at least 2 wins in an area against your weeks with fewer (weeks with"
                    + " check-ins only); the means appear once each side has 3 weeks. A comparison, never a cause.",
            requiredProperties = {"focusArea", "shown", "withTwoOrMoreWins", "withFewerWins", "sentence"})
    public record Comparison(
            @Schema(implementation = FocusArea.class) String focusArea,

            @Schema(description = "Whether each side has enough weeks for the means to be shown", example = "true")
            boolean shown,

            Side withTwoOrMoreWins,
            Side withFewerWins,

            @Schema(
                    example = "Weeks with 2 or more rest wins had a mood average of 3.4; weeks with fewer had"
                            + " 2.9. This compares your own weeks and does not say why.")
            String sentence) {}

    /**
     * @param weeks weeks with check-ins on this side
     * @param moodAverage mean of their weekly mood averages (2 decimals); only when the comparison is shown
     * @param moreWeeksNeeded weeks with check-ins still needed on this side before anything is compared (0 when enough)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "ComparisonSide",
            requiredProperties = {"weeks", "moreWeeksNeeded"})
    public record Side(
            @Schema(description = "Weeks with check-ins on this side", minimum = "0", example = "4")
            int weeks,

            @Schema(
                    description = "Mean of their weekly mood averages; only when the comparison is shown",
                    minimum = "1",
                    maximum = "5",
                    example = "3.4")
            Double moodAverage,

            @Schema(description = "More weeks this side needs before a comparison", minimum = "0", example = "0")
            int moreWeeksNeeded) {}

    /** A focus area and stage of change, from the week it was chosen. */
    @Schema(
            name = "FocusChange",
            requiredProperties = {"week", "focusArea", "stage"})
    public record Focus(
            @Schema(pattern = "^[0-9]{4}-W[0-9]{2}$", example = "2026-W45")
            String week,

            @Schema(implementation = FocusArea.class) String focusArea,
            @Schema(implementation = StageOfChange.class) String stage) {}
}
