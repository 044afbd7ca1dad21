package org.smallwins.query.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.smallwins.contract.EntryKind;
import org.smallwins.platform.ApiHeaders;

/** Every version of one entry, oldest first; {@code retracted} when its last version took it back. */
@Schema(
        description = "Every version of one entry, oldest first.",
        requiredProperties = {"id", "kind", "retracted", "versions"})
public record EntryHistory(
        @Schema(pattern = ApiHeaders.ENTRY_ID_PATTERN, example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")
        String id,

        @Schema(implementation = EntryKind.class) String kind,

        @Schema(description = "Whether its last version took it back", example = "false")
        boolean retracted,

        List<EntryVersion> versions) {}
