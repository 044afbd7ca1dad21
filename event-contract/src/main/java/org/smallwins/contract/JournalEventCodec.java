package org.smallwins.contract;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of journal events on the topic. Written field by field so the shape is the contract, not whatever a
 * mapper's defaults happen to be. Two payload encodings: {@code json} (the payload a JSON object) and
 * {@code tink-aead} (that same JSON object sealed with the person's data key, base64, plus {@code keyId}; see
 * {@link SealedEnvelope}). Thread-safe.
 */
public final class JournalEventCodec {

    /**
     * The envelope's version: 1 had no {@code envelopeVersion} field (and no chain); 2 added {@code envelopeVersion},
     * {@code previousHash} and {@code hash}. Older versions are read into the current model (upcast), never rejected.
     */
    public static final int CURRENT_ENVELOPE_VERSION = 2;

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The readable envelope, payload as a JSON object ({@code payloadEncoding} as the envelope says). */
    public byte[] encode(EventEnvelope envelope) {
        ObjectNode root = envelopeFields(
                envelope.eventId(),
                envelope.type(),
                envelope.typeVersion(),
                envelope.userId(),
                envelope.sequence(),
                envelope.occurred(),
                envelope.recordedAt(),
                envelope.correlationId(),
                envelope.payloadEncoding());
        root.set("payload", payloadNode(envelope.payload()));
        chainFields(root, envelope.previousHash(), envelope.hash());
        return mapper.writeValueAsBytes(root);
    }

    /**
     * The sealed envelope: the same envelope fields, {@code payloadEncoding: "tink-aead"}, {@code keyId} after it, and
     * {@code payload} the standard base64 of the ciphertext.
     */
    public byte[] encode(SealedEnvelope envelope) {
        ObjectNode root = envelopeFields(
                envelope.eventId(),
                envelope.type(),
                envelope.typeVersion(),
                envelope.userId(),
                envelope.sequence(),
                envelope.occurred(),
                envelope.recordedAt(),
                envelope.correlationId(),
                SealedEnvelope.ENCODING);
        root.put("keyId", envelope.keyId());
        root.put("payload", Base64.getEncoder().encodeToString(envelope.ciphertext()));
        chainFields(root, envelope.previousHash(), envelope.hash());
        return mapper.writeValueAsBytes(root);
    }

    /**
     * The payload alone, as the JSON object it is in a {@code json} envelope: the plaintext that is sealed. Its type
     * and version are not in it; they travel in the envelope.
     */
    public byte[] encodePayload(JournalEvent event) {
        return mapper.writeValueAsBytes(payloadNode(event));
    }

    /**
     * A payload written by {@link #encodePayload}, of the given type and version.
     *
     * @throws PayloadRejectedException naming what is wrong (never the content)
     */
    public JournalEvent decodePayload(String type, int typeVersion, byte[] json) {
        JsonNode node;
        try {
            node = json == null || json.length == 0 ? null : mapper.readTree(json);
        } catch (JacksonException e) {
            throw new PayloadRejectedException("payload-not-json");
        }
        if (node == null || !node.isObject()) {
            throw new PayloadRejectedException("missing-field:payload");
        }
        try {
            return payload(type, typeVersion, node);
        } catch (Invalid e) {
            throw new PayloadRejectedException(e.getMessage());
        }
    }

    /**
     * Seals an event's payload with its person's data key: the {@link #encodePayload} JSON, encrypted with the
     * envelope's {@link SealedEnvelope#associatedData() associated data}.
     */
    public SealedEnvelope seal(EventEnvelope envelope, String keyId, DataKeyset key) {
        byte[] aad = SealedEnvelope.associatedData(
                envelope.eventId(), envelope.userId(), envelope.type(), envelope.typeVersion());
        return new SealedEnvelope(
                envelope.eventId(),
                envelope.userId(),
                envelope.sequence(),
                envelope.occurred(),
                envelope.recordedAt(),
                envelope.correlationId(),
                envelope.type(),
                envelope.typeVersion(),
                keyId,
                key.seal(encodePayload(envelope.payload()), aad));
    }

    /**
     * Opens a sealed envelope with its data key: {@link DecodeResult.Decoded} with {@code payloadEncoding}
     * {@code tink-aead}, or {@link DecodeResult.Rejected} with {@code unopenable-payload} (wrong key, altered
     * ciphertext or envelope) or the payload's reason.
     */
    public DecodeResult open(SealedEnvelope envelope, DataKeyset key) {
        byte[] plaintext;
        try {
            plaintext = key.open(envelope.ciphertext(), envelope.associatedData());
        } catch (GeneralSecurityException e) {
            return new DecodeResult.Rejected("unopenable-payload");
        }
        try {
            return new DecodeResult.Decoded(
                    envelope.open(decodePayload(envelope.type(), envelope.typeVersion(), plaintext)));
        } catch (PayloadRejectedException e) {
            return new DecodeResult.Rejected(e.reason());
        }
    }

    /**
     * Reads one record: {@link DecodeResult.Decoded} for a {@code json} payload, {@link DecodeResult.Sealed} for a
     * {@code tink-aead} one (type and version checked, payload not opened), otherwise {@link DecodeResult.Rejected}.
     */
    public DecodeResult decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodeResult.Rejected("empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JacksonException e) {
            return new DecodeResult.Rejected("not-json");
        }
        if (root == null || !root.isObject()) {
            return new DecodeResult.Rejected("not-an-object");
        }
        try {
            String type = text(root, "type");
            int version = (int) number(root, "typeVersion");
            String encoding = text(root, "payloadEncoding");
            boolean sealed = SealedEnvelope.ENCODING.equals(encoding);
            if (!sealed && !EventEnvelope.PLAIN_JSON.equals(encoding)) {
                return new DecodeResult.Rejected("unsupported-payload-encoding");
            }
            JournalEvent payload = null;
            byte[] ciphertext = null;
            String keyId = null;
            if (sealed) {
                requireSupported(type, version);
                keyId = text(root, "keyId");
                ciphertext = parse(root, "payload", Base64.getDecoder()::decode);
            } else {
                JsonNode payloadNode = root.path("payload");
                if (!payloadNode.isObject()) {
                    throw new Invalid("missing-field:payload");
                }
                payload = payload(type, version, payloadNode);
            }
            JsonNode occurredNode = root.path("occurred");
            if (!occurredNode.isObject()) {
                throw new Invalid("missing-field:occurred");
            }
            Occurred occurred = new Occurred(
                    parse(occurredNode, "instant", Instant::parse),
                    parse(occurredNode, "localDate", LocalDate::parse),
                    parse(occurredNode, "zone", z -> ZoneId.of(z).getId()));
            long sequence = number(root, "sequence");
            if (sequence < 1) {
                throw new Invalid("invalid-field:sequence");
            }
            String eventId = text(root, "eventId");
            String userId = text(root, "userId");
            Instant recordedAt = parse(root, "recordedAt", Instant::parse);
            String correlationId = text(root, "correlationId");
            String[] chain = chain(root, sequence);
            if (sealed) {
                return new DecodeResult.Sealed(new SealedEnvelope(
                        eventId,
                        userId,
                        sequence,
                        occurred,
                        recordedAt,
                        correlationId,
                        type,
                        version,
                        keyId,
                        ciphertext,
                        chain[0],
                        chain[1]));
            }
            return new DecodeResult.Decoded(new EventEnvelope(
                    eventId,
                    userId,
                    sequence,
                    occurred,
                    recordedAt,
                    correlationId,
                    encoding,
                    payload,
                    chain[0],
                    chain[1]));
        } catch (Invalid e) {
            return new DecodeResult.Rejected(e.getMessage());
        }
    }

    /**
     * Envelope version 2 (an envelope with its chain hash): {@code envelopeVersion}, {@code previousHash} (omitted at
     * sequence 1) and {@code hash} after the payload. An envelope without a hash is written as version 1 was.
     */
    private static void chainFields(ObjectNode root, String previousHash, String hash) {
        if (hash == null) {
            return;
        }
        root.put("envelopeVersion", CURRENT_ENVELOPE_VERSION);
        if (previousHash != null) {
            root.put("previousHash", previousHash);
        }
        root.put("hash", hash);
    }

    /**
     * The envelope's chain fields, upcast to the current model: version 1 (no {@code envelopeVersion}, written before
     * the hash chain existed) has none; version 2 must carry a well-formed {@code hash}, and a {@code previousHash}
     * after sequence 1.
     */
    private static String[] chain(JsonNode root, long sequence) {
        JsonNode versionNode = root.path("envelopeVersion");
        int version = versionNode.isMissingNode() ? 1 : (int) number(root, "envelopeVersion");
        if (version == 1) {
            return new String[] {null, null};
        }
        if (version != CURRENT_ENVELOPE_VERSION) {
            throw new Invalid("unsupported-envelope-version:" + version);
        }
        String hash = chainHash(root, "hash");
        String previousHash = sequence > 1 ? chainHash(root, "previousHash") : optionalText(root, "previousHash");
        if (previousHash != null && !EventChain.isHash(previousHash)) {
            throw new Invalid("invalid-field:previousHash");
        }
        return new String[] {previousHash, hash};
    }

    private static String chainHash(JsonNode root, String field) {
        String value = text(root, field);
        if (!EventChain.isHash(value)) {
            throw new Invalid("invalid-field:" + field);
        }
        return value;
    }

    private ObjectNode envelopeFields(
            String eventId,
            String type,
            int typeVersion,
            String userId,
            long sequence,
            Occurred occurredAt,
            Instant recordedAt,
            String correlationId,
            String payloadEncoding) {
        ObjectNode root = mapper.createObjectNode();
        root.put("eventId", eventId);
        root.put("type", type);
        root.put("typeVersion", typeVersion);
        root.put("userId", userId);
        root.put("sequence", sequence);
        ObjectNode occurred = root.putObject("occurred");
        occurred.put("instant", occurredAt.instant().toString());
        occurred.put("localDate", occurredAt.localDate().toString());
        occurred.put("zone", occurredAt.zone());
        root.put("recordedAt", recordedAt.toString());
        root.put("correlationId", correlationId);
        root.put("payloadEncoding", payloadEncoding);
        return root;
    }

    private ObjectNode payloadNode(JournalEvent event) {
        ObjectNode payload = mapper.createObjectNode();
        event.handleWith(new JournalEvent.Handler<Void>() {
            @Override
            public Void winLogged(WinLogged win) {
                payload.put("winId", win.winId());
                payload.put("text", win.text());
                payload.put("focusArea", win.focusArea().name());
                ArrayNode tags = payload.putArray("tags");
                win.tags().forEach(tags::add);
                return null;
            }

            @Override
            public Void checkInRecorded(CheckInRecorded checkIn) {
                payload.put("checkInId", checkIn.checkInId());
                payload.put("mood", checkIn.mood());
                payload.put("energy", checkIn.energy());
                payload.put("window", checkIn.window().name());
                if (checkIn.note() != null) {
                    payload.put("note", checkIn.note());
                }
                return null;
            }

            @Override
            public Void journalErased(JournalErased erased) {
                payload.put("erasureId", erased.erasureId());
                if (erased.keyId() != null) {
                    payload.put("keyId", erased.keyId());
                }
                payload.put("erasedEvents", erased.erasedEvents());
                payload.put("lastSequence", erased.lastSequence());
                if (erased.lastEventId() != null) {
                    payload.put("lastEventId", erased.lastEventId());
                }
                return null;
            }

            @Override
            public Void winCorrected(WinCorrected win) {
                payload.put("winId", win.winId());
                payload.put("version", win.version());
                payload.put("text", win.text());
                payload.put("focusArea", win.focusArea().name());
                ArrayNode tags = payload.putArray("tags");
                win.tags().forEach(tags::add);
                return null;
            }

            @Override
            public Void checkInCorrected(CheckInCorrected checkIn) {
                payload.put("checkInId", checkIn.checkInId());
                payload.put("version", checkIn.version());
                payload.put("mood", checkIn.mood());
                payload.put("energy", checkIn.energy());
                payload.put("window", checkIn.window().name());
                if (checkIn.note() != null) {
                    payload.put("note", checkIn.note());
                }
                return null;
            }

            @Override
            public Void entryRetracted(EntryRetracted retracted) {
                payload.put("entryId", retracted.entryId());
                payload.put("version", retracted.version());
                payload.put("kind", retracted.kind().name());
                if (retracted.reason() != null) {
                    payload.put("reason", retracted.reason().name());
                }
                return null;
            }

            @Override
            public Void focusAreaChosen(FocusAreaChosen chosen) {
                payload.put("area", chosen.area().name());
                payload.put("stage", chosen.stage().name());
                return null;
            }

            @Override
            public Void weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                payload.put("isoWeek", reflection.isoWeek());
                if (reflection.answer() != null) {
                    payload.put("answer", reflection.answer());
                }
                ArrayNode winIds = payload.putArray("winIds");
                reflection.winIds().forEach(winIds::add);
                payload.put("proudOfShowingUp", reflection.proudOfShowingUp());
                return null;
            }

            @Override
            public Void analyticsConsentGiven(AnalyticsConsentGiven given) {
                return null; // the type says it all: an empty payload
            }

            @Override
            public Void analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                return null;
            }
        });
        return payload;
    }

    private static void requireSupported(String type, int version) {
        switch (type) {
            case WinLogged.TYPE -> requireVersion(type, version, WinLogged.VERSION);
            case CheckInRecorded.TYPE -> requireVersion(type, version, CheckInRecorded.VERSION);
            case JournalErased.TYPE -> requireVersion(type, version, JournalErased.VERSION);
            case WinCorrected.TYPE -> requireVersion(type, version, WinCorrected.VERSION);
            case CheckInCorrected.TYPE -> requireVersion(type, version, CheckInCorrected.VERSION);
            case EntryRetracted.TYPE -> requireVersion(type, version, EntryRetracted.VERSION);
            case FocusAreaChosen.TYPE -> requireVersion(type, version, FocusAreaChosen.VERSION);
            case WeeklyReflectionWritten.TYPE -> requireVersion(type, version, WeeklyReflectionWritten.VERSION);
            case AnalyticsConsentGiven.TYPE -> requireVersion(type, version, AnalyticsConsentGiven.VERSION);
            case AnalyticsConsentWithdrawn.TYPE -> requireVersion(type, version, AnalyticsConsentWithdrawn.VERSION);
            default -> throw new Invalid("unknown-type");
        }
    }

    private static JournalEvent payload(String type, int version, JsonNode payloadNode) {
        requireSupported(type, version);
        return switch (type) {
            case WinLogged.TYPE ->
                new WinLogged(
                        text(payloadNode, "winId"),
                        text(payloadNode, "text"),
                        enumValue(payloadNode, "focusArea", FocusArea::valueOf),
                        stringList(payloadNode, "tags"));
            case CheckInRecorded.TYPE ->
                new CheckInRecorded(
                        text(payloadNode, "checkInId"),
                        (int) number(payloadNode, "mood"),
                        (int) number(payloadNode, "energy"),
                        enumValue(payloadNode, "window", ToleranceWindow::valueOf),
                        optionalText(payloadNode, "note"));
            case JournalErased.TYPE ->
                new JournalErased(
                        text(payloadNode, "erasureId"),
                        optionalText(payloadNode, "keyId"),
                        count(payloadNode, "erasedEvents"),
                        count(payloadNode, "lastSequence"),
                        optionalText(payloadNode, "lastEventId"));
            case WinCorrected.TYPE ->
                new WinCorrected(
                        text(payloadNode, "winId"),
                        correctedVersion(payloadNode),
                        text(payloadNode, "text"),
                        enumValue(payloadNode, "focusArea", FocusArea::valueOf),
                        stringList(payloadNode, "tags"));
            case CheckInCorrected.TYPE ->
                new CheckInCorrected(
                        text(payloadNode, "checkInId"),
                        correctedVersion(payloadNode),
                        (int) number(payloadNode, "mood"),
                        (int) number(payloadNode, "energy"),
                        enumValue(payloadNode, "window", ToleranceWindow::valueOf),
                        optionalText(payloadNode, "note"));
            case EntryRetracted.TYPE ->
                new EntryRetracted(
                        text(payloadNode, "entryId"),
                        correctedVersion(payloadNode),
                        enumValue(payloadNode, "kind", EntryKind::valueOf),
                        optionalEnum(payloadNode, "reason", RetractionReason::valueOf));
            case FocusAreaChosen.TYPE ->
                new FocusAreaChosen(
                        enumValue(payloadNode, "area", FocusArea::valueOf),
                        enumValue(payloadNode, "stage", StageOfChange::valueOf));
            case WeeklyReflectionWritten.TYPE ->
                new WeeklyReflectionWritten(
                        isoWeek(payloadNode),
                        optionalText(payloadNode, "answer"),
                        stringList(payloadNode, "winIds"),
                        bool(payloadNode, "proudOfShowingUp"));
            case AnalyticsConsentGiven.TYPE -> new AnalyticsConsentGiven();
            case AnalyticsConsentWithdrawn.TYPE -> new AnalyticsConsentWithdrawn();
            default -> throw new Invalid("unknown-type");
        };
    }

    /** An entry's version after a correction or retraction: 2 or more (1 is the entry as first logged). */
    private static int correctedVersion(JsonNode node) {
        long value = number(node, "version");
        if (value < 2 || value > Integer.MAX_VALUE) {
            throw new Invalid("invalid-field:version");
        }
        return (int) value;
    }

    /** A reflection's week: {@code 2026-W48} in shape. */
    private static String isoWeek(JsonNode node) {
        String value = text(node, "isoWeek");
        if (!WeeklyReflectionWritten.ISO_WEEK.matcher(value).matches()) {
            throw new Invalid("invalid-field:isoWeek");
        }
        return value;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new Invalid("missing-field:" + field);
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E optionalEnum(JsonNode node, String field, Function<String, E> parser) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return parse(node, field, parser);
    }

    private static long count(JsonNode node, String field) {
        long value = number(node, field);
        if (value < 0) {
            throw new Invalid("invalid-field:" + field);
        }
        return value;
    }

    private static void requireVersion(String type, int actual, int supported) {
        if (actual != supported) {
            throw new Invalid("unsupported-version:" + type + "/" + actual);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw new Invalid("missing-field:" + field);
        }
        return value.stringValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Invalid("invalid-field:" + field);
        }
        return value.stringValue();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber()) {
            throw new Invalid("missing-field:" + field);
        }
        return value.longValue();
    }

    private static List<String> stringList(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Invalid("invalid-field:" + field);
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new Invalid("invalid-field:" + field);
            }
            result.add(item.stringValue());
        }
        return result;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Function<String, E> parser) {
        return parse(node, field, parser);
    }

    private static <T> T parse(JsonNode node, String field, Function<String, T> parser) {
        String raw = text(node, field);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new Invalid("invalid-field:" + field);
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
