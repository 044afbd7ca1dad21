package org.smallwins.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of journal events on the topic. Written field by field so the shape is the contract, not whatever a
 * mapper's defaults happen to be. Thread-safe.
 */
public final class JournalEventCodec {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] encode(EventEnvelope envelope) {
        ObjectNode root = mapper.createObjectNode();
        root.put("eventId", envelope.eventId());
        root.put("type", envelope.type());
        root.put("typeVersion", envelope.typeVersion());
        root.put("userId", envelope.userId());
        root.put("sequence", envelope.sequence());
        ObjectNode occurred = root.putObject("occurred");
        occurred.put("instant", envelope.occurred().instant().toString());
        occurred.put("localDate", envelope.occurred().localDate().toString());
        occurred.put("zone", envelope.occurred().zone());
        root.put("recordedAt", envelope.recordedAt().toString());
        root.put("correlationId", envelope.correlationId());
        root.put("payloadEncoding", envelope.payloadEncoding());
        ObjectNode payload = root.putObject("payload");
        envelope.payload().handleWith(new JournalEvent.Handler<Void>() {
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
        });
        return mapper.writeValueAsBytes(root);
    }

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
            if (!EventEnvelope.PLAIN_JSON.equals(encoding)) {
                return new DecodeResult.Rejected("unsupported-payload-encoding");
            }
            JsonNode payloadNode = root.path("payload");
            if (!payloadNode.isObject()) {
                throw new Invalid("missing-field:payload");
            }
            JournalEvent payload = switch (type) {
                case WinLogged.TYPE -> {
                    requireVersion(type, version, WinLogged.VERSION);
                    yield new WinLogged(
                            text(payloadNode, "winId"),
                            text(payloadNode, "text"),
                            enumValue(payloadNode, "focusArea", FocusArea::valueOf),
                            stringList(payloadNode, "tags"));
                }
                case CheckInRecorded.TYPE -> {
                    requireVersion(type, version, CheckInRecorded.VERSION);
                    yield new CheckInRecorded(
                            text(payloadNode, "checkInId"),
                            (int) number(payloadNode, "mood"),
                            (int) number(payloadNode, "energy"),
                            enumValue(payloadNode, "window", ToleranceWindow::valueOf),
                            optionalText(payloadNode, "note"));
                }
                default -> throw new Invalid("unknown-type");
            };
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
            return new DecodeResult.Decoded(new EventEnvelope(
                    text(root, "eventId"),
                    text(root, "userId"),
                    sequence,
                    occurred,
                    parse(root, "recordedAt", Instant::parse),
                    text(root, "correlationId"),
                    encoding,
                    payload));
        } catch (Invalid e) {
            return new DecodeResult.Rejected(e.getMessage());
        }
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
