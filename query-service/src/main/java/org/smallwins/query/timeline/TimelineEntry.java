package org.smallwins.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.platform.ApiHeaders;

/**
 * One entry of the timeline as it stands now: a win or a check-in, exactly one of {@code win} and {@code checkIn} is
 * present.
 *
 * @param sequence  the sequence of the event that logged it
 * @param version   the entry's version (1 as first logged; each correction adds one): its {@code ETag}
 * @param corrected when it was last corrected, and to which version; absent if it never was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "One entry as it stands now: a win (with `win`) or a check-in (with `checkIn`).",
        requiredProperties = {"id", "kind", "day", "occurredAt", "zone", "sequence", "version"})
public record TimelineEntry(
        @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String id,

        @Schema(implementation = EntryKind.class) String kind,

        @Schema(description = "The local day it belongs to", format = "date", example = "2026-11-23")
        String day,

        @Schema(description = "When it happened", example = "2026-11-23T08:30:00Z")
        Instant occurredAt,

        @Schema(description = "The IANA zone of that day", example = "Europe/Berlin")
        String zone,

        @Schema(description = "The sequence of the event that logged it", minimum = "1", example = "7")
        long sequence,

        @Schema(description = "The entry's version (its ETag)", minimum = "1", example = "1")
        int version,

        Corrected corrected,
        Win win,
        CheckIn checkIn) {

    @Schema(
            name = "WinContent",
            description = "A win's content.",
            requiredProperties = {"text", "focusArea", "tags"})
    public record Win(
            @Schema(
                    description = "The \"Today I…\" sentence",
                    maxLength = 500,
                    example = "Today I rested without guilt")
            String text,

            @Schema(implementation = FocusArea.class) String focusArea,

            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 40, example = "evening"))
            List<String> tags) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "CheckInContent",
            description = "A check-in's values.",
            requiredProperties = {"mood", "energy", "window"})
    public record CheckIn(
            @Schema(minimum = "1", maximum = "5", example = "3")
            int mood,

            @Schema(minimum = "1", maximum = "5", example = "2")
            int energy,

            @Schema(implementation = ToleranceWindow.class) String window,

            @Schema(maxLength = 1000, example = "Slept well.")
            String note) {}

    @Schema(
            name = "Correction",
            description = "When the entry was last corrected, and to which version.",
            requiredProperties = {"at", "version"})
    public record Corrected(
            @Schema(example = "2026-11-24T09:00:00Z") Instant at,
            @Schema(minimum = "2", example = "2") int version) {}
}
