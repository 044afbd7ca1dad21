package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.platform.ApiHeaders;

/**
 * The answer to a week's reflection. The answer's text is not repeated (it is shown by the week view).
 *
 * @param isoWeek          the week
 * @param winIds           the chosen wins, in the order chosen
 * @param proudOfShowingUp whether it was affirmed
 * @param answered         whether the reflection holds an answer
 * @param outcome          {@code RECORDED}, or {@code ALREADY_RECORDED} when the week's reflection was already this
 * @param sequence         the person's journal sequence after this write (also in the {@code Journal-Sequence} header)
 * @param version          how many times this week's reflection was written, this one included
 */
@Schema(
        name = "ReflectionWritten",
        description = "What a week's reflection did (its answer is not repeated).",
        requiredProperties = {"isoWeek", "winIds", "proudOfShowingUp", "answered", "outcome", "sequence", "version"})
public record ReflectionResponse(
        @Schema(description = "The week", pattern = ApiHeaders.ISO_WEEK_PATTERN, example = "2026-W48")
        String isoWeek,

        @ArraySchema(
                arraySchema = @Schema(description = "The chosen wins, in the order chosen"),
                maxItems = 5,
                schema = @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "w-001"))
        List<String> winIds,

        @Schema(description = "Whether \"I'm proud of myself for showing up\" was affirmed", example = "true")
        boolean proudOfShowingUp,

        @Schema(description = "Whether the reflection holds an answer", example = "true")
        boolean answered,

        @Schema(implementation = EntryOutcome.class) String outcome,

        @Schema(
                description = "The person's journal sequence after this write (also `Journal-Sequence`): pass it to a "
                        + "read to see this reflection there",
                minimum = "1",
                example = "42")
        long sequence,

        @Schema(
                description = "How many times this week's reflection was written, this one included",
                minimum = "1",
                example = "1")
        int version) {}
