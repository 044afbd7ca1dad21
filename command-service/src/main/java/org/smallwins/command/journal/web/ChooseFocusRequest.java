package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** A focus choice as sent by a client. Types only: read into a command by the journal's request parser. */
public record ChooseFocusRequest(
        @Schema(
                description =
                        "One of REST, BOUNDARIES, SELF_COMPASSION, FEELINGS, ASKING_FOR_HELP, NOTICING_PATTERNS, CONNECTION, MOVEMENT, OTHER",
                example = "BOUNDARIES")
        String area,

        @Schema(
                description = "Where you are with it: PRECONTEMPLATION, CONTEMPLATION, PREPARATION, ACTION or "
                        + "MAINTENANCE (a place, not a grade: moving back a stage is fine)",
                example = "CONTEMPLATION")
        String stage,

        @Schema(
                description = "Your IANA time zone; default the zone of your latest entry (required before any)",
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "ChooseFocusRequest[]";
    }
}
