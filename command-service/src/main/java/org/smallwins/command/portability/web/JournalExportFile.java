package org.smallwins.command.portability.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The JSON export of a journal as the API documents describe it ({@code GET /api/journal/export}, and the body
 * {@code POST /api/journal/import} reads). Written as a stream by {@code JournalExport}; this record only names its
 * shape for the documents.
 */
@Schema(
        name = "JournalExport",
        description = "Everything a journal recorded, as recorded: every event with its envelope and payload. An "
                + "import skips top-level members it does not know (the format has its own formatVersion).",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        requiredProperties = {"format", "formatVersion", "events"})
record JournalExportFile(
        @Schema(allowableValues = "smallwins-journal-export", example = "smallwins-journal-export")
        String format,

        @Schema(minimum = "1", maximum = "1", format = "int32", example = "1")
        int formatVersion,

        @Schema(description = "When the export was written", example = "2026-11-23T08:30:00Z")
        Instant exportedAt,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Every event of the journal in sequence order, each as the "
                                        + "event contract's JSON: its envelope and its payload"),
                schema =
                        @Schema(
                                type = "object",
                                description = "One event: the event contract's JSON envelope with its payload",
                                example = "{\"sequence\":1,\"type\":\"WinLogged\"}"))
        List<Object> events,

        @Schema(description = "How many events the file holds", minimum = "0", example = "1")
        long eventCount) {}
