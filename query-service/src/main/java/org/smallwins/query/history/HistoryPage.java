package org.smallwins.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a person's history, newest first; {@code nextCursor} (present when {@code hasMore}) fetches older ones. */
@Schema(
        description = "One page of your history, newest first.",
        requiredProperties = {"items", "hasMore"})
public record HistoryPage(
        List<HistoryEvent> items,

        @Schema(description = "Whether older events follow", example = "true")
        boolean hasMore,

        @Schema(
                description = "Pass as `cursor` for the next (older) page; present when `hasMore`",
                pattern = "^[1-9][0-9]{0,17}$",
                example = "41")
        String nextCursor) {}
