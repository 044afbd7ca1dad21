package org.smallwins.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;

/**
 * Tails the journal topic and notes when each tracer entry arrives, splitting projection lag into relay (accepted →
 * on the topic) and projection (on the topic → visible). Only tracer users' records are decoded, and only their
 * envelope: a record is known by its person and journal sequence (the write's {@code Journal-Sequence} answer), which
 * stay clear in a sealed ({@code tink-aead}) record as in a plain {@code json} one, so the tap needs no keys.
 */
final class KafkaTap implements AutoCloseable {

    record Arrival(long nanos, String eventId) {}

    /** Where a record is expected: the person's id and the journal sequence the write answered with. */
    record Position(String userId, long sequence) {}

    private final Map<Position, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    KafkaTap(String bootstrap, String tracerPrefix) {
        thread = new Thread(
                () -> {
                    JournalEventCodec codec = new JournalEventCodec();
                    Map<String, Object> c = Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                            StringDeserializer.class.getName(),
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                            ByteArrayDeserializer.class.getName(),
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            "20");
                    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
                        List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                                .map(i -> new TopicPartition(i.topic(), i.partition()))
                                .toList();
                        consumer.assign(partitions);
                        consumer.seekToEnd(partitions);
                        while (running) {
                            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                                if (record.key() != null && record.key().startsWith(tracerPrefix)) {
                                    long now = System.nanoTime();
                                    seen(codec.decode(record.value()), now);
                                }
                            }
                            if (arrivals.size() > 100_000) {
                                arrivals.clear();
                            }
                        }
                    }
                },
                "kafka-tap");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes a decoded record's arrival by its envelope alone (a sealed payload is never opened). */
    void seen(DecodeResult decoded, long nanos) {
        if (decoded instanceof DecodeResult.Decoded d) {
            arrivals.put(
                    new Position(d.envelope().userId(), d.envelope().sequence()),
                    new Arrival(nanos, d.envelope().eventId()));
        } else if (decoded instanceof DecodeResult.Sealed s) {
            arrivals.put(
                    new Position(s.envelope().userId(), s.envelope().sequence()),
                    new Arrival(nanos, s.envelope().eventId()));
        }
    }

    /** When the person's event with this journal sequence reached the topic and its event id, or null if not (yet). */
    Arrival arrival(String userId, long sequence) {
        return arrivals.remove(new Position(userId, sequence));
    }

    @Override
    public void close() {
        running = false;
    }
}
