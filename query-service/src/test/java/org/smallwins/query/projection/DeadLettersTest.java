package org.smallwins.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.KafkaServer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Unreadable records, read from a real (embedded) broker through the consumer's deserializers, go to the dead-letter
 * topic through {@link DeadLetters}: original bytes, the codec's reason, the origin, counted; readable ones come through
 * as events.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeadLettersTest {

    static KafkaServer kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaServer.start(Files.createTempDirectory("dead-letters"), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(JournalTopic.NAME, 1, (short) 1),
                            new NewTopic(JournalTopic.DEAD_LETTERS, 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_with_its_bytes_reason_and_origin_and_is_counted()
            throws Exception {
        byte[] notJson = "this is not json {".getBytes(StandardCharsets.UTF_8);
        EventEnvelope valid = new EventEnvelope(
                "e1",
                "alice",
                1,
                new Occurred(Instant.parse("2026-11-16T09:00:00Z"), LocalDate.of(2026, 11, 16), "Europe/Berlin"),
                Instant.parse("2026-11-16T09:00:01Z"),
                "c1",
                EventEnvelope.PLAIN_JSON,
                new WinLogged("w1", "Today I rested", FocusArea.REST, List.of()));
        byte[] unknownType = new String(new JournalEventCodec().encode(valid), StandardCharsets.UTF_8)
                .replace("\"WinLogged\"", "\"MoodPainted\"")
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(JournalTopic.NAME, "alice", notJson))
                    .get();
            producer.send(new ProducerRecord<>(JournalTopic.NAME, "alice", new JournalEventCodec().encode(valid)))
                    .get();
            producer.send(new ProducerRecord<>(JournalTopic.NAME, "alice", unknownType))
                    .get();
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        DeadLetters deadLetters = new DeadLetters(template, meters);

        List<EventEnvelope> events = new ArrayList<>();
        try (KafkaConsumer<String, ReceivedEvent> consumer =
                consumer(new ErrorHandlingDeserializer<>(new JournalEventDeserializer()))) {
            consumer.assign(List.of(new TopicPartition(JournalTopic.NAME, 0)));
            consumer.seekToBeginning(consumer.assignment());
            List<ConsumerRecord<String, ReceivedEvent>> records = poll(consumer, 3);
            for (ConsumerRecord<String, ReceivedEvent> record : records) {
                if (DeadLetters.unreadable(record)) {
                    deadLetters.send(record, consumer);
                } else {
                    events.add(((ReceivedEvent.Readable) record.value()).envelope());
                }
            }
        }
        template.destroy();

        assertThat(events).containsExactly(valid);
        try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(JournalTopic.DEAD_LETTERS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            List<ConsumerRecord<String, byte[]>> dead = poll(consumer, 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, unknownType);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly("alice", "alice");
            assertThat(dead)
                    .extracting(r -> header(r, JournalTopic.REASON_HEADER))
                    .containsExactly("not-json", "unknown-type");
            assertThat(dead)
                    .extracting(r -> header(r, DeadLetters.SOURCE_HEADER))
                    .containsExactly(JournalTopic.NAME + "-0@0", JournalTopic.NAME + "-0@2");
            assertThat(dead)
                    .extracting(r -> header(r, "kafka_dlt-original-offset"))
                    .doesNotContainNull();
            for (ConsumerRecord<String, byte[]> record : dead) {
                for (var header : record.headers()) {
                    assertThat(new String(header.value(), StandardCharsets.UTF_8))
                            .as(header.key())
                            .doesNotContain("Today I rested")
                            .doesNotContain("this is not json");
                }
            }
        }
        assertThat(meters.counter("smallwins.projection.events.rejected", "reason", "not-json")
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.counter("smallwins.projection.events.rejected", "reason", "unknown-type")
                        .count())
                .isEqualTo(1.0);
    }

    private static <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                values);
    }

    private static <V> List<ConsumerRecord<String, V>> poll(KafkaConsumer<String, V> consumer, int count) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
