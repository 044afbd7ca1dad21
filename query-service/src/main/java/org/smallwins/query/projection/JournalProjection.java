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
import org.smallwins.contract.JournalErased;
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

    /** On a person's summary: the sequence of their journal's latest erasure; their entries up to it never return. */
    static final String ERASED_THROUGH = "erasedThrough";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReadStore store;
    /**
     * The timeline first: it keeps every version of each entry, and the other read models are told from it what each
     * event did to its entry ({@link EntryTransition}). The journal summary (the person's position) last, as before.
     */
    private final TimelineReadModel timeline = new TimelineReadModel();

    private final HistoryReadModel history = new HistoryReadModel();
    private final List<ReadModel> models = List.of(
            timeline, new WeeklyTrendsReadModel(), new FocusHistoryReadModel(), history, new JournalSummaryReadModel());

    /** Issue 16: the weekly facts of consenting people, published after each batch; null: none (read models only). */
    private final WeeklyFactsPublisher facts;

    public JournalProjection(ReadStore store) {
        this(store, null);
    }

    public JournalProjection(ReadStore store, WeeklyFactsPublisher facts) {
        this.store = store;
        this.facts = facts;
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
        // The summaries of the batch's people, read once: for the erasure guard below, and (when the batch holds no
        // erasure, which would change them) as the summary model's own read, so the guard costs no extra query.
        Map<String, Document> summaries = read(
                store.journals(),
                batch.stream().map(EventEnvelope::userId).distinct().toList());
        List<EventEnvelope> kept = withoutErased(batch, summaries);
        if (kept.stream().noneMatch(e -> e.payload() instanceof JournalErased)) {
            project(kept, summaries);
            return;
        }
        int from = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).payload() instanceof JournalErased) {
                project(kept.subList(from, i), null);
                erase(kept.get(i));
                from = i + 1;
            }
        }
        project(kept.subList(from, kept.size()), null);
    }

    /**
     * The batch without the entries of a journal that was erased after them (a redelivery, or a replay while the
     * person's key was still cached): their sequence is at or below the {@value #ERASED_THROUGH} of the person's
     * summary.
     */
    private static List<EventEnvelope> withoutErased(List<EventEnvelope> batch, Map<String, Document> summaries) {
        Map<String, Long> erasedThrough = new HashMap<>();
        summaries.forEach((userId, summary) -> {
            Number through = summary.get(ERASED_THROUGH, Number.class);
            if (through != null) {
                erasedThrough.put(userId, through.longValue());
            }
        });
        if (erasedThrough.isEmpty()) {
            return batch;
        }
        return batch.stream()
                .filter(e -> e.payload() instanceof JournalErased
                        || e.sequence() > erasedThrough.getOrDefault(e.userId(), 0L))
                .toList();
    }

    /** Projects entries (no erasure among them) into every read model; {@code summaries}: already read, or null. */
    private void project(List<EventEnvelope> events, Map<String, Document> summaries) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Document> entries = project(timeline, events, Map.of());
        Map<String, EntryTransition> transitions = new HashMap<>(events.size() * 2);
        for (EventEnvelope envelope : events) {
            if (!envelope.payload().aboutAnEntry()) {
                continue; // a focus area or a reflection: no entry, no transition (an entry may share its id)
            }
            Document entry = entries.get(
                    TimelineReadModel.id(envelope.userId(), envelope.payload().entryId()));
            transitions.put(envelope.eventId(), EntryTransition.of(entry, envelope.sequence()));
        }
        Map<String, Document> people = null;
        for (ReadModel model : models) {
            if (model != timeline) {
                Map<String, Document> now = project(
                        model, events, transitions, model instanceof JournalSummaryReadModel ? summaries : null);
                if (model instanceof JournalSummaryReadModel) {
                    people = now;
                }
            }
        }
        if (facts != null) {
            facts.published(events, transitions, people);
        }
    }

    /**
     * A person's journal was erased: every document of theirs is deleted from every read model (their entries before it
     * arrive, if at all, before it in the same partition, so nothing of theirs comes back after it), and their summary is
     * written again holding only the erasure's sequence, so a read that waits for the erasure sees it, and their later
     * events (a new journal) apply on top. Once the summary holds that sequence or a later one, the erasure is done,
     * and a redelivery of it changes nothing, so it never deletes entries of the person's new journal.
     */
    private void erase(EventEnvelope erasure) {
        String userId = erasure.userId();
        Document summary = store.journals().find(eq("_id", userId)).first();
        Number seen = summary == null ? null : summary.get(ReadModel.POSITION, Number.class);
        if (seen != null && seen.longValue() >= erasure.sequence()) {
            return;
        }
        if (facts != null) {
            facts.erased(userId, summary); // the tombstones first: the summary knows which weeks, until it is deleted
        }
        for (ReadModel model : models) {
            model.collection(store).deleteMany(model.ofPerson(userId));
        }
        project(history, List.of(erasure), Map.of());
        store.journals()
                .replaceOne(
                        eq("_id", userId),
                        new Document("_id", userId)
                                .append(ReadModel.POSITION, erasure.sequence())
                                .append(ERASED_THROUGH, erasure.sequence()),
                        UPSERT);
    }

    /**
     * Removes every document these events touch. For a batch written into a read store that was emptied under it
     * (its checkpoint was gone when the batch ended): the documents it created hold only the batch's events, yet carry
     * their sequences, so the replay from the beginning would skip everything before. Removed, they are rebuilt whole.
     * Only documents of the batch's own people are touched, and each person's documents are written by the one
     * consumer of that person's partition.
     */
    public void forget(List<EventEnvelope> batch) {
        // The weeks the batch's entries were ever in, from every version the timeline kept, before it goes.
        List<String> entryIds = batch.stream()
                .filter(e -> e.payload().aboutAnEntry())
                .map(e -> TimelineReadModel.id(e.userId(), e.payload().entryId()))
                .distinct()
                .toList();
        Map<String, Document> entries = read(store.timeline(), entryIds);
        List<String> weeks = new ArrayList<>();
        WeeklyTrendsReadModel weekly = new WeeklyTrendsReadModel();
        for (EventEnvelope envelope : batch) {
            weeks.addAll(weekly.documentIds(envelope, EntryTransition.NONE)); // a reflection's own week
            if (!envelope.payload().aboutAnEntry()) {
                continue;
            }
            weeks.add(WeeklyTrendsReadModel.id(
                    envelope.userId(), envelope.occurred().localDate().toString()));
            Document entry = entries.get(
                    TimelineReadModel.id(envelope.userId(), envelope.payload().entryId()));
            if (entry != null) {
                for (Document version : entry.getList(TimelineReadModel.VERSIONS, Document.class, List.of())) {
                    if (version.get("state") instanceof Document state) {
                        weeks.add(WeeklyTrendsReadModel.id(envelope.userId(), state.getString("day")));
                    }
                }
            }
        }
        delete(store.weeks(), weeks.stream().distinct().toList());
        for (ReadModel model : models) {
            if (model instanceof WeeklyTrendsReadModel) {
                continue;
            }
            delete(
                    model.collection(store),
                    batch.stream()
                            .flatMap(e -> model.documentIds(e, EntryTransition.NONE).stream())
                            .distinct()
                            .toList());
        }
    }

    private static void delete(MongoCollection<Document> collection, List<String> ids) {
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            collection.deleteMany(in("_id", ids.subList(from, Math.min(ids.size(), from + READ_CHUNK))));
        }
    }

    private Map<String, Document> project(
            ReadModel model, List<EventEnvelope> batch, Map<String, EntryTransition> transitions) {
        return project(model, batch, transitions, null);
    }

    /**
     * Applies the events to the documents of one read model they touch, and returns those documents as they are now
     * (read, or written by this batch). {@code alreadyRead}: the documents as the caller already read them, or null.
     */
    private Map<String, Document> project(
            ReadModel model,
            List<EventEnvelope> batch,
            Map<String, EntryTransition> transitions,
            Map<String, Document> alreadyRead) {
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope envelope : batch) {
            EntryTransition transition = transitions.getOrDefault(envelope.eventId(), EntryTransition.NONE);
            for (String id : model.documentIds(envelope, transition)) {
                byDocument.computeIfAbsent(id, key -> new ArrayList<>(2)).add(envelope);
            }
        }
        MongoCollection<Document> collection = model.collection(store);
        Map<String, Document> current =
                alreadyRead != null ? alreadyRead : read(collection, new ArrayList<>(byDocument.keySet()));
        Map<String, Document> now = new HashMap<>(current);
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
                document = model.apply(
                        id, envelope, transitions.getOrDefault(envelope.eventId(), EntryTransition.NONE), document);
                document.put(ReadModel.POSITION, envelope.sequence());
                seen = envelope.sequence();
                changed = true;
            }
            if (!changed) {
                return;
            }
            now.put(id, document);
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
        return now;
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
}
