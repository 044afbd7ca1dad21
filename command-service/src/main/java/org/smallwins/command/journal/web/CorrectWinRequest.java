package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A win's full new content as sent by a client (its id is in the path). Types only, like {@link LogWinRequest}. */
public record CorrectWinRequest(
        @Schema(
                description = "The new \"Today I…\" sentence, 1–500 characters after trimming",
                example = "Today I rested, without any guilt")
        String text,

        @Schema(
                description =
                        "One of REST, BOUNDARIES, SELF_COMPASSION, FEELINGS, ASKING_FOR_HELP, NOTICING_PATTERNS, CONNECTION, MOVEMENT, OTHER",
                example = "REST")
        String focusArea,

        @Schema(description = "Up to 10 tags, 1–40 characters each (the full new list)")
        List<String> tags,

        @Schema(
                description = "The local day the win belongs to; default its current day; later than today is refused",
                example = "2026-11-16")
        String day,

        @Schema(description = "The IANA zone of that day; default its current zone", example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "CorrectWinRequest[]";
    }
}
