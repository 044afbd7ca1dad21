package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.platform.ApiHeaders;

/** A week's reflection as sent by a client (the week is in the path). Types only, like {@link LogWinRequest}. */
@Schema(
        name = "WriteReflectionRequest",
        description = "A week's reflection, whole (the week is in the path); every member is optional.")
public record WriteReflectionRequest(
        @Schema(
                description = "Your answer to \"How did I learn to honor myself this week?\"; at most 2,000 characters "
                        + "after trimming; blank or absent for none",
                maxLength = 2000,
                example = "I said no to an extra shift and did not apologise twice.")
        String answer,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Up to five of this week's own win ids, each once, in the order you "
                                        + "choose them (the full new list)"),
                maxItems = 5,
                schema = @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "w-001"))
        List<String> winIds,

        @Schema(
                description = "Whether you affirm \"I'm proud of myself for showing up\"; default false",
                example = "true")
        Boolean proudOfShowingUp,

        @Schema(
                description = "Your IANA time zone (what \"this week\" means); default the zone of your latest entry",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    /** Never prints the answer. */
    @Override
    public String toString() {
        return "WriteReflectionRequest[]";
    }
}
