package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.query.readstore.ReadStore;

/**
 * Projects journal events into the read models (timeline, weekly trends, journal summaries), a batch at a time: per
 * read model, the documents the batch touches are read in one query by {@code _id}, the events are applied to them in
 * memory in order, and the changed documents are written back in one unordered bulk write of exact-{@code _id}
 * replacements (the primary index on MongoDB and on the in-JVM stand-in alike).
 *
 * <p>One idempotency rule for every document: a person's events arrive in order with a gap-free sequence, and each
 * document carries the sequence of the last event of that person it has seen ({@value ReadModel#POSITION}); an event is
 * applied to a document only if its sequence is greater. A redelivered batch, or an event older than a document,
 * therefore changes nothing, and a batch interrupted half-way is completed by its redelivery. There are no
 * multi-document transactions (the stand-in and a plain MongoDB deployment have none), and none are needed: each
 * document is right on its own.
 */
public class JournalProjection {

    /** Fixed-width UTC instant, so sort keys compare correctly as strings. */
    static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Ids per {@code $in} read. The stand-in finds each id in its primary index, then checks every document it found
     * against the whole {@code $in} list again, so a read of k ids costs it k × k comparisons: chunks keep that linear
     * (k × 64) for a few more round trips. Real MongoDB does not care either way.
     */
    private static final int READ_CHUNK = 64;

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReadStore store;
    /** Written in this order: the journal summary (the person's zone) last, as before. */
    private final List<ReadModel> models =
            List.of(new TimelineReadModel(), new WeeklyTrendsReadModel(), new JournalSummaryReadModel());

    public JournalProjection(ReadStore store) {
        this.store = store;
    }

    /** Applies one event: a batch of one. */
    public void apply(EventEnvelope envelope) {
        apply(List.of(envelope));
    }

    /**
     * Applies a batch, in the order given (each person's events in their order, as one partition delivers them).
     * Throws if the read store fails; applying the same batch again then completes it.
     */
    public void apply(List<EventEnvelope> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (ReadModel model : models) {
            project(model, batch);
        }
    }

    /**
     * Removes every document these events touch. For a batch written into a read store that was emptied under it
     * (its checkpoint was gone when the batch ended): the documents it created hold only the batch's events, yet carry
     * their sequences, so the replay from the beginning would skip everything before. Removed, they are rebuilt whole.
     * Only documents of the batch's own people are touched, and each person's documents are written by the one
     * consumer of that person's partition.
     */
    public void forget(List<EventEnvelope> batch) {
        for (ReadModel model : models) {
            List<String> ids = batch.stream().map(model::documentId).distinct().toList();
            for (int from = 0; from < ids.size(); from += READ_CHUNK) {
                model.collection(store)
                        .deleteMany(in("_id", ids.subList(from, Math.min(ids.size(), from + READ_CHUNK))));
            }
        }
    }

    private void project(ReadModel model, List<EventEnvelope> batch) {
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope envelope : batch) {
            byDocument
                    .computeIfAbsent(model.documentId(envelope), id -> new ArrayList<>(2))
                    .add(envelope);
        }
        MongoCollection<Document> collection = model.collection(store);
        Map<String, Document> current = read(collection, new ArrayList<>(byDocument.keySet()));
        List<WriteModel<Document>> writes = new ArrayList<>(byDocument.size());
        byDocument.forEach((id, events) -> {
            Document document = current.get(id);
            long seen = document == null
                    ? 0
                    : document.get(ReadModel.POSITION, Number.class).longValue();
            boolean changed = false;
            for (EventEnvelope envelope : events) {
                if (envelope.sequence() <= seen) {
                    continue; // seen already: a redelivery, or older than this document
                }
                document = model.apply(envelope, document);
                document.put(ReadModel.POSITION, envelope.sequence());
                seen = envelope.sequence();
                changed = true;
            }
            if (!changed) {
                return;
            }
            if (current.containsKey(id)) {
                writes.add(new ReplaceOneModel<>(eq("_id", id), document, UPSERT));
            } else {
                // New since the read: an insert, which the stand-in does without a query. Should another writer have
                // created it meanwhile, the insert fails on the _id and the batch is retried, finding it this time.
                writes.add(new InsertOneModel<>(document));
            }
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    /** The documents with these ids, by id: {@code {_id: {$in: [...]}}}, which both servers answer from the primary index. */
    private static Map<String, Document> read(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Document> found = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            for (Document document :
                    collection.find(in("_id", ids.subList(from, Math.min(ids.size(), from + READ_CHUNK))))) {
                found.put(document.getString("_id"), document);
            }
        }
        return found;
    }

    static String sortKey(EventEnvelope envelope) {
        return envelope.occurred().localDate() + "|"
                + SORTABLE_INSTANT.format(envelope.occurred().instant()) + "|"
                + String.format("%012d", envelope.sequence());
    }
}
