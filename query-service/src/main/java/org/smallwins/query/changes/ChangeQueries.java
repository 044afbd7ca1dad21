package org.smallwins.query.changes;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.query.readstore.ReadStore;
import org.smallwins.query.timeline.TimelineQueries;

/**
 * Reads what changed in a person's journal after a sequence, oldest first, a page at a time. Every event's document
 * of the whole history is keyed {@code userId|sequence} and keeps its change; a person's sequence is gap-free, so a
 * page is the exact {@code _id}s counting up from {@code after + 1}, read through the primary index however long the
 * journal is. The journal starts again at its latest erasure, whose own change is the first one kept: an app that was
 * behind it gets the erasure first, then the new journal.
 */
public class ChangeQueries {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** Ids per {@code $in} read (the stand-in compares each found document with the whole list again). */
    private static final int READ_CHUNK = 100;

    private final ReadStore store;

    public ChangeQueries(ReadStore store) {
        this.store = store;
    }

    /** The person's latest projected sequence (0 before their first event): one small document by its exact id. */
    public long latest(String userId) {
        Document journal = store.journals()
                .find(eq("_id", userId))
                .projection(Projections.include("lastSequence"))
                .first();
        Number sequence = journal == null ? null : journal.get("lastSequence", Number.class);
        return sequence == null ? 0 : sequence.longValue();
    }

    /** At most {@code limit} changes after sequence {@code after}, in sequence order. */
    public ChangePage page(String userId, long after, int limit) {
        Document journal = store.journals().find(eq("_id", userId)).first();
        if (journal == null) {
            return new ChangePage(List.of(), false, after);
        }
        long latest = journal.get("lastSequence", Number.class).longValue();
        Number erasedThrough = journal.get("erasedThrough", Number.class);
        long oldest = erasedThrough != null ? erasedThrough.longValue() : 1;
        long from = Math.max(after + 1, oldest);
        if (from > latest) {
            return new ChangePage(List.of(), false, Math.max(after, 0));
        }
        long to = Math.min(latest, from + limit - 1);
        List<String> ids = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            ids.add(userId + "|" + String.format("%012d", sequence));
        }
        Map<String, Document> found = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i += READ_CHUNK) {
            store.history()
                    .find(in("_id", ids.subList(i, Math.min(ids.size(), i + READ_CHUNK))))
                    .forEach(doc -> found.put(doc.getString("_id"), doc));
        }
        List<Change> items = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document doc = found.get(id);
            if (doc != null && doc.get("change") instanceof Document change) {
                // (a sequence with no document is one whose record never opened: dead-lettered, nothing to apply)
                items.add(toChange(doc, change));
            }
        }
        return new ChangePage(items, to < latest, to);
    }

    private static Change toChange(Document doc, Document change) {
        Change.Kind kind = Change.Kind.valueOf(change.getString("op"));
        Document entry = change.get("entry", Document.class);
        Document retracted = change.get("retracted", Document.class);
        Document focus = change.get("focus", Document.class);
        Document reflection = change.get("reflection", Document.class);
        Document consent = change.get("consent", Document.class);
        return new Change(
                doc.get("sequence", Number.class).longValue(),
                doc.getString("type"),
                kind,
                doc.getDate("recordedAt").toInstant(),
                entry == null ? null : TimelineQueries.toEntry(entry),
                retracted == null
                        ? null
                        : new Change.Tombstone(
                                retracted.getString("id"),
                                retracted.getString("kind"),
                                retracted.getInteger("version"),
                                retracted.getString("reason")),
                focus == null
                        ? null
                        : new Change.Focus(focus.getString("area"), focus.getString("stage"), focus.getString("since")),
                reflection == null
                        ? null
                        : new Change.Reflection(
                                reflection.getString("week"),
                                reflection.getString("answer"),
                                reflection.getList("winIds", String.class),
                                reflection.getBoolean("proudOfShowingUp")),
                consent == null ? null : new Change.Consent(consent.getBoolean("analytics")));
    }
}
