package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                "{\"type\":\"MoodSwung\",\"typeVersion\":1,\"payloadEncoding\":\"tink-aead\",\"keyId\":\"k\",\"payload\":\"AQ==\"}|unknown-type",
                "{\"type\":\"WinLogged\",\"typeVersion\":2,\"payloadEncoding\":\"tink-aead\",\"keyId\":\"k\",\"payload\":\"AQ==\"}|unsupported-version:WinLogged/2",
                "{\"type\":\"WinLogged\",\"typeVersion\":1,\"payloadEncoding\":\"tink-aead\",\"payload\":\"AQ==\"}|missing-field:keyId",
                "{\"type\":\"WinLogged\",\"typeVersion\":1,\"payloadEncoding\":\"tink-aead\",\"keyId\":\"k\",\"payload\":{}}|missing-field:payload",
                "{\"type\":\"WinLogged\",\"typeVersion\":1,\"payloadEncoding\":\"tink-aead\",\"keyId\":\"k\",\"payload\":\"not base64!\"}|invalid-field:payload",
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

    @Test
    void a_sealed_win_travels_as_ciphertext_and_opens_with_its_key_to_the_same_event() {
        DataKeyset key = DataKeyset.generate();
        EventEnvelope original =
                envelope(new WinLogged("w1", "Today I cried and it helped", FocusArea.FEELINGS, List.of("tears")));

        byte[] wire = codec.encode(codec.seal(original, "key-1", key));

        assertThat(new String(wire, StandardCharsets.UTF_8)).doesNotContain("cried", "tears", "FEELINGS");
        DecodeResult decoded = codec.decode(wire);
        assertThat(decoded).isInstanceOf(DecodeResult.Sealed.class);
        SealedEnvelope sealed = ((DecodeResult.Sealed) decoded).envelope();
        assertThat(sealed.keyId()).isEqualTo("key-1");
        assertThat(sealed.userId()).isEqualTo("alice");
        assertThat(sealed.sequence()).isEqualTo(7);
        assertThat(sealed.type()).isEqualTo("WinLogged");
        assertThat(codec.open(sealed, key))
                .isEqualTo(new DecodeResult.Decoded(new EventEnvelope(
                        "e-1",
                        "alice",
                        7,
                        occurred,
                        Instant.parse("2026-11-22T10:30:01Z"),
                        "corr-1",
                        EventEnvelope.SEALED,
                        original.payload())));
    }

    @Test
    void the_sealed_plaintext_is_exactly_the_json_payload_object() throws Exception {
        DataKeyset key = DataKeyset.generate();
        EventEnvelope original = envelope(new CheckInRecorded("c1", 2, 4, ToleranceWindow.HYPERAROUSED, "busy day"));

        SealedEnvelope sealed = codec.seal(original, "key-1", key);

        byte[] plaintext =
                key.open(sealed.ciphertext(), ("e-1\nalice\nCheckInRecorded\n1").getBytes(StandardCharsets.UTF_8));
        JsonNode json = JsonMapper.builder().build().readTree(codec.encode(original));
        assertThat(JsonMapper.builder().build().readTree(plaintext)).isEqualTo(json.path("payload"));
        assertThat(codec.decodePayload("CheckInRecorded", 1, plaintext)).isEqualTo(original.payload());
    }

    @Test
    void a_sealed_payload_moved_to_another_envelope_or_opened_with_another_key_is_rejected_without_content() {
        DataKeyset key = DataKeyset.generate();
        SealedEnvelope sealed =
                codec.seal(envelope(new WinLogged("w1", "Today I rested", FocusArea.REST, List.of())), "key-1", key);
        SealedEnvelope movedToBob = new SealedEnvelope(
                sealed.eventId(),
                "bob",
                sealed.sequence(),
                sealed.occurred(),
                sealed.recordedAt(),
                sealed.correlationId(),
                sealed.type(),
                sealed.typeVersion(),
                sealed.keyId(),
                sealed.ciphertext());

        assertThat(codec.open(movedToBob, key)).isEqualTo(new DecodeResult.Rejected("unopenable-payload"));
        assertThat(codec.open(sealed, DataKeyset.generate()))
                .isEqualTo(new DecodeResult.Rejected("unopenable-payload"));
    }

    @Test
    void a_payload_it_cannot_read_is_refused_with_a_reason_and_never_the_content() {
        byte[] noText =
                "{\"winId\":\"w1\",\"focusArea\":\"REST\",\"secret\":\"Today I hid\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decodePayload("WinLogged", 1, noText))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessage("missing-field:text")
                .hasMessageNotContaining("Today I hid");
        assertThatThrownBy(() -> codec.decodePayload("WinLogged", 2, noText))
                .hasMessage("unsupported-version:WinLogged/2");
        assertThatThrownBy(() -> codec.decodePayload("WinLogged", 1, "nope".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("payload-not-json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "WinCorrected|{\"winId\":\"w1\",\"version\":1,\"text\":\"t\",\"focusArea\":\"REST\"}|invalid-field:version",
                "WinCorrected|{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"REST\"}|missing-field:version",
                "CheckInCorrected|{\"checkInId\":\"c1\",\"version\":0,\"mood\":1,\"energy\":1,\"window\":\"WITHIN\"}|invalid-field:version",
                "EntryRetracted|{\"entryId\":\"c1\",\"version\":2,\"kind\":\"MOOD\"}|invalid-field:kind",
                "EntryRetracted|{\"entryId\":\"c1\",\"version\":2,\"kind\":\"WIN\",\"reason\":\"I was sad\"}|invalid-field:reason",
                "EntryRetracted|{\"version\":2,\"kind\":\"WIN\"}|missing-field:entryId",
            })
    void a_correction_or_retraction_it_cannot_read_is_refused_naming_the_field(
            String type, String json, String reason) {
        assertThatThrownBy(() -> codec.decodePayload(type, 1, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessage(reason)
                .hasMessageNotContaining("sad");
    }

    @Test
    void a_retraction_without_a_reason_and_a_correction_without_a_note_leave_them_out_and_read_back_the_same() {
        for (JournalEvent event : List.<JournalEvent>of(
                new EntryRetracted("w1", 2, EntryKind.WIN, null),
                new CheckInCorrected("c1", 5, 1, 2, ToleranceWindow.HYPOAROUSED, null))) {
            byte[] json = codec.encodePayload(event);

            assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("reason", "note", "null");
            assertThat(codec.decodePayload(event.type(), 1, json)).isEqualTo(event);
        }
    }

    // Issue 16: the consent to analytics, an empty payload.

    @Test
    void a_consent_given_and_withdrawn_survive_the_round_trip_with_an_empty_payload() {
        for (JournalEvent event : List.<JournalEvent>of(new AnalyticsConsentGiven(), new AnalyticsConsentWithdrawn())) {
            EventEnvelope original = envelope(event);

            assertThat(codec.decode(codec.encode(original)))
                    .as(event.type())
                    .isEqualTo(new DecodeResult.Decoded(original));
            assertThat(new String(codec.encodePayload(event), StandardCharsets.UTF_8))
                    .isEqualTo("{}");
            assertThat(codec.decodePayload(event.type(), 1, "{}".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(event);
        }
        assertThatThrownBy(
                        () -> codec.decodePayload(AnalyticsConsentGiven.TYPE, 2, "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("unsupported-version:AnalyticsConsentGiven/2");
    }

    // Issue 14: the practice's journal-level events.

    @Test
    void a_focus_choice_and_a_reflection_with_and_without_an_answer_survive_the_round_trip_unchanged() {
        for (JournalEvent event : List.<JournalEvent>of(
                new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                new WeeklyReflectionWritten("2026-W48", "I said no twice", List.of("w3", "w1", "w2"), true),
                new WeeklyReflectionWritten("2026-W01", null, List.of(), false))) {
            EventEnvelope original = envelope(event);

            assertThat(codec.decode(codec.encode(original)))
                    .as(event.type())
                    .isEqualTo(new DecodeResult.Decoded(original));
            assertThat(codec.decodePayload(event.type(), 1, codec.encodePayload(event)))
                    .isEqualTo(event);
        }
    }

    @Test
    void a_reflection_keeps_its_wins_in_the_order_chosen_and_leaves_out_an_absent_answer() {
        WeeklyReflectionWritten reflection =
                new WeeklyReflectionWritten("2026-W48", null, List.of("w9", "w2", "w5"), false);

        String json = new String(codec.encodePayload(reflection), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo(
                        "{\"isoWeek\":\"2026-W48\",\"winIds\":[\"w9\",\"w2\",\"w5\"]," + "\"proudOfShowingUp\":false}");
        assertThat(((WeeklyReflectionWritten)
                                codec.decodePayload(reflection.type(), 1, json.getBytes(StandardCharsets.UTF_8)))
                        .winIds())
                .containsExactly("w9", "w2", "w5");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FocusAreaChosen|{\"area\":\"BOUNDARIES\"}|missing-field:stage",
                "FocusAreaChosen|{\"area\":\"BOUNDARIES\",\"stage\":\"RELAPSE\"}|invalid-field:stage",
                "FocusAreaChosen|{\"area\":\"I feel lost\",\"stage\":\"ACTION\"}|invalid-field:area",
                "WeeklyReflectionWritten|{\"isoWeek\":\"2026-48\",\"proudOfShowingUp\":true}|invalid-field:isoWeek",
                "WeeklyReflectionWritten|{\"answer\":\"I feel lost\",\"proudOfShowingUp\":true}|missing-field:isoWeek",
                "WeeklyReflectionWritten|{\"isoWeek\":\"2026-W48\",\"answer\":\"I feel lost\"}|missing-field:proudOfShowingUp",
                "WeeklyReflectionWritten|{\"isoWeek\":\"2026-W48\",\"proudOfShowingUp\":\"yes\"}|missing-field:proudOfShowingUp",
                "WeeklyReflectionWritten|{\"isoWeek\":\"2026-W48\",\"winIds\":\"w1\",\"proudOfShowingUp\":true}|invalid-field:winIds",
                "WeeklyReflectionWritten|{\"isoWeek\":\"2026-W48\",\"answer\":7,\"proudOfShowingUp\":true}|invalid-field:answer",
            })
    void a_focus_choice_or_reflection_it_cannot_read_is_refused_naming_the_field_and_never_the_content(
            String type, String json, String reason) {
        assertThatThrownBy(() -> codec.decodePayload(type, 1, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessage(reason)
                .hasMessageNotContaining("lost");
        assertThatThrownBy(() -> codec.decodePayload(type, 2, json.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("unsupported-version:" + type + "/2");
    }

    @Test
    void the_journal_level_events_are_about_a_subject_that_is_never_an_entry_id_and_never_print_the_answer() {
        WeeklyReflectionWritten reflection =
                new WeeklyReflectionWritten("2026-W48", "I forgave myself", List.of("w1"), true);
        FocusAreaChosen focus = new FocusAreaChosen(FocusArea.REST, StageOfChange.ACTION);

        assertThat(focus.entryId()).isEqualTo("journal:focus");
        assertThat(reflection.entryId()).isEqualTo("journal:reflection:2026-W48");
        assertThat(List.of(focus.aboutAnEntry(), reflection.aboutAnEntry())).containsOnly(false);
        assertThat(new WinLogged("w1", "t", FocusArea.REST, List.of()).aboutAnEntry())
                .isTrue();
        assertThat(new JournalErased("e-1", null, 0, 0, null).aboutAnEntry()).isFalse();
        assertThat(reflection.toString()).doesNotContain("forgave").contains("2026-W48");
        assertThat(List.of(focus.containsPersonalData(), reflection.containsPersonalData()))
                .containsOnly(true);
        assertThatThrownBy(() -> new WeeklyReflectionWritten("48/2026", null, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
