package org.smallwins.command.portability.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an import.
 *
 * @param outcome         {@code IMPORTED}, or {@code ALREADY_IMPORTED} when every entry was already in the journal
 * @param events          events in the file
 * @param recorded        entries recorded now
 * @param alreadyRecorded entries the journal already held exactly so
 * @param sequence        the journal's sequence after the import: pass it to a read to see the imported entries
 */
@Schema(
        name = "ImportResult",
        description = "What an import did.",
        requiredProperties = {"outcome", "events", "recorded", "alreadyRecorded", "sequence"})
public record ImportResponse(
        @Schema(
                description = "IMPORTED, or ALREADY_IMPORTED when every entry was already in the journal",
                allowableValues = {"IMPORTED", "ALREADY_IMPORTED"},
                example = "IMPORTED")
        String outcome,

        @Schema(description = "Events in the file", minimum = "0", example = "12")
        long events,

        @Schema(description = "Entries recorded now", minimum = "0", example = "12")
        long recorded,

        @Schema(description = "Entries the journal already held exactly so", minimum = "0", example = "0")
        long alreadyRecorded,

        @Schema(
                description = "The journal's sequence after the import: pass it to a read to see the entries",
                minimum = "0",
                example = "12")
        long sequence) {}
