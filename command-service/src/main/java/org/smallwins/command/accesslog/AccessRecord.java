package org.smallwins.command.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One time a person's journal was taken out, brought in or asked to be erased. Holds no journal content: what was
 * done, when, by which request, and how many events it concerned.
 *
 * @param at            when
 * @param action        {@link Action}
 * @param correlationId the request that did it (its {@code X-Correlation-Id})
 * @param format        {@code json} or {@code csv} for an export; null otherwise
 * @param events        events exported, imported (new ones) or erased
 * @param outcome       how it ended, e.g. {@code COMPLETED}, {@code INTERRUPTED}, {@code ALREADY_IMPORTED},
 *                      {@code REFUSED}, {@code ERASED}
 * @param keyId         the data key destroyed by an erasure; null otherwise
 */
@Schema(
        description = "One time your journal was taken out, brought in or asked to be erased; no journal content.",
        requiredProperties = {"at", "action", "correlationId", "events", "outcome"})
public record AccessRecord(
        @Schema(description = "When", example = "2026-11-23T08:30:00Z")
        Instant at,

        Action action,

        @Schema(
                description = "The request that did it (its X-Correlation-Id)",
                example = "3b2f6c1e-8f0a-4c2d-9a1b-7e6f5d4c3b2a")
        String correlationId,

        @Schema(
                description = "json or csv, for an export",
                allowableValues = {"json", "csv"},
                example = "json")
        String format,

        @Schema(description = "Events exported, imported (new ones) or erased", minimum = "0", example = "12")
        long events,

        @Schema(
                description = "How it ended: COMPLETED, INTERRUPTED, IMPORTED, ALREADY_IMPORTED, REFUSED, ERASED, "
                        + "NOTHING_TO_ERASE, …",
                example = "COMPLETED")
        String outcome,

        @Schema(description = "The data key destroyed by an erasure", example = "key-5f8e2c7a")
        String keyId) {

    @Schema(name = "AccessAction", description = "What was done with the journal", example = "EXPORT")
    public enum Action {
        EXPORT,
        IMPORT,
        ERASURE
    }
}
