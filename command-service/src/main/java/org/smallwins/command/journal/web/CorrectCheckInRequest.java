package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smallwins.contract.ToleranceWindow;

/** A check-in's full new values as sent by a client (its id is in the path). Types only, like {@link RecordCheckInRequest}. */
@Schema(
        name = "CorrectCheckInRequest",
        description = "A check-in's full new values (its id is in the path).",
        requiredProperties = {"mood", "energy", "window"})
public record CorrectCheckInRequest(
        @Schema(description = "Mood from 1 to 5", minimum = "1", maximum = "5", format = "int32", example = "3")
        Integer mood,

        @Schema(description = "Energy from 1 to 5", minimum = "1", maximum = "5", format = "int32", example = "2")
        Integer energy,

        @Schema(implementation = ToleranceWindow.class) String window,

        @Schema(
                description = "Optional note, up to 1,000 characters (none removes it)",
                maxLength = 1000,
                example = "Slept well.")
        String note,

        @Schema(
                description = "When the check-in was made (ISO-8601 with offset); default its current time",
                format = "date-time",
                example = "2026-11-23T08:30:00Z")
        String at,

        @Schema(
                description = "The IANA zone it was made in; default its current zone",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "CorrectCheckInRequest[]";
    }
}
