package org.smallwins.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalTopic;
import org.smallwins.query.keys.KeyServiceUnavailable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Reads the journal topic in batches. Each job is its own piece: unreadable records (null values from the
 * {@code ErrorHandlingDeserializer}) go to {@link DeadLetters}; sealed payloads are opened by {@link SealedPayloads}
 * (the batch's keys fetched once; events of erased journals skipped and counted in {@value #ERASED_EVENTS}; those that
 * do not open go to {@link DeadLetters} too; the key service unavailable: the batch is retried); the events are
 * applied by {@link JournalProjection} in one go, and every record read (opened, erased or poison) gets its hash-chain
 * link ({@link ChainRecords}); then {@link PartitionPositions} moves the checkpoints and decides whether to start again from the beginning
 * (what a batch wrote into a read store emptied under it is removed first, so the replay rebuilds it whole);
 * {@link ProjectionLag} reports how far behind the read models are. A failure (read store or broker unavailable)
 * throws, and the error handler retries the whole batch, which is harmless.
 */
public class ProjectionConsumer implements ConsumerSeekAware {

    /** Events whose data key was destroyed: skipped (never dead-lettered), their positions passed. */
    public static final String ERASED_EVENTS = "smallwins.projection.erased-events";

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final SealedPayloads sealedPayloads;
    private final JournalProjection projection;
    private final ChainRecords chain;
    private final PartitionPositions positions;
    private final DeadLetters deadLetters;
    private final ProjectionLag lag;
    private final Counter erased;

    ProjectionConsumer(
            SealedPayloads sealedPayloads,
            JournalProjection projection,
            ChainRecords chain,
            PartitionPositions positions,
            DeadLetters deadLetters,
            ProjectionLag lag,
            MeterRegistry meters) {
        this.sealedPayloads = sealedPayloads;
        this.projection = projection;
        this.chain = chain;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.erased = Counter.builder(ERASED_EVENTS)
                .description("events skipped because their person's data key was destroyed (an erased journal)")
                .register(meters);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.assigned(
                assignments.keySet(),
                (partition, offset) -> callback.seek(partition.topic(), partition.partition(), offset),
                callback::seekToBeginning);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        positions.revoked(partitions);
    }

    @Override
    public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.idle(
                assignments,
                (partition, offset) -> callback.seek(partition.topic(), partition.partition(), offset),
                callback::seekToBeginning);
    }

    @KafkaListener(id = "journal-projection", idIsGroup = false, topics = JournalTopic.NAME, batch = "true")
    public void onBatch(List<ConsumerRecord<String, ReceivedEvent>> records, Consumer<?, ?> consumer) {
        List<ConsumerRecord<String, ReceivedEvent>> readable = new ArrayList<>(records.size());
        List<ConsumerRecord<String, ReceivedEvent>> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, ReceivedEvent> record : records) {
            if (DeadLetters.unreadable(record)) {
                unreadable.add(record);
            } else {
                readable.add(record);
            }
        }
        SealedPayloads.Batch batch;
        try {
            batch = sealedPayloads.open(readable);
        } catch (KeyServiceUnavailable unavailable) {
            log.warn(
                    "The data keys of a batch of {} records cannot be had now ({}); the batch is retried",
                    records.size(),
                    unavailable.getMessage());
            throw unavailable;
        }
        List<EventEnvelope> events = batch.envelopes();
        // Links first: a read that waited for sequence N (on the read models) then finds N's link too.
        chain.record(readable.stream().map(ConsumerRecord::value).toList());
        projection.apply(events);
        lag.applied(events);
        erased.increment(batch.erased());
        unreadable.forEach(record -> deadLetters.send(record, consumer));
        batch.poison().forEach(poison -> deadLetters.send(poison.record(), poison.bytes(), poison.reason(), consumer));
        Set<TopicPartition> emptied = positions.advance(records, consumer);
        if (!emptied.isEmpty()) {
            List<EventEnvelope> written = new ArrayList<>();
            for (SealedPayloads.Opened opened : batch.events()) {
                if (emptied.contains(new TopicPartition(
                        opened.record().topic(), opened.record().partition()))) {
                    written.add(opened.envelope());
                }
            }
            projection.forget(written);
            chain.forget(readable.stream()
                    .filter(record -> emptied.contains(new TopicPartition(record.topic(), record.partition())))
                    .map(ConsumerRecord::value)
                    .toList());
        }
        positions.reposition(consumer);
    }
}
