package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A week's reflection as sent by a client (the week is in the path). Types only, like {@link LogWinRequest}. */
public record WriteReflectionRequest(
        @Schema(
                description = "Your answer to \"How did I learn to honor myself this week?\"; optional, at most 2,000 "
                        + "characters after trimming",
                example = "I said no to an extra shift and did not apologise twice.")
        String answer,

        @Schema(
                description = "Up to five of this week's own win ids, in the order you choose them (the full new list)",
                example = "[\"w-1\", \"w-4\"]")
        List<String> winIds,

        @Schema(
                description = "Whether you affirm \"I'm proud of myself for showing up\"; default false",
                example = "true")
        Boolean proudOfShowingUp,

        @Schema(
                description = "Your IANA time zone (what \"this week\" means); default the zone of your latest entry",
                example = "Europe/Berlin")
        String zone) {

    /** Never prints the answer. */
    @Override
    public String toString() {
        return "WriteReflectionRequest[]";
    }
}
