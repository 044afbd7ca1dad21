package org.smallwins.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * What every journal event travels in. The envelope holds only what routing, ordering, auditing and analytics need;
 * everything a person wrote or rated is in the payload, so the payload alone can later be encrypted per user
 * (crypto-shredding) by changing {@code payloadEncoding}, without changing the envelope.
 *
 * @param eventId       unique id of this event (stable across redeliveries: the idempotency key of consumers)
 * @param userId        the journal's owner (the {@code sub} of their token)
 * @param sequence      1-based, gap-free position of this event in the user's journal
 * @param occurred      when it happened in the person's life
 * @param recordedAt    when the journal stored it
 * @param correlationId the request that caused it
 * @param payloadEncoding how the payload travelled: {@value #PLAIN_JSON} (a JSON object), or {@value #SEALED} (the
 *                      same JSON object sealed with the person's data key, see {@link SealedEnvelope}), opened here
 * @param payload       the event itself; its type and version are {@link JournalEvent#type()} and {@link JournalEvent#typeVersion()}
 * @param previousHash  the {@link EventChain} hash of the same person's previous event (null at sequence 1, and on an
 *                      envelope of version 1, written before the chain existed)
 * @param hash          this event's {@link EventChain} hash (null on an envelope of version 1)
 */
public record EventEnvelope(
        String eventId,
        String userId,
        long sequence,
        Occurred occurred,
        Instant recordedAt,
        String correlationId,
        String payloadEncoding,
        JournalEvent payload,
        String previousHash,
        String hash) {

    public static final String PLAIN_JSON = "json";

    /** A payload sealed with the person's data key: {@link SealedEnvelope#ENCODING}. */
    public static final String SEALED = SealedEnvelope.ENCODING;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurred, "occurred");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(payloadEncoding, "payloadEncoding");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if ((previousHash != null && !EventChain.isHash(previousHash)) || (hash != null && !EventChain.isHash(hash))) {
            throw new IllegalArgumentException("a chain hash is 64 lowercase hex digits");
        }
    }

    /** An envelope without chain hashes (as version 1 of the envelope was). */
    public EventEnvelope(
            String eventId,
            String userId,
            long sequence,
            Occurred occurred,
            Instant recordedAt,
            String correlationId,
            String payloadEncoding,
            JournalEvent payload) {
        this(eventId, userId, sequence, occurred, recordedAt, correlationId, payloadEncoding, payload, null, null);
    }

    /** This envelope with the given chain hashes. */
    public EventEnvelope withChain(String previousHash, String hash) {
        return new EventEnvelope(
                eventId,
                userId,
                sequence,
                occurred,
                recordedAt,
                correlationId,
                payloadEncoding,
                payload,
                previousHash,
                hash);
    }

    public String type() {
        return payload.type();
    }

    public int typeVersion() {
        return payload.typeVersion();
    }
}
