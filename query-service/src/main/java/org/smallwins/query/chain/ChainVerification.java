package org.smallwins.query.chain;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.smallwins.query.projection.ChainRecords;
import org.smallwins.query.readstore.ReadStore;

/**
 * Verifies one person's hash chain from the links the projection keeps ({@link ChainRecords}): from sequence 1 to the
 * person's head, every link must be there, each event's hash must be the one recomputed from the record as it was
 * delivered (its envelope and its payload as stored: the ciphertext of a sealed event, so no key is needed and an
 * erased journal still verifies), and each {@code previousHash} must be the previous event's hash (none at sequence 1).
 * Reads by exact {@code _id} only (the head, then the links in chunks).
 */
public class ChainVerification {

    /** Why a link is bad: gone, its content altered, or not linked to the event before it. */
    public static final String MISSING = "missing-event";

    public static final String ALTERED = "hash-mismatch";
    public static final String UNLINKED = "previous-hash-mismatch";

    private static final int READ_CHUNK = 64;

    /** The first bad event: its sequence, its id (null when it is missing) and why. */
    @Schema(
            description = "The first bad event of a hash chain.",
            requiredProperties = {"sequence", "problem"})
    public record BrokenLink(
            @Schema(minimum = "1", example = "7") long sequence,

            @Schema(description = "Its id; absent when it is missing", example = "7d1e0f2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a")
            String eventId,

            @Schema(
                    allowableValues = {MISSING, ALTERED, UNLINKED},
                    example = ALTERED)
            String problem) {}

    /**
     * @param intact   true if every event of the person verifies and links
     * @param events   how many events the chain holds
     * @param head     the hash of the last event (null for an empty journal)
     * @param brokenAt the first bad event, or null when intact
     */
    @Schema(
            name = "ChainVerification",
            description = "Whether your history's hash chain is intact.",
            requiredProperties = {"intact", "events"})
    public record Report(
            @Schema(example = "true") boolean intact,
            @Schema(minimum = "0", example = "12") long events,

            @Schema(
                    description = "The hash of the last event (hex SHA-256); absent for an empty journal",
                    pattern = "^[0-9a-f]{64}$",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String head,

            BrokenLink brokenAt) {}

    private final ReadStore store;

    public ChainVerification(ReadStore store) {
        this.store = store;
    }

    public Report verify(String userId) {
        Document head = store.chainHeads().find(eq("_id", userId)).first();
        if (head == null) {
            return new Report(true, 0, null, null);
        }
        long events = head.get("lastSequence", Number.class).longValue();
        String previous = null;
        BrokenLink broken = null;
        for (long from = 1; from <= events && broken == null; from += READ_CHUNK) {
            long to = Math.min(events, from + READ_CHUNK - 1);
            Map<Long, Document> links = read(userId, from, to);
            for (long sequence = from; sequence <= to; sequence++) {
                Document link = links.get(sequence);
                if (link == null) {
                    broken = new BrokenLink(sequence, null, MISSING);
                    break;
                }
                String hash = link.getString(ChainRecords.HASH);
                String eventId = link.getString(ChainRecords.EVENT_ID);
                if (!Objects.equals(hash, link.getString(ChainRecords.RECOMPUTED))) {
                    broken = new BrokenLink(sequence, eventId, ALTERED);
                    break;
                }
                if (!Objects.equals(previous, link.getString(ChainRecords.PREVIOUS_HASH))) {
                    broken = new BrokenLink(sequence, eventId, UNLINKED);
                    break;
                }
                previous = hash;
            }
        }
        return new Report(broken == null, events, head.getString(ChainRecords.HASH), broken);
    }

    private Map<Long, Document> read(String userId, long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            ids.add(ChainRecords.linkId(userId, sequence));
        }
        Map<Long, Document> links = new HashMap<>();
        for (Document link : store.chain().find(in("_id", ids))) {
            links.put(link.get(ChainRecords.SEQUENCE, Number.class).longValue(), link);
        }
        return links;
    }
}
