package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** A check-in as sent by a client. Types only: read into a command by the journal's request parser, checked by its decider. */
public record RecordCheckInRequest(
        @Schema(
                description = "Id chosen by the client (a UUID works); sending it again is safe",
                example = "8b0e7c1a-2f44-4a8e-b0c3-5d6e7f8a9b0c")
        String checkInId,

        @Schema(description = "Mood from 1 to 5", example = "3")
        Integer mood,

        @Schema(description = "Energy from 1 to 5", example = "2")
        Integer energy,

        @Schema(description = "HYPOAROUSED, WITHIN or HYPERAROUSED", example = "WITHIN")
        String window,

        @Schema(description = "Optional note, up to 1,000 characters")
        String note,

        @Schema(
                description = "When the check-in was made (ISO-8601 with offset); default now",
                example = "2026-11-23T08:30:00Z")
        String at,

        @Schema(
                description = "The IANA zone it was made in; default the zone of your previous entry",
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "RecordCheckInRequest[checkInId=" + checkInId + "]";
    }
}
