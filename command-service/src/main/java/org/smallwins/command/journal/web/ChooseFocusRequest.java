package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;

/** A focus choice as sent by a client. Types only: read into a command by the journal's request parser. */
@Schema(
        name = "ChooseFocusRequest",
        description = "The one area you focus on, and where you are with it.",
        requiredProperties = {"area", "stage"})
public record ChooseFocusRequest(
        @Schema(implementation = FocusArea.class) String area,

        @Schema(implementation = StageOfChange.class) String stage,

        @Schema(
                description = "Your IANA time zone; default the zone of your latest entry (required before any)",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "ChooseFocusRequest[]";
    }
}
