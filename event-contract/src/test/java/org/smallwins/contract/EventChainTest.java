package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventChainTest {

    final JournalEventCodec codec = new JournalEventCodec();
    final Occurred occurred = new Occurred(Instant.parse("2026-11-22T10:30:00Z"), LocalDate.of(2026, 11, 22), "UTC");
    final EventEnvelope win = new EventEnvelope(
            "e-1",
            "alice",
            2,
            occurred,
            Instant.parse("2026-11-22T10:30:01Z"),
            "corr-1",
            EventEnvelope.PLAIN_JSON,
            new WinLogged("w1", "Today I said no", FocusArea.BOUNDARIES, List.of("work")));
    final String previous = "a".repeat(64);

    @Test
    void any_change_to_the_envelope_the_payload_or_the_link_changes_the_hash() {
        String hash = EventChain.hash(win, previous);

        assertThat(EventChain.hash(win, previous)).isEqualTo(hash);
        assertThat(EventChain.hash(win, "b".repeat(64))).isNotEqualTo(hash);
        assertThat(EventChain.hash(win, null)).isNotEqualTo(hash);
        assertThat(EventChain.hash(
                        new EventEnvelope(
                                "e-1",
                                "alice",
                                3,
                                occurred,
                                win.recordedAt(),
                                "corr-1",
                                EventEnvelope.PLAIN_JSON,
                                win.payload()),
                        previous))
                .isNotEqualTo(hash);
        assertThat(EventChain.hash(
                        new EventEnvelope(
                                "e-1",
                                "alice",
                                2,
                                occurred,
                                win.recordedAt(),
                                "corr-1",
                                EventEnvelope.PLAIN_JSON,
                                new WinLogged("w1", "Today I said yes", FocusArea.BOUNDARIES, List.of("work"))),
                        previous))
                .isNotEqualTo(hash);
    }

    @Test
    void a_sealed_event_is_hashed_over_its_ciphertext_so_it_verifies_without_its_key() {
        SealedEnvelope sealed = codec.seal(win, "k-1", DataKeyset.generate());
        String hash = EventChain.hash(sealed, previous);

        byte[] altered = sealed.ciphertext();
        altered[altered.length - 1] ^= 1;
        SealedEnvelope tampered = new SealedEnvelope(
                sealed.eventId(),
                sealed.userId(),
                sealed.sequence(),
                sealed.occurred(),
                sealed.recordedAt(),
                sealed.correlationId(),
                sealed.type(),
                sealed.typeVersion(),
                sealed.keyId(),
                altered);

        assertThat(EventChain.hash(tampered, previous)).isNotEqualTo(hash);
        assertThat(hash).isNotEqualTo(EventChain.hash(win, previous));
    }

    @Test
    void a_chained_envelope_survives_the_round_trip_as_envelope_version_2() {
        EventEnvelope chained = win.withChain(previous, EventChain.hash(win, previous));

        String json = new String(codec.encode(chained), StandardCharsets.UTF_8);

        assertThat(json).contains("\"envelopeVersion\":2", "\"previousHash\":\"" + previous + "\"");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new DecodeResult.Decoded(chained));
        SealedEnvelope sealed = codec.seal(win, "k-1", DataKeyset.generate());
        SealedEnvelope sealedChained = sealed.withChain(previous, EventChain.hash(sealed, previous));
        assertThat(codec.decode(codec.encode(sealedChained))).isEqualTo(new DecodeResult.Sealed(sealedChained));
    }

    @Test
    void a_version_2_envelope_without_its_hash_or_of_a_later_version_is_rejected_naming_the_field() {
        String json = new String(
                codec.encode(win.withChain(previous, EventChain.hash(win, previous))), StandardCharsets.UTF_8);

        assertThat(codec.decode(json.replaceAll(",\"hash\":\"[0-9a-f]+\"", "").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DecodeResult.Rejected("missing-field:hash"));
        assertThat(codec.decode(
                        json.replaceAll(",\"previousHash\":\"[0-9a-f]+\"", "").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DecodeResult.Rejected("missing-field:previousHash"));
        assertThat(codec.decode(json.replace("\"hash\":\"", "\"hash\":\"Z").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DecodeResult.Rejected("invalid-field:hash"));
        assertThat(codec.decode(json.replace("\"envelopeVersion\":2", "\"envelopeVersion\":3")
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DecodeResult.Rejected("unsupported-envelope-version:3"));
    }
}
