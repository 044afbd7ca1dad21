package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.contract.FocusArea;
import org.smallwins.platform.ApiHeaders;

/** A win as sent by a client. Types only: read into a command by the journal's request parser, checked by its decider. */
@Schema(
        name = "LogWinRequest",
        description = "A small win to log.",
        requiredProperties = {"winId", "text", "focusArea"})
public record LogWinRequest(
        @Schema(
                description = "Id chosen by the client (a UUID works); sending it again is safe",
                pattern = ApiHeaders.ENTRY_ID_PATTERN,
                example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String winId,

        @Schema(
                description = "The \"Today I…\" sentence, 1–500 characters after trimming",
                minLength = 1,
                maxLength = 500,
                example = "Today I rested without guilt")
        String text,

        @Schema(implementation = FocusArea.class) String focusArea,

        @ArraySchema(
                arraySchema = @Schema(description = "Up to 10 tags, 1–40 characters each; repeats are kept once"),
                maxItems = 10,
                schema = @Schema(minLength = 1, maxLength = 40, example = "evening"))
        List<String> tags,

        @Schema(
                description = "The local day the win belongs to; default today in `zone`; later than today is refused",
                format = "date",
                example = "2026-11-23")
        String day,

        @Schema(
                description = "Your IANA time zone; default the zone of your previous entry",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "LogWinRequest[winId=" + winId + "]";
    }
}
