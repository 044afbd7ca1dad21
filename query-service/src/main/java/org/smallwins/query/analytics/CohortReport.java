package org.smallwins.query.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.contract.StageOfChange;

/**
 * The answer to a cohort query: one cell per group that has any week in the range (a suppressed cell says so and
 * holds no figure), and the stage-of-change transitions between consecutive weeks.
 *
 * @param from            first ISO week of the range (a block's first week)
 * @param to              last ISO week of the range (a block's last week)
 * @param groupBy         {@code focusArea}, {@code stage} or {@code none}
 * @param k               the fewest distinct people any figure here covers
 * @param blockWeeks      the size of the blocks the range is made of
 * @param cells           per group, in the vocabulary's order ({@code NOT_CHOSEN} last; {@code ALL} for none)
 * @param stageTransitions per move from one stage to another between consecutive weeks (the week before the range into
 *                        its first week included), in the vocabulary's order
 */
@Schema(
        name = "CohortReport",
        description = "Cohort figures over whole week blocks, k-anonymous",
        requiredProperties = {"from", "to", "groupBy", "k", "blockWeeks", "cells", "stageTransitions"})
public record CohortReport(
        @Schema(description = "First ISO week of the range", example = "2026-W01")
        String from,

        @Schema(description = "Last ISO week of the range", example = "2026-W12")
        String to,

        @Schema(description = "focusArea, stage or none", example = "focusArea")
        String groupBy,

        @Schema(description = "The fewest people any figure here covers", example = "10")
        int k,

        @Schema(description = "Weeks per block", example = "4")
        int blockWeeks,

        List<Cell> cells,
        List<Transition> stageTransitions) {

    public CohortReport {
        cells = List.copyOf(cells);
        stageTransitions = List.copyOf(stageTransitions);
    }

    /**
     * One group's figures over the range. A suppressed cell holds only its group and {@code suppressed: true}; in an
     * answered cell, a figure covering too few people is null and named in {@code suppressedFigures}.
     *
     * @param people                      distinct people with any week in the cell
     * @param personWeeks                 their weeks in the cell (weeks with an entry or a reflection)
     * @param wins                        wins in those weeks
     * @param winsPerPersonWeek           {@code wins / personWeeks}, two decimals
     * @param hardWeeks                   heavier weeks (mood average ≤ 2.5 or check-ins mostly outside the window)
     * @param hardWeeksWithAWin           of those, weeks that still held a win
     * @param shareOfHardWeeksWithAWin    {@code hardWeeksWithAWin / hardWeeks}, two decimals
     * @param checkIns                    check-ins in the cell
     * @param checkInsWithinWindow        of those, within the window of tolerance
     * @param shareOfCheckInsWithinWindow {@code checkInsWithinWindow / checkIns}, two decimals
     * @param moodTrend                   the weekly mood average of the first half of the range's blocks against the
     *                                    second half (null for a one-block range)
     * @param suppressedFigures           the figures left out because they would cover fewer than k people
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "CohortCell",
            description = "One group's figures; a suppressed cell holds only its group",
            requiredProperties = {"group", "suppressed"})
    public record Cell(
            @Schema(description = "Focus area, stage, NOT_CHOSEN, or ALL", example = "REST")
            String group,

            @Schema(description = "True: too few people (or suppressed so none can be derived)", example = "false")
            boolean suppressed,

            @Schema(example = "24") Integer people,
            @Schema(example = "210") Integer personWeeks,
            @Schema(example = "330") Integer wins,
            @Schema(example = "1.57") Double winsPerPersonWeek,
            @Schema(example = "85") Integer hardWeeks,
            @Schema(example = "67") Integer hardWeeksWithAWin,
            @Schema(example = "0.79") Double shareOfHardWeeksWithAWin,
            @Schema(example = "420") Integer checkIns,
            @Schema(example = "140") Integer checkInsWithinWindow,
            @Schema(example = "0.33") Double shareOfCheckInsWithinWindow,
            MoodTrend moodTrend,
            @Schema(example = "[\"hardWeeks\"]") List<String> suppressedFigures) {

        static Cell suppressed(String group) {
            return new Cell(group, true, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The mean weekly mood average of the person-weeks with check-ins in the first half of the range's blocks and in
     * the second half (the middle block of an odd count in neither), one decimal, and the change between them.
     */
    @Schema(
            name = "MoodTrend",
            requiredProperties = {"firstHalf", "secondHalf", "change"})
    public record MoodTrend(
            @Schema(example = "2.5") Double firstHalf,
            @Schema(example = "2.8") Double secondHalf,
            @Schema(example = "0.3") Double change) {}

    /**
     * How many times people moved from one stage of change to another between two consecutive weeks (moving back a
     * stage is not failure: it is counted the same way), and how many distinct people did. Suppressed: no figures.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "StageTransition",
            requiredProperties = {"from", "to", "suppressed"})
    public record Transition(
            @Schema(implementation = StageOfChange.class, example = "CONTEMPLATION")
            String from,

            @Schema(implementation = StageOfChange.class, example = "ACTION")
            String to,

            @Schema(example = "false") boolean suppressed,
            @Schema(example = "12") Integer count,
            @Schema(example = "12") Integer people) {}
}
