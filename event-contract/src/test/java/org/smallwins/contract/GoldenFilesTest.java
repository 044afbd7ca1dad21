package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every published shape, as bytes on the topic, in {@code src/test/resources/golden}: each still decodes to the same
 * event, and the codec still writes it byte for byte. The sealed files were sealed once with the fixed test keyset
 * ({@code test-data-keyset.b64}, test-only); AES-GCM is randomised, so the golden file fixes the shape and this test
 * opens it with that key.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoldenFilesTest {

    static final String KEY_ID = "k-0f6a2c1e";
    static final Occurred OCCURRED =
            new Occurred(Instant.parse("2026-11-22T10:30:00Z"), LocalDate.of(2026, 11, 22), "Pacific/Auckland");
    static final EventEnvelope WIN = new EventEnvelope(
            "0b1c5a7e-2f4d-4c1e-9a55-1d2e3f405161",
            "alice",
            7,
            OCCURRED,
            Instant.parse("2026-11-22T10:30:01.250Z"),
            "corr-1",
            EventEnvelope.PLAIN_JSON,
            new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening", "kind to myself")));
    static final EventEnvelope CHECK_IN = new EventEnvelope(
            "5d6e7f80-9a1b-4c2d-8e3f-a0b1c2d3e4f5",
            "alice",
            8,
            OCCURRED,
            Instant.parse("2026-11-22T10:31:00Z"),
            "corr-2",
            EventEnvelope.PLAIN_JSON,
            new CheckInRecorded("c1", 2, 4, ToleranceWindow.HYPERAROUSED, "a loud and busy day"));

    final JournalEventCodec codec = new JournalEventCodec();

    static byte[] golden(String name) {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataKeyset testKey() {
        return DataKeyset.fromBinary(Base64.getDecoder()
                .decode(new String(golden("test-data-keyset.b64"), StandardCharsets.US_ASCII).trim()));
    }

    @Test
    void the_published_json_v1_records_still_decode_and_are_written_byte_for_byte() {
        assertThat(codec.decode(golden("WinLogged-v1.json"))).isEqualTo(new DecodeResult.Decoded(WIN));
        assertThat(codec.decode(golden("CheckInRecorded-v1.json"))).isEqualTo(new DecodeResult.Decoded(CHECK_IN));
        assertThat(codec.encode(WIN)).isEqualTo(golden("WinLogged-v1.json"));
        assertThat(codec.encode(CHECK_IN)).isEqualTo(golden("CheckInRecorded-v1.json"));
    }

    @Test
    void the_published_sealed_v1_records_open_with_their_key_to_the_same_events() {
        DataKeyset key = testKey();
        for (EventEnvelope original : List.of(WIN, CHECK_IN)) {
            byte[] golden = golden(original.type() + "-v1.tink-aead.json");

            DecodeResult decoded = codec.decode(golden);

            assertThat(decoded).isInstanceOf(DecodeResult.Sealed.class);
            SealedEnvelope sealed = ((DecodeResult.Sealed) decoded).envelope();
            assertThat(sealed.keyId()).isEqualTo(KEY_ID);
            assertThat(codec.open(sealed, key))
                    .isEqualTo(new DecodeResult.Decoded(new EventEnvelope(
                            original.eventId(),
                            original.userId(),
                            original.sequence(),
                            original.occurred(),
                            original.recordedAt(),
                            original.correlationId(),
                            EventEnvelope.SEALED,
                            original.payload())));
            // The shape is fixed: written again, the same bytes.
            assertThat(codec.encode(sealed)).isEqualTo(golden);
        }
    }

    @Test
    void the_published_sealed_records_hold_no_journal_content_in_readable_form() {
        String win = new String(golden("WinLogged-v1.tink-aead.json"), StandardCharsets.UTF_8);
        String checkIn = new String(golden("CheckInRecorded-v1.tink-aead.json"), StandardCharsets.UTF_8);

        assertThat(win).doesNotContain("rested", "evening", "kind to myself", "REST\"", "\"winId\"");
        assertThat(checkIn).doesNotContain("loud", "HYPERAROUSED", "\"mood\"", "\"checkInId\"");
        assertThat(win)
                .contains("\"payloadEncoding\":\"tink-aead\"", "\"keyId\":\"k-0f6a2c1e\"", "\"userId\":\"alice\"");
    }

    static final EventEnvelope ERASED = new EventEnvelope(
            "9e8d7c6b-5a49-4838-a726-150413f2e1d0",
            "alice",
            9,
            new Occurred(Instant.parse("2026-11-30T08:00:00Z"), LocalDate.of(2026, 11, 30), "UTC"),
            Instant.parse("2026-11-30T08:00:00.125Z"),
            "corr-erase",
            EventEnvelope.PLAIN_JSON,
            new JournalErased(
                    "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e",
                    "k-0f6a2c1e",
                    8,
                    8,
                    "5d6e7f80-9a1b-4c2d-8e3f-a0b1c2d3e4f5"));

    @Test
    void the_published_journal_erased_v1_record_still_decodes_and_is_written_byte_for_byte() {
        assertThat(codec.decode(golden("JournalErased-v1.json"))).isEqualTo(new DecodeResult.Decoded(ERASED));
        assertThat(codec.encode(ERASED)).isEqualTo(golden("JournalErased-v1.json"));
    }

    @Test
    void a_journal_erased_without_a_key_or_events_leaves_those_fields_out_and_reads_back_the_same() {
        EventEnvelope nothing = new EventEnvelope(
                ERASED.eventId(),
                "bob",
                1,
                ERASED.occurred(),
                ERASED.recordedAt(),
                "corr",
                EventEnvelope.PLAIN_JSON,
                new JournalErased("e-1", null, 0, 0, null));

        String json = new String(codec.encode(nothing), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("keyId").doesNotContain("lastEventId");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new DecodeResult.Decoded(nothing));
    }

    static final String HASH_BEFORE_WIN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void the_published_envelope_v2_records_decode_with_their_chain_and_each_hash_recomputes_from_what_is_stored() {
        SealedEnvelope win = sealed("WinLogged-v1.envelope-v2.tink-aead.json");
        SealedEnvelope checkIn = sealed("CheckInRecorded-v1.envelope-v2.tink-aead.json");
        EventEnvelope erased = readable("JournalErased-v1.envelope-v2.json");
        EventEnvelope first = readable("WinLogged-v1.envelope-v2.json");

        // The chain links, and each hash is the canonical one of the stored form (the ciphertext, no key needed).
        assertThat(win.previousHash()).isEqualTo(HASH_BEFORE_WIN);
        assertThat(win.hash()).isEqualTo(EventChain.hash(win, HASH_BEFORE_WIN));
        assertThat(checkIn.previousHash()).isEqualTo(win.hash());
        assertThat(checkIn.hash()).isEqualTo(EventChain.hash(checkIn, win.hash()));
        assertThat(erased.previousHash()).isEqualTo(checkIn.hash());
        assertThat(erased.hash()).isEqualTo(EventChain.hash(erased, checkIn.hash()));
        assertThat(first.previousHash()).isNull();
        assertThat(first.hash()).isEqualTo(EventChain.hash(first, null));
        // The canonical encoding is published too: these values are fixed forever.
        assertThat(win.hash()).isEqualTo("6ac1eb87398f0791c15848933e5eb12db2de76192d9b1b92d49442ab287dc96d");
        assertThat(erased.hash()).isEqualTo("1b546d077c9e093f11980491a8d4d295661ecbd4aefab4a50006553a5ca3717d");
        assertThat(first.hash()).isEqualTo("e824b6eeb431c4c5a823db60f38f1e8216734522ba9e7746f1599b65a439365f");

        // Same events as their version 1 records, and written again byte for byte.
        assertThat(win.withChain(null, null)).isEqualTo(sealed("WinLogged-v1.tink-aead.json"));
        assertThat(erased.withChain(null, null)).isEqualTo(ERASED);
        assertThat(first.payload()).isEqualTo(WIN.payload());
        assertThat(codec.encode(win)).isEqualTo(golden("WinLogged-v1.envelope-v2.tink-aead.json"));
        assertThat(codec.encode(checkIn)).isEqualTo(golden("CheckInRecorded-v1.envelope-v2.tink-aead.json"));
        assertThat(codec.encode(erased)).isEqualTo(golden("JournalErased-v1.envelope-v2.json"));
        assertThat(codec.encode(first)).isEqualTo(golden("WinLogged-v1.envelope-v2.json"));
        // Opening keeps the chain.
        DecodeResult opened = codec.open(win, testKey());
        assertThat(((DecodeResult.Decoded) opened).envelope().hash()).isEqualTo(win.hash());
    }

    @Test
    void a_version_1_envelope_is_upcast_to_the_current_model_with_no_chain_hashes_never_rejected() {
        for (String name : List.of("WinLogged-v1.json", "CheckInRecorded-v1.json", "JournalErased-v1.json")) {
            EventEnvelope upcast = readable(name);
            assertThat(upcast.previousHash()).as(name).isNull();
            assertThat(upcast.hash()).as(name).isNull();
        }
        SealedEnvelope sealed = sealed("CheckInRecorded-v1.tink-aead.json");
        assertThat(sealed.hash()).isNull();
        // Its hash (the genesis rule for events stored before the chain) is computed on the fly from what is stored.
        assertThat(EventChain.hash(sealed, HASH_BEFORE_WIN)).matches("[0-9a-f]{64}");
    }

    private SealedEnvelope sealed(String name) {
        return ((DecodeResult.Sealed) codec.decode(golden(name))).envelope();
    }

    private EventEnvelope readable(String name) {
        DecodeResult decoded = codec.decode(golden(name));
        assertThat(decoded).as(name).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) decoded).envelope();
    }

    // Issue 13: corrections and retractions. A correction's envelope carries the entry's day (here the win moved from
    // 22 to 16 November, so its occurred is the start of that day); a retraction's, the entry's placement as it stood.
    static final EventEnvelope WIN_CORRECTED = new EventEnvelope(
            "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "alice",
            10,
            new Occurred(Instant.parse("2026-11-15T11:00:00Z"), LocalDate.of(2026, 11, 16), "Pacific/Auckland"),
            Instant.parse("2026-11-23T09:00:00.500Z"),
            "corr-3",
            EventEnvelope.PLAIN_JSON,
            new WinCorrected(
                    "w1", 2, "Today I rested, without any guilt", FocusArea.SELF_COMPASSION, List.of("evening")));
    static final EventEnvelope CHECK_IN_CORRECTED = new EventEnvelope(
            "2b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e",
            "alice",
            11,
            new Occurred(Instant.parse("2026-11-22T09:45:00Z"), LocalDate.of(2026, 11, 22), "Pacific/Auckland"),
            Instant.parse("2026-11-23T09:01:00Z"),
            "corr-4",
            EventEnvelope.PLAIN_JSON,
            new CheckInCorrected("c1", 3, 3, 4, ToleranceWindow.WITHIN, "busy, but fine"));
    static final EventEnvelope ENTRY_RETRACTED = new EventEnvelope(
            "3c4d5e6f-7081-4c9d-aebf-2a3b4c5d6e7f",
            "alice",
            12,
            new Occurred(Instant.parse("2026-11-22T09:45:00Z"), LocalDate.of(2026, 11, 22), "Pacific/Auckland"),
            Instant.parse("2026-11-23T09:02:00Z"),
            "corr-5",
            EventEnvelope.PLAIN_JSON,
            new EntryRetracted("c1", 4, EntryKind.CHECK_IN, RetractionReason.DUPLICATE));

    static final List<EventEnvelope> ISSUE_13 = List.of(WIN_CORRECTED, CHECK_IN_CORRECTED, ENTRY_RETRACTED);

    @Test
    void the_published_correction_and_retraction_v1_records_still_decode_and_are_written_byte_for_byte() {
        for (EventEnvelope original : ISSUE_13) {
            byte[] golden = golden(original.type() + "-v1.json");
            assertThat(codec.decode(golden)).as(original.type()).isEqualTo(new DecodeResult.Decoded(original));
            assertThat(codec.encode(original)).as(original.type()).isEqualTo(golden);
        }
    }

    @Test
    void the_published_sealed_correction_and_retraction_v1_records_open_with_their_key_to_the_same_events() {
        DataKeyset key = testKey();
        for (EventEnvelope original : ISSUE_13) {
            byte[] golden = golden(original.type() + "-v1.tink-aead.json");

            DecodeResult decoded = codec.decode(golden);

            assertThat(decoded).as(original.type()).isInstanceOf(DecodeResult.Sealed.class);
            SealedEnvelope sealed = ((DecodeResult.Sealed) decoded).envelope();
            assertThat(sealed.keyId()).isEqualTo(KEY_ID);
            assertThat(codec.open(sealed, key))
                    .as(original.type())
                    .isEqualTo(new DecodeResult.Decoded(new EventEnvelope(
                            original.eventId(),
                            original.userId(),
                            original.sequence(),
                            original.occurred(),
                            original.recordedAt(),
                            original.correlationId(),
                            EventEnvelope.SEALED,
                            original.payload())));
            assertThat(codec.encode(sealed)).isEqualTo(golden);
        }
    }

    @Test
    void the_sealed_corrections_and_retractions_hold_no_journal_content_in_readable_form() {
        String win = new String(golden("WinCorrected-v1.tink-aead.json"), StandardCharsets.UTF_8);
        String checkIn = new String(golden("CheckInCorrected-v1.tink-aead.json"), StandardCharsets.UTF_8);
        String retracted = new String(golden("EntryRetracted-v1.tink-aead.json"), StandardCharsets.UTF_8);

        assertThat(win).doesNotContain("rested", "guilt", "evening", "SELF_COMPASSION", "\"winId\"");
        assertThat(checkIn).doesNotContain("busy", "WITHIN", "\"mood\"", "\"checkInId\"");
        assertThat(retracted).doesNotContain("DUPLICATE", "CHECK_IN", "\"entryId\"");
    }

    @Test
    void corrections_and_retractions_are_personal_data_and_so_are_sealed() {
        assertThat(ISSUE_13)
                .allSatisfy(e -> assertThat(e.payload().containsPersonalData())
                        .as(e.type())
                        .isTrue());
    }

    // Issue 14: the practice. Journal-level events: their envelope's occurred is when and where they were made.
    static final EventEnvelope FOCUS_AREA_CHOSEN = new EventEnvelope(
            "4d5e6f70-8192-4dae-bfc0-3b4c5d6e7f80",
            "alice",
            13,
            new Occurred(Instant.parse("2026-11-23T08:15:00Z"), LocalDate.of(2026, 11, 23), "Pacific/Auckland"),
            Instant.parse("2026-11-23T08:15:00.250Z"),
            "corr-6",
            EventEnvelope.PLAIN_JSON,
            new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION));
    static final EventEnvelope WEEKLY_REFLECTION_WRITTEN = new EventEnvelope(
            "5e6f7081-92a3-4ebf-80d1-4c5d6e7f8091",
            "alice",
            14,
            new Occurred(Instant.parse("2026-11-29T07:00:00Z"), LocalDate.of(2026, 11, 29), "Pacific/Auckland"),
            Instant.parse("2026-11-29T07:00:01Z"),
            "corr-7",
            EventEnvelope.PLAIN_JSON,
            new WeeklyReflectionWritten("2026-W48", "I rested without apologising", List.of("w7", "w1", "w4"), true));

    static final List<EventEnvelope> ISSUE_14 = List.of(FOCUS_AREA_CHOSEN, WEEKLY_REFLECTION_WRITTEN);

    @Test
    void the_published_focus_and_reflection_v1_records_still_decode_and_are_written_byte_for_byte() {
        for (EventEnvelope original : ISSUE_14) {
            byte[] golden = golden(original.type() + "-v1.json");
            assertThat(codec.decode(golden)).as(original.type()).isEqualTo(new DecodeResult.Decoded(original));
            assertThat(codec.encode(original)).as(original.type()).isEqualTo(golden);
        }
    }

    @Test
    void the_published_sealed_focus_and_reflection_v1_records_open_with_their_key_to_the_same_events() {
        DataKeyset key = testKey();
        for (EventEnvelope original : ISSUE_14) {
            byte[] golden = golden(original.type() + "-v1.tink-aead.json");

            DecodeResult decoded = codec.decode(golden);

            assertThat(decoded).as(original.type()).isInstanceOf(DecodeResult.Sealed.class);
            SealedEnvelope sealed = ((DecodeResult.Sealed) decoded).envelope();
            assertThat(sealed.keyId()).isEqualTo(KEY_ID);
            assertThat(codec.open(sealed, key))
                    .as(original.type())
                    .isEqualTo(new DecodeResult.Decoded(new EventEnvelope(
                            original.eventId(),
                            original.userId(),
                            original.sequence(),
                            original.occurred(),
                            original.recordedAt(),
                            original.correlationId(),
                            EventEnvelope.SEALED,
                            original.payload())));
            assertThat(codec.encode(sealed)).isEqualTo(golden);
        }
    }

    @Test
    void the_sealed_focus_and_reflection_hold_nothing_the_person_wrote_or_chose_in_readable_form() {
        String focus = new String(golden("FocusAreaChosen-v1.tink-aead.json"), StandardCharsets.UTF_8);
        String reflection = new String(golden("WeeklyReflectionWritten-v1.tink-aead.json"), StandardCharsets.UTF_8);

        assertThat(focus).doesNotContain("BOUNDARIES", "CONTEMPLATION", "\"area\"", "\"stage\"");
        assertThat(reflection).doesNotContain("apologising", "2026-W48", "\"w7\"", "\"answer\"", "proudOfShowingUp");
        assertThat(ISSUE_14)
                .allSatisfy(e -> assertThat(e.payload().containsPersonalData())
                        .as(e.type())
                        .isTrue());
    }

    // Issue 16: consent to analytics. Plain json (no content, and the record of a consent must outlive the key), so
    // published as the topic carries it now: envelope version 2, chained to the event before it.
    static final EventEnvelope ANALYTICS_CONSENT_GIVEN = new EventEnvelope(
            "6f708192-a3b4-4cc5-91e2-5d6e7f8091a2",
            "alice",
            15,
            new Occurred(Instant.parse("2026-11-30T09:00:00Z"), LocalDate.of(2026, 11, 30), "Pacific/Auckland"),
            Instant.parse("2026-11-30T09:00:00.125Z"),
            "corr-8",
            EventEnvelope.PLAIN_JSON,
            new AnalyticsConsentGiven());
    static final EventEnvelope ANALYTICS_CONSENT_WITHDRAWN = new EventEnvelope(
            "708192a3-b4c5-4dd6-a2f3-6e7f8091a2b3",
            "alice",
            16,
            new Occurred(Instant.parse("2026-12-07T09:00:00Z"), LocalDate.of(2026, 12, 7), "Pacific/Auckland"),
            Instant.parse("2026-12-07T09:00:00.250Z"),
            "corr-9",
            EventEnvelope.PLAIN_JSON,
            new AnalyticsConsentWithdrawn());

    @Test
    void the_published_consent_v1_records_decode_with_their_chain_and_are_written_byte_for_byte() {
        EventEnvelope given = readable("AnalyticsConsentGiven-v1.envelope-v2.json");
        EventEnvelope withdrawn = readable("AnalyticsConsentWithdrawn-v1.envelope-v2.json");

        assertThat(given.withChain(null, null)).isEqualTo(ANALYTICS_CONSENT_GIVEN);
        assertThat(withdrawn.withChain(null, null)).isEqualTo(ANALYTICS_CONSENT_WITHDRAWN);
        assertThat(given.previousHash()).isEqualTo(HASH_BEFORE_WIN);
        assertThat(given.hash()).isEqualTo(EventChain.hash(ANALYTICS_CONSENT_GIVEN, HASH_BEFORE_WIN));
        assertThat(withdrawn.previousHash()).isEqualTo(given.hash());
        assertThat(withdrawn.hash()).isEqualTo(EventChain.hash(ANALYTICS_CONSENT_WITHDRAWN, given.hash()));
        assertThat(codec.encode(given)).isEqualTo(golden("AnalyticsConsentGiven-v1.envelope-v2.json"));
        assertThat(codec.encode(withdrawn)).isEqualTo(golden("AnalyticsConsentWithdrawn-v1.envelope-v2.json"));
        assertThat(new String(golden("AnalyticsConsentGiven-v1.envelope-v2.json"), StandardCharsets.UTF_8))
                .contains("\"payloadEncoding\":\"json\",\"payload\":{}");
    }

    @Test
    void consent_events_hold_no_personal_content_so_they_stay_plain_json_and_name_no_entry() {
        assertThat(List.of(ANALYTICS_CONSENT_GIVEN, ANALYTICS_CONSENT_WITHDRAWN))
                .allSatisfy(e -> {
                    assertThat(e.payload().containsPersonalData()).as(e.type()).isFalse();
                    assertThat(e.payload().aboutAnEntry()).as(e.type()).isFalse();
                    assertThat(e.payload().entryId()).isEqualTo(AnalyticsConsentGiven.SUBJECT);
                    assertThat(e.payload().typeVersion()).isEqualTo(1);
                });
    }
}
