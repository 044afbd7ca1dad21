package org.smallwins.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event of a person's journal as recorded. Holds nothing a person wrote or rated: the summary names the event and
 * the fields it changed ("Win corrected: text, day"), never their values.
 *
 * @param entryId the entry it was about; absent for an event about the whole journal (an erasure, a focus area
 *     chosen, a weekly reflection)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "One event of your journal as recorded; nothing you wrote or rated.",
        requiredProperties = {"sequence", "type", "typeVersion", "occurred", "recorded", "correlationId", "summary"})
public record HistoryEvent(
        @Schema(minimum = "1", example = "9") long sequence,
        @Schema(example = "WinCorrected") String type,
        @Schema(minimum = "1", example = "1") int typeVersion,

        @Schema(
                description = "The entry it was about; absent for a journal-level event",
                example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String entryId,

        @Schema(example = "2026-11-24T09:00:00Z") Instant occurred,
        @Schema(example = "2026-11-24T09:00:01Z") Instant recorded,

        @Schema(example = "3b2f6c1e-8f0a-4c2d-9a1b-7e6f5d4c3b2a")
        String correlationId,

        @Schema(description = "What happened, naming changed fields but never values", example = "Win corrected: text")
        String summary) {}
