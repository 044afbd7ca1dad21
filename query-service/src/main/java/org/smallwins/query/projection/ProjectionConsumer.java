package org.smallwins.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads the journal topic in batches and applies each event to the read models. Where to start reading is decided by
 * the checkpoint in the read store, not by Kafka's committed offsets, so an emptied read store is rebuilt from the
 * start of the topic, whether it was emptied before a start or while running (noticed when a checkpoint this instance
 * wrote is gone, at the next batch or when the stream is quiet). Records that cannot be read go to the dead-letter
 * topic with the reason, and the stream goes on.
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
    private final ReadStore store;
    private final RebuildProgress rebuild;
    /** Per partition, the checkpoint this instance last wrote or read; absent while projecting from the beginning. */
    private final Map<TopicPartition, Long> expected = new ConcurrentHashMap<>();

    public ProjectionConsumer(
            JournalProjection projection,
            Checkpoints checkpoints,
            ReadStore store,
            KafkaTemplate<String, byte[]> deadLetters,
            Clock clock,
            MeterRegistry meters,
            @Value("${smallwins.projection.rebuild.log-every:10000}") long rebuildLogEvery) {
        this.projection = projection;
        this.store = store;
        this.rebuild = new RebuildProgress(meters, rebuildLogEvery);
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
        positionFromReadStore(
                assignments.keySet(),
                "no checkpoint in the read store",
                (partition, offset) -> callback.seek(partition.topic(), partition.partition(), offset),
                partitions -> callback.seekToBeginning(partitions));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        rebuild.forget(partitions);
    }

    /**
     * Called when nothing arrived for a while. If checkpoints this instance wrote are gone, the read store was emptied
     * while the stream was quiet: rebuild. Otherwise every partition has caught up.
     */
    @Override
    public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        List<TopicPartition> lost;
        try {
            lost = assignments.keySet().stream()
                    .filter(partition -> expected.containsKey(partition)
                            && checkpoints
                                    .nextOffset(partition.topic(), partition.partition())
                                    .isEmpty())
                    .toList();
        } catch (RuntimeException unreachable) {
            // the read store is unreachable: the next batch fails and is retried; nothing to decide while quiet
            log.warn(
                    "Could not check the read store's checkpoints while idle ({})",
                    unreachable.getClass().getName());
            return;
        }
        if (lost.isEmpty()) {
            rebuild.caughtUp();
            return;
        }
        readStoreLost(lost);
        positionFromReadStore(
                lost,
                "the read store was emptied",
                (partition, offset) -> callback.seek(partition.topic(), partition.partition(), offset),
                partitions -> callback.seekToBeginning(partitions));
    }

    @KafkaListener(id = "journal-projection", idIsGroup = false, topics = JournalTopic.NAME, batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) throws Exception {
        Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
        Map<TopicPartition, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DecodeResult result = codec.decode(record.value());
            if (result instanceof DecodeResult.Decoded decoded) {
                projection.apply(decoded.envelope());
                applied.increment();
                lastRecordedAt.set(decoded.envelope().recordedAt());
            } else {
                deadLetter(record, ((DecodeResult.Rejected) result).reason());
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextOffsets.put(partition, record.offset() + 1);
            counts.merge(partition, 1, Integer::sum);
        }
        // Written after the read models: a crash in between only means some events are applied again, harmlessly.
        // Each write is a compare-and-set on the position this instance last saw: if the checkpoint is gone, the read
        // store was emptied under us, and the partition is projected again from what the read store now says.
        List<TopicPartition> lost = new ArrayList<>();
        nextOffsets.forEach((partition, next) -> {
            if (checkpoints.advance(partition.topic(), partition.partition(), expected.get(partition), next)) {
                expected.put(partition, next);
            } else {
                lost.add(partition);
            }
        });
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(ahead -> lag.put(partition, ahead));
        }
        rebuild.afterBatch(counts, lag);
        if (!lost.isEmpty()) {
            readStoreLost(lost);
            List<TopicPartition> owned =
                    lost.stream().filter(consumer.assignment()::contains).toList();
            positionFromReadStore(owned, "a checkpoint disappeared", consumer::seek, consumer::seekToBeginning);
        }
    }

    private void readStoreLost(List<TopicPartition> partitions) {
        log.warn(
                "The read store no longer holds the checkpoint of partition(s) {}: it was emptied or another instance "
                        + "moved on; re-reading the position from the read store",
                partitions);
        store.ensureIndexes();
    }

    /** Continues each partition from its checkpoint in the read store, or from the beginning if there is none. */
    private void positionFromReadStore(
            Collection<TopicPartition> partitions,
            String why,
            BiConsumer<TopicPartition, Long> seek,
            java.util.function.Consumer<Collection<TopicPartition>> seekToBeginning) {
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            var next = checkpoints.nextOffset(partition.topic(), partition.partition());
            if (next.isPresent()) {
                expected.put(partition, next.getAsLong());
                seek.accept(partition, next.getAsLong());
            } else {
                expected.remove(partition);
                fromStart.add(partition);
            }
        }
        if (!fromStart.isEmpty()) {
            rebuild.begin(fromStart, why);
            seekToBeginning.accept(fromStart);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
        String kind = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        log.warn(
                "Record {}-{}@{} rejected ({}); sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                JournalTopic.DEAD_LETTERS);
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(JournalTopic.DEAD_LETTERS, record.key(), record.value());
        dead.headers().add(JournalTopic.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dead.headers()
                .add(
                        "smallwins-source",
                        (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        deadLetters.send(dead).get();
        meters.counter("smallwins.projection.events.rejected", "reason", kind).increment();
    }

    private double lagSeconds() {
        Instant last = lastRecordedAt.get();
        return last == null ? 0 : Math.max(0, (clock.millis() - last.toEpochMilli()) / 1000.0);
    }
}
