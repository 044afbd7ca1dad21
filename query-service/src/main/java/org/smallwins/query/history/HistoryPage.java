package org.smallwins.query.history;

import java.util.List;

/** One page of a person's history, newest first; {@code nextCursor} (present when {@code hasMore}) fetches older ones. */
public record HistoryPage(List<HistoryEvent> items, boolean hasMore, String nextCursor) {}
