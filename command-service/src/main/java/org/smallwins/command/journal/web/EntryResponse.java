package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.smallwins.contract.EntryKind;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.platform.ApiHeaders;

/**
 * The answer to an accepted entry.
 *
 * @param id      the entry's id
 * @param kind    {@code WIN} or {@code CHECK_IN}
 * @param outcome  {@code RECORDED}, or {@code ALREADY_RECORDED} when this was a retry of an entry already kept
 * @param version  the entry's version after this write (also its {@code ETag}): 1 as first logged
 * @param sequence the person's journal sequence after this write (also in the {@code Journal-Sequence} header): pass
 *                 it to a read ({@code ?after=} or the same header) to see this entry there
 */
@Schema(
        name = "EntryAccepted",
        description = "What a write to an entry did.",
        requiredProperties = {"id", "kind", "outcome", "sequence", "version"})
public record EntryResponse(
        @Schema(
                description = "The entry's id",
                pattern = ApiHeaders.ENTRY_ID_PATTERN,
                example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String id,

        @Schema(implementation = EntryKind.class) String kind,

        @Schema(implementation = EntryOutcome.class) String outcome,

        @Schema(
                description = "The person's journal sequence after this write (also `Journal-Sequence`): pass it to a "
                        + "read to see this entry there",
                minimum = "1",
                example = "42")
        long sequence,

        @Schema(
                description = "The entry's version after this write (also its `ETag`): 1 as first logged",
                minimum = "1",
                example = "1")
        int version) {}
