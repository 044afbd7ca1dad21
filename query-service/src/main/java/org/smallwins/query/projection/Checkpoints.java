package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.query.readstore.ReadStore;

/**
 * The projection's position in the topic, kept in the read store itself: if the read store is emptied, the position
 * goes with it and the projection starts again from the beginning of the topic.
 */
public class Checkpoints {

    private final ReadStore store;
    private final String projection;

    public Checkpoints(ReadStore store, String projection) {
        this.store = store;
        this.projection = projection;
    }

    /** The next offset to read in this partition, if the read store has one. */
    public OptionalLong nextOffset(String topic, int partition) {
        Document doc = store.checkpoints().find(eq("_id", id(topic, partition))).first();
        return doc == null
                ? OptionalLong.empty()
                : OptionalLong.of(doc.get("nextOffset", Number.class).longValue());
    }

    /**
     * Records that every record before {@code nextOffset} has been applied, if the checkpoint still holds
     * {@code expected} (the position this consumer last wrote or read). A null {@code expected} means the partition is
     * being projected from the beginning and has no checkpoint yet. Returns false if the checkpoint is gone (the read
     * store was emptied) or was moved by someone else (the partition now belongs to another instance): the caller must
     * not trust its position any more.
     */
    public boolean advance(String topic, int partition, Long expected, long nextOffset) {
        Bson changes = Updates.combine(
                Updates.set("nextOffset", nextOffset),
                Updates.set("projection", projection),
                Updates.set("topic", topic),
                Updates.set("partition", partition));
        if (expected == null) {
            store.checkpoints()
                    .updateOne(
                            eq("_id", id(topic, partition)),
                            Updates.combine(
                                    Updates.max("nextOffset", nextOffset),
                                    Updates.set("projection", projection),
                                    Updates.set("topic", topic),
                                    Updates.set("partition", partition)),
                            new UpdateOptions().upsert(true));
            return true;
        }
        // A plain equality document: compare-and-set on the position this consumer believes in.
        UpdateResult result = store.checkpoints()
                .updateOne(new Document("_id", id(topic, partition)).append("nextOffset", expected), changes);
        return result.getMatchedCount() == 1;
    }

    private String id(String topic, int partition) {
        return projection + "|" + topic + "|" + partition;
    }
}
