package org.smallwins.query.timeline;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.query.readstore.ReadStore;

/** Reads a user's timeline newest first, with keyset pagination over the entries' sort keys. */
public class TimelineQueries {

    public static final int MAX_LIMIT = 100;
    private static final Pattern SORT_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\|[0-9T:.Z-]{24}\\|\\d{12}");

    /** On a timeline document: every version of the entry; left out of what the timeline reads. */
    private static final String VERSIONS = "versions";
    /** On a timeline document: the entry was retracted; the timeline leaves it out. */
    private static final String RETRACTED = "retracted";

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
        filters.add(Filters.ne(RETRACTED, true));
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
                .projection(Projections.exclude(VERSIONS))
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

    /** The person's entry with this id as it stands now; empty if there is none of theirs, or it was retracted. */
    public Optional<TimelineEntry> entry(String userId, String entryId) {
        return Optional.ofNullable(store.timeline()
                        .find(eq("_id", userId + "|" + entryId))
                        .projection(Projections.exclude(VERSIONS))
                        .first())
                .filter(doc -> !doc.getBoolean(RETRACTED, false))
                .map(TimelineQueries::toEntry);
    }

    /**
     * Every version of the person's entry with this id, oldest first (a retracted entry's too: its history is theirs);
     * empty if they have no entry with this id.
     */
    public Optional<EntryHistory> history(String userId, String entryId) {
        Document doc = store.timeline().find(eq("_id", userId + "|" + entryId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        List<EntryVersion> versions = doc.getList(VERSIONS, Document.class, List.of()).stream()
                .map(TimelineQueries::toVersion)
                .toList();
        return Optional.of(new EntryHistory(
                doc.getString("entryId"), doc.getString("kind"), doc.getBoolean(RETRACTED, false), versions));
    }

    private static EntryVersion toVersion(Document v) {
        Document state = v.get("state", Document.class);
        EntryVersion.Values values = state == null
                ? null
                : new EntryVersion.Values(
                        state.getString("day"),
                        state.getDate("occurredAt").toInstant(),
                        state.getString("zone"),
                        win(state),
                        checkIn(state));
        return new EntryVersion(
                v.getInteger("version"),
                v.getString("type"),
                v.getInteger("typeVersion"),
                v.get("sequence", Number.class).longValue(),
                v.getDate("recordedAt").toInstant(),
                v.getString("correlationId"),
                v.getList("changed", String.class, List.of()),
                v.getString("reason"),
                values);
    }

    /**
     * An entry as it stands in a document of the timeline's shape ({@code entryId}, {@code kind}, {@code day},
     * {@code occurredAt}, {@code zone}, {@code sequence}, {@code version}, {@code corrected}, {@code win} or
     * {@code checkIn}): also what the changes feed keeps of each saved entry.
     */
    public static TimelineEntry toEntry(Document doc) {
        Document corrected = doc.get("corrected", Document.class);
        return new TimelineEntry(
                doc.getString("entryId"),
                doc.getString("kind"),
                doc.getString("day"),
                doc.getDate("occurredAt").toInstant(),
                doc.getString("zone"),
                doc.get("sequence", Number.class).longValue(),
                doc.getInteger("version", 1),
                corrected == null
                        ? null
                        : new TimelineEntry.Corrected(
                                corrected.getDate("at").toInstant(), corrected.getInteger("version")),
                win(doc),
                checkIn(doc));
    }

    private static TimelineEntry.Win win(Document doc) {
        Document w = doc.get("win", Document.class);
        return w == null
                ? null
                : new TimelineEntry.Win(w.getString("text"), w.getString("focusArea"), w.getList("tags", String.class));
    }

    private static TimelineEntry.CheckIn checkIn(Document doc) {
        Document c = doc.get("checkIn", Document.class);
        return c == null
                ? null
                : new TimelineEntry.CheckIn(
                        c.getInteger("mood"), c.getInteger("energy"), c.getString("window"), c.getString("note"));
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
