package org.smallwins.contract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-person hash chain: each event's {@code hash} is SHA-256 over a canonical encoding of its envelope and its
 * payload AS STORED, including the {@code previousHash} of the same person's previous event; so altering, removing or
 * reordering any stored event breaks every later link.
 *
 * <p>Canonical encoding (version 1): the ASCII tag {@value #TAG}, then each of these fields as a 4-byte big-endian
 * length followed by its bytes (UTF-8 for text): previousHash (empty for the first event), eventId, userId, sequence
 * (decimal), type, typeVersion (decimal), occurred instant, occurred local date, occurred zone, recordedAt (ISO-8601,
 * {@link java.time.Instant#toString()}), correlationId, payloadEncoding, keyId (empty for {@code json}), payload bytes.
 * The payload bytes are the Tink ciphertext for a sealed ({@code tink-aead}) event, so the chain stays verifiable
 * after the person's key is destroyed, and {@link JournalEventCodec#encodePayload} for a plain ({@code json}) one.
 *
 * <p>Genesis: the chain starts at sequence 1 with an empty previousHash. Events stored before the chain existed carry
 * no hash; their hash is this same function, computed on the fly from what is stored, so the first hashed event links
 * to them and the whole journal verifies from sequence 1.
 */
public final class EventChain {

    /** Domain separation tag of the canonical encoding. */
    public static final String TAG = "smallwins-chain/1";

    private static final HexFormat HEX = HexFormat.of();
    private static final JournalEventCodec CODEC = new JournalEventCodec();

    private EventChain() {}

    /** The hash of a readable ({@code json}) event, given its previous event's hash (null for the first). */
    public static String hash(EventEnvelope envelope, String previousHash) {
        return hash(
                previousHash,
                envelope.eventId(),
                envelope.userId(),
                envelope.sequence(),
                envelope.type(),
                envelope.typeVersion(),
                envelope.occurred(),
                envelope.recordedAt().toString(),
                envelope.correlationId(),
                EventEnvelope.PLAIN_JSON,
                null,
                CODEC.encodePayload(envelope.payload()));
    }

    /** The hash of a sealed event (over its ciphertext), given its previous event's hash (null for the first). */
    public static String hash(SealedEnvelope envelope, String previousHash) {
        return hash(
                previousHash,
                envelope.eventId(),
                envelope.userId(),
                envelope.sequence(),
                envelope.type(),
                envelope.typeVersion(),
                envelope.occurred(),
                envelope.recordedAt().toString(),
                envelope.correlationId(),
                SealedEnvelope.ENCODING,
                envelope.keyId(),
                envelope.ciphertext());
    }

    private static String hash(
            String previousHash,
            String eventId,
            String userId,
            long sequence,
            String type,
            int typeVersion,
            Occurred occurred,
            String recordedAt,
            String correlationId,
            String payloadEncoding,
            String keyId,
            byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length);
        out.writeBytes(TAG.getBytes(StandardCharsets.US_ASCII));
        field(out, previousHash == null ? "" : previousHash);
        field(out, eventId);
        field(out, userId);
        field(out, Long.toString(sequence));
        field(out, type);
        field(out, Integer.toString(typeVersion));
        field(out, occurred.instant().toString());
        field(out, occurred.localDate().toString());
        field(out, occurred.zone());
        field(out, recordedAt);
        field(out, correlationId);
        field(out, payloadEncoding);
        field(out, keyId == null ? "" : keyId);
        field(out, payload);
        return HEX.formatHex(sha256().digest(out.toByteArray()));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether a text is a hash as this chain writes it: 64 lowercase hex digits. */
    public static boolean isHash(String value) {
        return value != null
                && value.length() == 64
                && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
