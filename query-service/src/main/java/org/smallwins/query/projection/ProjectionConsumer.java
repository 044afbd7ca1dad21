package org.smallwins.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads the journal topic in batches and applies each event to the read models. Where to start reading is decided by
 * the checkpoint in the read store, not by Kafka's committed offsets, so an emptied read store is rebuilt from the
 * start of the topic. Records that cannot be read go to the dead-letter topic with the reason, and the stream goes on.
 */
@Component
public class ProjectionConsumer implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final JournalProjection projection;
    private final Checkpoints checkpoints;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final JournalEventCodec codec = new JournalEventCodec();
    private final Clock clock;
    private final Counter applied;
    private final MeterRegistry meters;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();

    public ProjectionConsumer(JournalProjection projection, Checkpoints checkpoints, KafkaTemplate<String, byte[]> deadLetters,
            Clock clock, MeterRegistry meters) {
        this.projection = projection;
        this.checkpoints = checkpoints;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.meters = meters;
        this.applied = Counter.builder("smallwins.projection.events.applied")
                .description("Journal events applied to the read models (redeliveries included)")
                .register(meters);
        Gauge.builder("smallwins.projection.lag.seconds", this, ProjectionConsumer::lagSeconds)
                .description("Now minus the recorded-at time of the last applied event")
                .register(meters);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        for (TopicPartition partition : assignments.keySet()) {
            var next = checkpoints.nextOffset(partition.topic(), partition.partition());
            if (next.isPresent()) {
                callback.seek(partition.topic(), partition.partition(), next.getAsLong());
            } else {
                log.info("No checkpoint for partition {} in the read store: projecting it from the beginning", partition);
                callback.seekToBeginning(List.of(partition));
            }
        }
    }

    @KafkaListener(id = "journal-projection", idIsGroup = false, topics = JournalTopic.NAME, batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DecodeResult result = codec.decode(record.value());
            if (result instanceof DecodeResult.Decoded decoded) {
                projection.apply(decoded.envelope());
                applied.increment();
                lastRecordedAt.set(decoded.envelope().recordedAt());
            } else {
                deadLetter(record, ((DecodeResult.Rejected) result).reason());
            }
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        // Written after the read models: a crash in between only means some events are applied again, harmlessly.
        nextOffsets.forEach((tp, next) -> checkpoints.advance(tp.topic(), tp.partition(), next));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
        String kind = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        log.warn("Record {}-{}@{} rejected ({}); sent to {}", record.topic(), record.partition(), record.offset(), reason,
                JournalTopic.DEAD_LETTERS);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(JournalTopic.DEAD_LETTERS, record.key(), record.value());
        dead.headers().add(JournalTopic.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("smallwins-source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        deadLetters.send(dead).get();
        meters.counter("smallwins.projection.events.rejected", "reason", kind).increment();
    }

    private double lagSeconds() {
        Instant last = lastRecordedAt.get();
        return last == null ? 0 : Math.max(0, (clock.millis() - last.toEpochMilli()) / 1000.0);
    }
}
