package org.smallwins.query.timeline;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.query.readstore.ReadStore;

/** Reads a user's timeline newest first, with keyset pagination over the entries' sort keys. */
public class TimelineQueries {

    public static final int MAX_LIMIT = 100;
    private static final Pattern SORT_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\|[0-9T:.Z-]{24}\\|\\d{12}");

    private final ReadStore store;

    public TimelineQueries(ReadStore store) {
        this.store = store;
    }

    /**
     * @param kind   {@code WIN}, {@code CHECK_IN} or null for both
     * @param from   first local day to include, or null
     * @param to     last local day to include, or null
     * @param cursor a cursor from a previous page, or null
     * @throws InvalidCursorException if the cursor is not one this service issued
     */
    public TimelinePage page(String userId, String kind, LocalDate from, LocalDate to, int limit, String cursor) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("userId", userId));
        if (kind != null) {
            filters.add(eq("kind", kind));
        }
        if (from != null) {
            filters.add(gte("sortKey", from.toString()));
        }
        if (to != null) {
            filters.add(lt("sortKey", to.plusDays(1).toString()));
        }
        if (cursor != null) {
            filters.add(lt("sortKey", decodeCursor(cursor)));
        }
        List<Document> docs = store.timeline()
                .find(and(filters))
                .sort(Sorts.descending("sortKey"))
                .limit(limit + 1)
                .into(new ArrayList<>());
        String next = null;
        if (docs.size() > limit) {
            docs = docs.subList(0, limit);
            next = encodeCursor(docs.get(limit - 1).getString("sortKey"));
        }
        return new TimelinePage(docs.stream().map(TimelineQueries::toEntry).toList(), next);
    }

    static TimelineEntry toEntry(Document doc) {
        TimelineEntry.Win win = null;
        TimelineEntry.CheckIn checkIn = null;
        if ("WIN".equals(doc.getString("kind"))) {
            Document w = doc.get("win", Document.class);
            win = new TimelineEntry.Win(w.getString("text"), w.getString("focusArea"), w.getList("tags", String.class));
        } else {
            Document c = doc.get("checkIn", Document.class);
            checkIn = new TimelineEntry.CheckIn(
                    c.getInteger("mood"), c.getInteger("energy"), c.getString("window"), c.getString("note"));
        }
        return new TimelineEntry(
                doc.getString("entryId"),
                doc.getString("kind"),
                doc.getString("day"),
                doc.getDate("occurredAt").toInstant(),
                doc.getString("zone"),
                doc.get("sequence", Number.class).longValue(),
                win,
                checkIn);
    }

    static String encodeCursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            String sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (SORT_KEY.matcher(sortKey).matches()) {
                return sortKey;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidCursorException();
    }

    public static class InvalidCursorException extends RuntimeException {
        InvalidCursorException() {
            super("invalid cursor", null, false, false);
        }
    }
}
