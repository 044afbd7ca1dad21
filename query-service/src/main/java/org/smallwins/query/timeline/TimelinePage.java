package org.smallwins.query.timeline;

import java.util.List;

/**
 * One page of a timeline, newest first; {@code hasMore} says whether an older page follows, and {@code nextCursor}
 * (present exactly when it does) fetches it.
 */
public record TimelinePage(List<TimelineEntry> items, boolean hasMore, String nextCursor) {

    /** A page followed by the one {@code nextCursor} names, or the last page when it is null. */
    public TimelinePage(List<TimelineEntry> items, String nextCursor) {
        this(items, nextCursor != null, nextCursor);
    }
}
