package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.contract.EventChain;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.SealedEnvelope;
import org.smallwins.query.readstore.ReadStore;

/**
 * Keeps each person's hash chain in the read store, one link per event ({@value ReadStore#CHAIN}, {@code _id}
 * {@code userId:sequence}) and one head per person ({@value ReadStore#CHAIN_HEADS}, {@code _id} userId), both written
 * by exact {@code _id} under the same {@value ReadModel#POSITION} guard as the read models: a link is written only for
 * an event after the person's head, so a redelivery or a replay changes nothing.
 *
 * <p>Every event the topic delivers gets its link, whether its payload opens or not: a sealed event is hashed over its
 * ciphertext (no key needed), so events of an erased journal (key destroyed) and records that do not open (an altered
 * ciphertext, dead-lettered) are still in the chain, and an alteration shows as a broken link. A link holds no content:
 * sequence, event id, type and version, the {@code previousHash} and {@code hash} the event carried, and
 * {@code recomputed}, the hash computed here from the record as it was delivered. Records of envelope version 1
 * (stored before the chain existed) carry no hash: theirs is computed from the previous link (genesis: sequence 1 with
 * no previous hash), as the command side did when it chained the journal. An erasure leaves the chain in place.
 */
public class ChainRecords {

    public static final String USER_ID = "userId";
    public static final String SEQUENCE = "sequence";
    public static final String EVENT_ID = "eventId";
    public static final String TYPE = "type";
    public static final String TYPE_VERSION = "typeVersion";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";
    public static final String RECOMPUTED = "recomputed";

    private static final int READ_CHUNK = 64;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReadStore store;

    ChainRecords(ReadStore store) {
        this.store = store;
    }

    public static String linkId(String userId, long sequence) {
        return userId + ":" + sequence;
    }

    /** Records the links of these events (each person's in their order, as one partition delivers them). */
    void record(List<ReceivedEvent> events) {
        Map<String, List<ReceivedEvent>> byPerson = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            byPerson.computeIfAbsent(userId(event), id -> new ArrayList<>()).add(event);
        }
        if (byPerson.isEmpty()) {
            return;
        }
        Map<String, Document> heads = new HashMap<>();
        List<String> people = new ArrayList<>(byPerson.keySet());
        for (int from = 0; from < people.size(); from += READ_CHUNK) {
            for (Document head : store.chainHeads()
                    .find(in("_id", people.subList(from, Math.min(people.size(), from + READ_CHUNK))))) {
                heads.put(head.getString("_id"), head);
            }
        }
        List<WriteModel<Document>> links = new ArrayList<>();
        List<WriteModel<Document>> newHeads = new ArrayList<>();
        byPerson.forEach((userId, personEvents) -> {
            Document head = heads.get(userId);
            long seen = head == null
                    ? 0
                    : head.get(ReadModel.POSITION, Number.class).longValue();
            String headHash = head == null ? null : head.getString(HASH);
            boolean changed = false;
            for (ReceivedEvent event : personEvents) {
                Document link = link(event, headHash);
                long sequence = link.get(SEQUENCE, Number.class).longValue();
                if (sequence <= seen) {
                    continue;
                }
                links.add(new ReplaceOneModel<>(eq("_id", link.getString("_id")), link, UPSERT));
                seen = sequence;
                headHash = link.getString(HASH);
                changed = true;
            }
            if (changed) {
                Document newHead = new Document("_id", userId)
                        .append(ReadModel.POSITION, seen)
                        .append(HASH, headHash);
                newHeads.add(new ReplaceOneModel<>(eq("_id", userId), newHead, UPSERT));
            }
        });
        // Links first: a head never names a link that is not there; a batch cut short is completed by its redelivery.
        if (!links.isEmpty()) {
            store.chain().bulkWrite(links, UNORDERED);
        }
        if (!newHeads.isEmpty()) {
            store.chainHeads().bulkWrite(newHeads, UNORDERED);
        }
    }

    /**
     * Removes the links of these events and their people's heads: for a batch written into a read store emptied
     * under it (see {@link JournalProjection#forget}); the replay from the beginning writes them whole again.
     */
    void forget(List<ReceivedEvent> events) {
        List<String> ids = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (ReceivedEvent event : events) {
            Document link = link(event, null);
            ids.add(link.getString("_id"));
            if (!people.contains(userId(event))) {
                people.add(userId(event));
            }
        }
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            store.chain().deleteMany(in("_id", ids.subList(from, Math.min(ids.size(), from + READ_CHUNK))));
        }
        for (int from = 0; from < people.size(); from += READ_CHUNK) {
            store.chainHeads().deleteMany(in("_id", people.subList(from, Math.min(people.size(), from + READ_CHUNK))));
        }
    }

    private static String userId(ReceivedEvent event) {
        return event instanceof ReceivedEvent.Readable readable
                ? readable.envelope().userId()
                : ((ReceivedEvent.Sealed) event).envelope().userId();
    }

    /** The link of one delivered event, given the hash of the person's previous link (for version 1 records). */
    private static Document link(ReceivedEvent event, String previousLinkHash) {
        String userId;
        long sequence;
        String eventId;
        String type;
        int typeVersion;
        String previousHash;
        String hash;
        String recomputed;
        if (event instanceof ReceivedEvent.Readable readable) {
            EventEnvelope envelope = readable.envelope();
            userId = envelope.userId();
            sequence = envelope.sequence();
            eventId = envelope.eventId();
            type = envelope.type();
            typeVersion = envelope.typeVersion();
            previousHash = envelope.hash() != null ? envelope.previousHash() : previousLinkHash;
            recomputed = EventChain.hash(envelope, previousHash);
            hash = envelope.hash() != null ? envelope.hash() : recomputed;
        } else {
            SealedEnvelope envelope = ((ReceivedEvent.Sealed) event).envelope();
            userId = envelope.userId();
            sequence = envelope.sequence();
            eventId = envelope.eventId();
            type = envelope.type();
            typeVersion = envelope.typeVersion();
            previousHash = envelope.hash() != null ? envelope.previousHash() : previousLinkHash;
            recomputed = EventChain.hash(envelope, previousHash);
            hash = envelope.hash() != null ? envelope.hash() : recomputed;
        }
        return new Document("_id", linkId(userId, sequence))
                .append(USER_ID, userId)
                .append(SEQUENCE, sequence)
                .append(EVENT_ID, eventId)
                .append(TYPE, type)
                .append(TYPE_VERSION, typeVersion)
                .append(PREVIOUS_HASH, previousHash)
                .append(HASH, hash)
                .append(RECOMPUTED, recomputed)
                .append(ReadModel.POSITION, sequence);
    }
}
