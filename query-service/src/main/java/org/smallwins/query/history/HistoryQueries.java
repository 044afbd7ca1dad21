package org.smallwins.query.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.query.readstore.ReadStore;

/**
 * Reads a person's journal as recorded, newest first, a page at a time. Each event's document is keyed
 * {@code userId|sequence} and a person's sequence is gap-free, so a page is the exact {@code _id}s counting down from the
 * person's latest sequence (or from the cursor): read through the primary index, however long the journal is. The
 * journal starts again at its latest erasure, whose own event is the oldest one kept.
 */
public class HistoryQueries {

    public static final int MAX_LIMIT = 100;

    private final ReadStore store;

    public HistoryQueries(ReadStore store) {
        this.store = store;
    }

    /**
     * @param before the {@code nextCursor} of a previous page (the oldest sequence it showed), or null for the newest
     */
    public HistoryPage page(String userId, int limit, Long before) {
        Document journal = store.journals().find(eq("_id", userId)).first();
        if (journal == null) {
            return new HistoryPage(List.of(), false, null);
        }
        long latest = journal.get("lastSequence", Number.class).longValue();
        Number erasedThrough = journal.get("erasedThrough", Number.class);
        long oldest = erasedThrough != null ? erasedThrough.longValue() : 1;
        long from = before != null ? Math.min(before - 1, latest) : latest;
        if (from < oldest) {
            return new HistoryPage(List.of(), false, null);
        }
        long to = Math.max(oldest, from - limit + 1);
        List<String> ids = new ArrayList<>();
        for (long sequence = from; sequence >= to; sequence--) {
            ids.add(userId + "|" + String.format("%012d", sequence));
        }
        Map<String, Document> found = new HashMap<>();
        store.history().find(in("_id", ids)).forEach(doc -> found.put(doc.getString("_id"), doc));
        List<HistoryEvent> items = ids.stream()
                .map(found::get)
                .filter(doc -> doc != null)
                .map(HistoryQueries::toEvent)
                .toList();
        boolean hasMore = to > oldest;
        return new HistoryPage(items, hasMore, hasMore ? Long.toString(to) : null);
    }

    private static HistoryEvent toEvent(Document doc) {
        return new HistoryEvent(
                doc.get("sequence", Number.class).longValue(),
                doc.getString("type"),
                doc.getInteger("typeVersion"),
                doc.getString("entryId"),
                doc.getDate("occurredAt").toInstant(),
                doc.getDate("recordedAt").toInstant(),
                doc.getString("correlationId"),
                doc.getString("summary"));
    }
}
