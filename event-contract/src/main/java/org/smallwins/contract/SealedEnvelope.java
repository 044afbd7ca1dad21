package org.smallwins.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An event whose payload is sealed with its person's data key ({@code payloadEncoding} {@value #ENCODING}). Everything
 * routing, ordering and auditing need stays readable (the same fields as {@link EventEnvelope}, plus the payload's
 * type, version and the {@code keyId} of the data key); the payload is the Tink AEAD ciphertext of exactly the JSON
 * object {@link JournalEventCodec#encodePayload} writes, with {@link #associatedData()} binding it to this envelope.
 * Opening it needs the key ({@link JournalEventCodec#open}); {@link #open(JournalEvent)} then gives the readable
 * envelope.
 *
 * @param ciphertext   the Tink AEAD ciphertext (on the wire: standard base64 in {@code payload})
 * @param previousHash the {@link EventChain} hash of the same person's previous event (null at sequence 1 and on a
 *                     version 1 envelope)
 * @param hash         this event's {@link EventChain} hash, over the ciphertext (null on a version 1 envelope)
 */
public record SealedEnvelope(
        String eventId,
        String userId,
        long sequence,
        Occurred occurred,
        Instant recordedAt,
        String correlationId,
        String type,
        int typeVersion,
        String keyId,
        byte[] ciphertext,
        String previousHash,
        String hash) {

    /** The {@code payloadEncoding} of a sealed payload. */
    public static final String ENCODING = "tink-aead";

    public SealedEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurred, "occurred");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if ((previousHash != null && !EventChain.isHash(previousHash)) || (hash != null && !EventChain.isHash(hash))) {
            throw new IllegalArgumentException("a chain hash is 64 lowercase hex digits");
        }
        ciphertext = ciphertext.clone();
    }

    /** A sealed envelope without chain hashes (as version 1 of the envelope was). */
    public SealedEnvelope(
            String eventId,
            String userId,
            long sequence,
            Occurred occurred,
            Instant recordedAt,
            String correlationId,
            String type,
            int typeVersion,
            String keyId,
            byte[] ciphertext) {
        this(
                eventId,
                userId,
                sequence,
                occurred,
                recordedAt,
                correlationId,
                type,
                typeVersion,
                keyId,
                ciphertext,
                null,
                null);
    }

    /** This envelope with the given chain hashes. */
    public SealedEnvelope withChain(String previousHash, String hash) {
        return new SealedEnvelope(
                eventId,
                userId,
                sequence,
                occurred,
                recordedAt,
                correlationId,
                type,
                typeVersion,
                keyId,
                ciphertext,
                previousHash,
                hash);
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The AEAD associated data of this envelope's payload: UTF-8 of {@code eventId \n userId \n type \n typeVersion}. */
    public byte[] associatedData() {
        return associatedData(eventId, userId, type, typeVersion);
    }

    /**
     * The AEAD associated data that binds a sealed payload to its envelope: UTF-8 of
     * {@code eventId + "\n" + userId + "\n" + type + "\n" + typeVersion}. The command side seals with it when it
     * stores an event, so the stored ciphertext travels to the topic unchanged.
     */
    public static byte[] associatedData(String eventId, String userId, String type, int typeVersion) {
        return (eventId + "\n" + userId + "\n" + type + "\n" + typeVersion).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The readable envelope, given the opened payload; its {@code payloadEncoding} stays {@value #ENCODING}.
     *
     * @throws IllegalArgumentException if the payload is not of this envelope's type and version
     */
    public EventEnvelope open(JournalEvent payload) {
        Objects.requireNonNull(payload, "payload");
        if (!payload.type().equals(type) || payload.typeVersion() != typeVersion) {
            throw new IllegalArgumentException("payload type does not match the envelope");
        }
        return new EventEnvelope(
                eventId, userId, sequence, occurred, recordedAt, correlationId, ENCODING, payload, previousHash, hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedEnvelope that
                && sequence == that.sequence
                && typeVersion == that.typeVersion
                && eventId.equals(that.eventId)
                && userId.equals(that.userId)
                && occurred.equals(that.occurred)
                && recordedAt.equals(that.recordedAt)
                && correlationId.equals(that.correlationId)
                && type.equals(that.type)
                && keyId.equals(that.keyId)
                && Objects.equals(previousHash, that.previousHash)
                && Objects.equals(hash, that.hash)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, userId, sequence, type, typeVersion, keyId) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedEnvelope[eventId=" + eventId + ", userId=" + userId + ", sequence=" + sequence + ", type=" + type
                + "/" + typeVersion + ", keyId=" + keyId + ", hash=" + hash + ", ciphertext=" + ciphertext.length
                + " bytes]";
    }
}
