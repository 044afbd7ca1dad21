package org.smallwins.query.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a timeline, newest first; {@code nextCursor} fetches the next (older) page, null on the last page. */
@Schema(
        description = "One page of a timeline, newest first.",
        requiredProperties = {"items"})
public record TimelinePage(
        List<TimelineEntry> items,

        @Schema(
                description = "Pass as `cursor` for the next (older) page; absent on the last page",
                example = "MjAyNi0xMS0yM3x3LTE")
        String nextCursor) {}
