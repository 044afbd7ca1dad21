package org.smallwins.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalTopic;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Reads the journal topic in batches. Each job is its own piece: unreadable records (null values from the
 * {@code ErrorHandlingDeserializer}) go to {@link DeadLetters}; the rest are applied by {@link JournalProjection} in one
 * go; then {@link PartitionPositions} moves the checkpoints and decides whether to start again from the beginning
 * (what a batch wrote into a read store emptied under it is removed first, so the replay rebuilds it whole);
 * {@link ProjectionLag} reports how far behind the read models are. A failure (read store or broker unavailable)
 * throws, and the error handler retries the whole batch, which is harmless.
 */
public class ProjectionConsumer implements ConsumerSeekAware {

    private final JournalProjection projection;
    private final PartitionPositions positions;
    private final DeadLetters deadLetters;
    private final ProjectionLag lag;

    ProjectionConsumer(
            JournalProjection projection, PartitionPositions positions, DeadLetters deadLetters, ProjectionLag lag) {
        this.projection = projection;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.lag = lag;
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
    public void onBatch(List<ConsumerRecord<String, EventEnvelope>> records, Consumer<?, ?> consumer) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, EventEnvelope>> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            if (DeadLetters.unreadable(record)) {
                unreadable.add(record);
            } else {
                events.add(record.value());
            }
        }
        projection.apply(events);
        lag.applied(events);
        unreadable.forEach(record -> deadLetters.send(record, consumer));
        Set<TopicPartition> emptied = positions.advance(records, consumer);
        if (!emptied.isEmpty()) {
            List<EventEnvelope> written = new ArrayList<>();
            for (ConsumerRecord<String, EventEnvelope> record : records) {
                if (!DeadLetters.unreadable(record)
                        && emptied.contains(new TopicPartition(record.topic(), record.partition()))) {
                    written.add(record.value());
                }
            }
            projection.forget(written);
        }
        positions.reposition(consumer);
    }
}
