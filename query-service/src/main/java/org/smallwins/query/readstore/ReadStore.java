package org.smallwins.query.readstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The MongoDB read store: collection names and the indexes queries rely on. Every document is keyed so that writing
 * it again is harmless.
 */
public final class ReadStore {

    public static final String TIMELINE = "timeline";
    public static final String WEEKS = "weekly_trends";
    public static final String JOURNALS = "journals";
    public static final String HISTORY = "journal_history";
    /** Per person ({@code _id} = userId), every focus area and stage they chose, in order. */
    public static final String FOCUS = "focus_history";

    /**
     * Every analytics request (issue 16): who, what, when, how it ended; never a result. Not a read model: never wiped
     * with them.
     */
    public static final String ANALYTICS_AUDIT = "analytics_audit";

    public static final String CHECKPOINTS = "projection_checkpoints";
    /** One document per event of every person: its hash-chain link ({@code _id} {@code userId:sequence}). */
    public static final String CHAIN = "history_chain";
    /** Per person, the last link of their chain ({@code _id} = userId). */
    public static final String CHAIN_HEADS = "history_chain_heads";
    /** What shape the read models have ({@link #SHAPE}), so a store kept from an older release is rebuilt, not misread. */
    public static final String META = "read_store_meta";
    /**
     * The read models' shape: 1 until issue 13 (a timeline document per event), 2 since (a timeline document per entry
     * with its versions, weeks that keep what they counted per entry, the history, chain links), 3 since issue 14 (weeks
     * with their reflection, days shown up and check-ins within the window; each person's focus history), 4 since issue
     * 15 (each history document keeps its change for the changes feed), 5 since issue 16 (each person's summary keeps
     * their consent to analytics and the weeks they have). Raise it whenever a read model's documents change shape: a
     * store of another shape is wiped at start and rebuilt from the topic.
     */
    public static final int SHAPE = 5;

    private static final String SHAPE_ID = "shape";

    private final MongoDatabase database;

    public ReadStore(MongoDatabase database) {
        this.database = database;
    }

    public MongoCollection<Document> timeline() {
        return database.getCollection(TIMELINE);
    }

    public MongoCollection<Document> weeks() {
        return database.getCollection(WEEKS);
    }

    public MongoCollection<Document> journals() {
        return database.getCollection(JOURNALS);
    }

    /** Each person's focus areas and stages over time: one document per person, {@code _id} = userId. */
    public MongoCollection<Document> focus() {
        return database.getCollection(FOCUS);
    }

    /** The audit log of analytics requests (see {@link #ANALYTICS_AUDIT}). */
    public MongoCollection<Document> analyticsAudit() {
        return database.getCollection(ANALYTICS_AUDIT);
    }

    public MongoCollection<Document> chain() {
        return database.getCollection(CHAIN);
    }

    public MongoCollection<Document> chainHeads() {
        return database.getCollection(CHAIN_HEADS);
    }

    /** A person's events as recorded, one document per event, keyed {@code userId|sequence}. */
    public MongoCollection<Document> history() {
        return database.getCollection(HISTORY);
    }

    public MongoCollection<Document> checkpoints() {
        return database.getCollection(CHECKPOINTS);
    }

    /** True if the server answers a {@code ping} (every MongoDB server and the in-JVM stand-in do). */
    public boolean ping() {
        Document answer = database.runCommand(new Document("ping", 1));
        return answer.get("ok", Number.class).doubleValue() == 1.0;
    }

    /**
     * Creates the indexes (idempotent). The timeline's keyset index is unique: a user's sort keys never repeat. Weeks
     * and journal summaries are only ever read and written by {@code _id} (a week's is {@code userId|week}), so they
     * need no index of their own: a second one would only be kept up to date at every write.
     */
    public void ensureIndexes() {
        timeline()
                .createIndex(
                        Indexes.ascending("userId", "sortKey"),
                        new IndexOptions().unique(true).name("user_sortKey"));
    }

    /**
     * Makes sure the store holds read models of this release's {@link #SHAPE}: a store that holds checkpoints but no
     * shape (kept from before shapes were recorded) or another shape is wiped, so the projection rebuilds it from the
     * topic; an empty store is simply marked. Returns whether it wiped.
     */
    public boolean ensureShape() {
        MongoCollection<Document> meta = database.getCollection(META);
        Document marker = meta.find(new Document("_id", SHAPE_ID)).first();
        Number shape = marker == null ? null : marker.get("value", Number.class);
        if (shape != null && shape.intValue() == SHAPE) {
            return false;
        }
        boolean wiped = false;
        if (shape != null || checkpoints().find().limit(1).first() != null) {
            wipe();
            wiped = true;
        }
        meta.replaceOne(
                new Document("_id", SHAPE_ID),
                new Document("_id", SHAPE_ID).append("value", SHAPE),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return wiped;
    }

    /** Drops every read model and checkpoint: the next start rebuilds them from the topic. */
    public void wipe() {
        timeline().drop();
        weeks().drop();
        journals().drop();
        focus().drop();
        chain().drop();
        chainHeads().drop();
        history().drop();
        checkpoints().drop();
    }
}
