package org.smallwins.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.DataKeyset;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.KafkaServer;

/** The projection-lag tracer's tap, on a real broker, with records as the relay now sends them. */
class KafkaTapTest {

    private static final JournalEventCodec CODEC = new JournalEventCodec();

    private static KafkaServer kafka;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaServer.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 3, (short) 1)))
                    .all()
                    .get();
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        producer.close();
        kafka.close();
    }

    @Test
    void a_sealed_tracer_record_is_found_by_person_and_journal_sequence_without_any_key() throws Exception {
        EventEnvelope plain = envelope("tracer-user-0000", 7);
        byte[] sealed = CODEC.encode(CODEC.seal(plain, "key-1", DataKeyset.generate()));
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"payloadEncoding\":\"tink-aead\"")
                .doesNotContain("Today I");

        try (KafkaTap tap = new KafkaTap(kafka.bootstrapServers(), "tracer-user")) {
            KafkaTap.Arrival arrival = sendUntilSeen(tap, "tracer-user-0000", 7, sealed);

            assertThat(arrival).isNotNull();
            assertThat(arrival.eventId()).isEqualTo(plain.eventId());
            assertThat(tap.arrival("tracer-user-0000", 7)).as("taken once").isNull();
        }
    }

    @Test
    void a_plain_json_tracer_record_is_still_found_and_other_people_and_sequences_are_not() throws Exception {
        EventEnvelope plain = envelope("tracer-user-0001", 2);
        EventEnvelope someoneElse = envelope("bench-user-0001", 2);

        try (KafkaTap tap = new KafkaTap(kafka.bootstrapServers(), "tracer-user")) {
            producer.send(new ProducerRecord<>(JournalTopic.NAME, someoneElse.userId(), CODEC.encode(someoneElse)));
            KafkaTap.Arrival arrival = sendUntilSeen(tap, "tracer-user-0001", 2, CODEC.encode(plain));

            assertThat(arrival).isNotNull();
            assertThat(arrival.eventId()).isEqualTo(plain.eventId());
            Thread.sleep(500);
            assertThat(tap.arrival("tracer-user-0001", 3)).isNull();
            assertThat(tap.arrival("bench-user-0001", 2)).isNull();
        }
    }

    /** Sends until the tap (which starts at the topic's end once it has joined) reports the record; null if never. */
    private static KafkaTap.Arrival sendUntilSeen(KafkaTap tap, String userId, long sequence, byte[] value)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            producer.send(new ProducerRecord<>(JournalTopic.NAME, userId, value))
                    .get();
            for (int i = 0; i < 20; i++) {
                KafkaTap.Arrival arrival = tap.arrival(userId, sequence);
                if (arrival != null) {
                    return arrival;
                }
                Thread.sleep(25);
            }
        }
        return null;
    }

    private static EventEnvelope envelope(String userId, long sequence) {
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        Instant at = Instant.parse("2026-11-22T08:00:00Z");
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                userId,
                sequence,
                Occurred.at(at, zone),
                at,
                "corr-" + sequence,
                EventEnvelope.PLAIN_JSON,
                new WinLogged(
                        UUID.randomUUID().toString(), "Today I called my sister", FocusArea.values()[0], List.of()));
    }
}
