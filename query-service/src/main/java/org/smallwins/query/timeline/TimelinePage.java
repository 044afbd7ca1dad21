package org.smallwins.query.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a timeline, newest first; {@code hasMore} says whether an older page follows, and {@code nextCursor}
 * (present exactly when it does) fetches it.
 */
@Schema(
        description = "One page of a timeline, newest first.",
        requiredProperties = {"items", "hasMore"})
public record TimelinePage(
        List<TimelineEntry> items,

        @Schema(description = "Whether an older page follows", example = "true")
        boolean hasMore,

        @Schema(
                description = "Pass as `cursor` for the next (older) page; present exactly when `hasMore`",
                example = "MjAyNi0xMS0yM3x3LTE")
        String nextCursor) {

    /** A page followed by the one {@code nextCursor} names, or the last page when it is null. */
    public TimelinePage(List<TimelineEntry> items, String nextCursor) {
        this(items, nextCursor != null, nextCursor);
    }
}
