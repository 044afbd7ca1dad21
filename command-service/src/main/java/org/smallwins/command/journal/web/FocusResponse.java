package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;
import org.smallwins.journal.EntryOutcome;

/**
 * The answer to a focus choice.
 *
 * @param area     the focus area now current
 * @param stage    its stage of change
 * @param outcome  {@code RECORDED}, or {@code ALREADY_RECORDED} when it was already the current choice
 * @param sequence the person's journal sequence after this write (also in the {@code Journal-Sequence} header)
 * @param version  how many choices the person has made, this one included
 */
@Schema(
        name = "FocusChosen",
        description = "What a focus choice did.",
        requiredProperties = {"area", "stage", "outcome", "sequence", "version"})
public record FocusResponse(
        @Schema(implementation = FocusArea.class) String area,

        @Schema(implementation = StageOfChange.class) String stage,

        @Schema(implementation = EntryOutcome.class) String outcome,

        @Schema(
                description = "The person's journal sequence after this write (also `Journal-Sequence`): pass it to a "
                        + "read to see this choice there",
                minimum = "1",
                example = "42")
        long sequence,

        @Schema(description = "How many focus choices you have made, this one included", minimum = "1", example = "1")
        int version) {}
