package org.smallwins.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.smallwins.contract.RetractionReason;

/**
 * One version of an entry, as recorded: what changed (field names), the entry as that version had it (the person's
 * own data, shown only to them; absent for a retraction), when it was recorded and by which request.
 *
 * @param changed the fields this version changed; empty for the first version and for a retraction
 * @param reason  a retraction's reason, from the fixed vocabulary; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "One version of an entry, as recorded.",
        requiredProperties = {"version", "type", "typeVersion", "sequence", "recordedAt", "correlationId", "changed"})
public record EntryVersion(
        @Schema(minimum = "1", example = "2") int version,

        @Schema(description = "The event that made this version", example = "WinCorrected")
        String type,

        @Schema(description = "That event type's version", minimum = "1", example = "1")
        int typeVersion,

        @Schema(minimum = "1", example = "9") long sequence,
        @Schema(example = "2026-11-24T09:00:00Z") Instant recordedAt,

        @Schema(example = "3b2f6c1e-8f0a-4c2d-9a1b-7e6f5d4c3b2a")
        String correlationId,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description =
                                        "The fields this version changed; empty for the first and for a retraction"),
                schema = @Schema(example = "text"))
        List<String> changed,

        @Schema(implementation = RetractionReason.class) String reason,
        Values values) {

    /** The entry as this version had it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "EntryValues",
            description = "The entry as a version had it (absent for a retraction).",
            requiredProperties = {"day", "occurredAt", "zone"})
    public record Values(
            @Schema(format = "date", example = "2026-11-23") String day,
            @Schema(example = "2026-11-23T08:30:00Z") Instant occurredAt,
            @Schema(example = "Europe/Berlin") String zone,
            TimelineEntry.Win win,
            TimelineEntry.CheckIn checkIn) {}
}
