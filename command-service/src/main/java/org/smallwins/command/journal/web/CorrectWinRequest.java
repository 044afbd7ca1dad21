package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.contract.FocusArea;

/** A win's full new content as sent by a client (its id is in the path). Types only, like {@link LogWinRequest}. */
@Schema(
        name = "CorrectWinRequest",
        description = "A win's full new content (its id is in the path).",
        requiredProperties = {"text", "focusArea"})
public record CorrectWinRequest(
        @Schema(
                description = "The new \"Today I…\" sentence, 1–500 characters after trimming",
                minLength = 1,
                maxLength = 500,
                example = "Today I rested, without any guilt")
        String text,

        @Schema(implementation = FocusArea.class) String focusArea,

        @ArraySchema(
                arraySchema = @Schema(description = "Up to 10 tags, 1–40 characters each (the full new list)"),
                maxItems = 10,
                schema = @Schema(minLength = 1, maxLength = 40, example = "evening"))
        List<String> tags,

        @Schema(
                description = "The local day the win belongs to; default its current day; later than today is refused",
                format = "date",
                example = "2026-11-16")
        String day,

        @Schema(
                description = "The IANA zone of that day; default its current zone",
                maxLength = 64,
                example = "Europe/Berlin")
        String zone) {

    @Override
    public String toString() {
        return "CorrectWinRequest[]";
    }
}
