package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalEventCodecTest {

    final JournalEventCodec codec = new JournalEventCodec();
    final Occurred occurred =
            new Occurred(Instant.parse("2026-11-22T10:30:00Z"), LocalDate.of(2026, 11, 22), "Pacific/Auckland");

    EventEnvelope envelope(JournalEvent payload) {
        return new EventEnvelope(
                "e-1",
                "alice",
                7,
                occurred,
                Instant.parse("2026-11-22T10:30:01Z"),
                "corr-1",
                EventEnvelope.PLAIN_JSON,
                payload);
    }

    @Test
    void a_win_survives_the_round_trip_unchanged() {
        EventEnvelope original =
                envelope(new WinLogged("w1", "Today I said no", FocusArea.BOUNDARIES, List.of("work", "family")));

        assertThat(codec.decode(codec.encode(original))).isEqualTo(new DecodeResult.Decoded(original));
    }

    @Test
    void a_check_in_with_and_without_a_note_survives_the_round_trip_unchanged() {
        EventEnvelope withNote = envelope(new CheckInRecorded("c1", 2, 4, ToleranceWindow.HYPERAROUSED, "busy day"));
        EventEnvelope withoutNote = envelope(new CheckInRecorded("c2", 5, 5, ToleranceWindow.WITHIN, null));

        assertThat(codec.decode(codec.encode(withNote))).isEqualTo(new DecodeResult.Decoded(withNote));
        assertThat(codec.decode(codec.encode(withoutNote))).isEqualTo(new DecodeResult.Decoded(withoutNote));
    }

    @Test
    void the_json_shape_keeps_the_envelope_apart_from_the_payload() {
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(codec.encode(envelope(new WinLogged("w1", "Today I rested", FocusArea.REST, List.of()))));

        assertThat(json.path("type").asString()).isEqualTo("WinLogged");
        assertThat(json.path("typeVersion").asInt()).isEqualTo(1);
        assertThat(json.path("userId").asString()).isEqualTo("alice");
        assertThat(json.path("sequence").asLong()).isEqualTo(7);
        assertThat(json.path("occurred").path("instant").asString()).isEqualTo("2026-11-22T10:30:00Z");
        assertThat(json.path("occurred").path("localDate").asString()).isEqualTo("2026-11-22");
        assertThat(json.path("occurred").path("zone").asString()).isEqualTo("Pacific/Auckland");
        assertThat(json.path("recordedAt").asString()).isEqualTo("2026-11-22T10:30:01Z");
        assertThat(json.path("correlationId").asString()).isEqualTo("corr-1");
        assertThat(json.path("payloadEncoding").asString()).isEqualTo("json");
        assertThat(json.path("payload").path("text").asString()).isEqualTo("Today I rested");
        // Nothing a person wrote or rated is outside the payload.
        assertThat(json.toString().replace(json.path("payload").toString(), "")).doesNotContain("Today I rested");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "this is not json|not-json",
                "[1,2]|not-an-object",
                "{\"type\":\"MoodSwung\",\"typeVersion\":1,\"payloadEncoding\":\"json\",\"payload\":{}}|unknown-type",
                "{\"type\":\"WinLogged\",\"typeVersion\":2,\"payloadEncoding\":\"json\",\"payload\":{}}|unsupported-version:WinLogged/2",
                "{\"type\":\"WinLogged\",\"typeVersion\":1,\"payloadEncoding\":\"aes-gcm\",\"payload\":{}}|unsupported-payload-encoding",
            })
    void a_record_it_cannot_read_is_rejected_with_a_reason(String body, String reason) {
        assertThat(codec.decode(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(new DecodeResult.Rejected(reason));
    }

    @Test
    void an_event_without_a_user_id_is_rejected_naming_the_field_and_never_the_content() {
        String json = new String(
                        codec.encode(envelope(new WinLogged("w1", "Today I hid nothing", FocusArea.REST, List.of()))),
                        StandardCharsets.UTF_8)
                .replace("\"userId\":\"alice\",", "");

        DecodeResult result = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new DecodeResult.Rejected("missing-field:userId"));
        assertThat(result.toString()).doesNotContain("Today I hid nothing");
    }
}
