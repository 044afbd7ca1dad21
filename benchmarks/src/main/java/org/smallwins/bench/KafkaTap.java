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
 * on the topic) and projection (on the topic → visible). Only tracer users' records are decoded.
 */
final class KafkaTap implements AutoCloseable {

    record Arrival(long nanos, String eventId) {}

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
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
                                if (record.key() != null
                                        && record.key().startsWith(tracerPrefix)
                                        && codec.decode(record.value()) instanceof DecodeResult.Decoded d) {
                                    arrivals.put(
                                            d.envelope().payload().entryId(),
                                            new Arrival(
                                                    System.nanoTime(),
                                                    d.envelope().eventId()));
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

    /** When the entry reached the topic and its event id, or null if not (yet) seen. */
    Arrival arrival(String entryId) {
        return arrivals.remove(entryId);
    }

    @Override
    public void close() {
        running = false;
    }
}
