package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.platform.ApiHeaders;

/** A check-in as sent by a client. Types only: read into a command by the journal's request parser, checked by its decider. */
@Schema(
        name = "RecordCheckInRequest",
        description = "A check-in to record: mood, energy and where you are against your window of tolerance.",
        requiredProperties = {"checkInId", "mood", "energy", "window"})
public record RecordCheckInRequest(
        @Schema(
                description = "Id chosen by the client (a UUID works); sending it again is safe",
                pattern = ApiHeaders.ENTRY_ID_PATTERN,
                example = "8b0e7c1a-2f44-4a8e-b0c3-5d6e7f8a9b0c")
        String checkInId,

        @Schema(description = "Mood from 1 to 5", minimum = "1", maximum = "5", format = "int32", example = "3")
        Integer mood,

        @Schema(description = "Energy from 1 to 5", minimum = "1", maximum = "5", format = "int32", example = "2")
        Integer energy,

        @Schema(implementation = ToleranceWindow.class) String window,

        @Schema(description = "Optional note, up to 1,000 characters", maxLength = 1000, example = "Slept well.")
        String note,

        @Schema(
                description = "When the check-in was made (ISO-8601 with offset); default now",
                format = "date-time",
                example = "2026-11-23T08:30:00Z")
        String at,

        @Schema(
                description = "The IANA zone it was made in; default the zone of your previous entry",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "RecordCheckInRequest[checkInId=" + checkInId + "]";
    }
}
