package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A win as sent by a client. Types only: read into a command by the journal's request parser, checked by its decider. */
public record LogWinRequest(
        @Schema(
                description = "Id chosen by the client (a UUID works); sending it again is safe",
                example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String winId,

        @Schema(
                description = "The \"Today I…\" sentence, 1–500 characters after trimming",
                example = "Today I rested without guilt")
        String text,

        @Schema(
                description =
                        "One of REST, BOUNDARIES, SELF_COMPASSION, FEELINGS, ASKING_FOR_HELP, NOTICING_PATTERNS, CONNECTION, MOVEMENT, OTHER",
                example = "REST")
        String focusArea,

        @Schema(description = "Up to 10 tags, 1–40 characters each")
        List<String> tags,

        @Schema(
                description = "The local day the win belongs to; default today in `zone`; later than today is refused",
                example = "2026-11-23")
        String day,

        @Schema(description = "Your IANA time zone; default the zone of your previous entry", example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "LogWinRequest[winId=" + winId + "]";
    }
}
