package org.smallwins.query.timeline;

import java.util.List;

/** One page of a timeline, newest first; {@code nextCursor} fetches the next (older) page, null on the last page. */
public record TimelinePage(List<TimelineEntry> items, String nextCursor) {}
