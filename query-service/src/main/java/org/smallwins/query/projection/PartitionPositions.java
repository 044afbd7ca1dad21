package org.smallwins.query.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.query.readstore.ReadStore;

/**
 * Where the projection reads from, decided by the checkpoints in the read store rather than Kafka's committed offsets,
 * and when it must start again from the beginning (rebuild detection): on assignment each partition continues from its
 * checkpoint, or from the beginning if there is none; after each batch the checkpoints move (a compare-and-set on the
 * position this instance last wrote or read); if one is gone, the read store was emptied under us (noticed at the next
 * batch, or when the stream is quiet) and the partition is projected again from what the read store now says.
 */
class PartitionPositions {

    private static final Logger log = LoggerFactory.getLogger(PartitionPositions.class);

    private final Checkpoints checkpoints;
    private final ReadStore store;
    private final RebuildProgress rebuild;
    /** Per partition, the checkpoint this instance last wrote or read; absent while projecting from the beginning. */
    private final Map<TopicPartition, Long> expected = new ConcurrentHashMap<>();
    /** Partitions whose checkpoint the last batch could not move; used from the consumer thread only. */
    private final List<TopicPartition> lost = new ArrayList<>();

    PartitionPositions(Checkpoints checkpoints, ReadStore store, RebuildProgress rebuild) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.rebuild = rebuild;
    }

    void assigned(
            Collection<TopicPartition> partitions,
            BiConsumer<TopicPartition, Long> seek,
            java.util.function.Consumer<Collection<TopicPartition>> seekToBeginning) {
        fromReadStore(partitions, "no checkpoint in the read store", seek, seekToBeginning);
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        rebuild.forget(partitions);
    }

    /**
     * Nothing arrived for a while ({@code positions}: each assigned partition with the consumer's position in it). If
     * checkpoints this instance wrote are gone, the read store was emptied while the stream was quiet: rebuild.
     * Otherwise every partition has caught up, and one projected from the beginning that had nothing to read gets its
     * checkpoint now, so that a restart on a kept read store continues there instead of rebuilding it.
     */
    void idle(
            Map<TopicPartition, Long> positions,
            BiConsumer<TopicPartition, Long> seek,
            java.util.function.Consumer<Collection<TopicPartition>> seekToBeginning) {
        Collection<TopicPartition> partitions = positions.keySet();
        List<TopicPartition> lost;
        try {
            lost = partitions.stream()
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
            try {
                positions.forEach(this::checkpointQuiet);
            } catch (RuntimeException unreachable) {
                log.warn(
                        "Could not record the checkpoints of quiet partitions ({})",
                        unreachable.getClass().getName());
            }
            rebuild.caughtUp();
            return;
        }
        readStoreLost(lost);
        fromReadStore(lost, "the read store was emptied", seek, seekToBeginning);
    }

    /**
     * After the batch's documents are written: moves each partition's checkpoint past the batch (and gives caught-up
     * partitions that had nothing to read theirs, see {@link #checkpointQuiet}). Written after the
     * read models, so a crash in between only means some events are applied again, which changes nothing. Returns the
     * partitions whose checkpoint was gone (the read store was emptied under this batch); the caller removes what the
     * batch wrote for them, then calls {@link #reposition}.
     */
    Set<TopicPartition> advance(List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
        Map<TopicPartition, Integer> counts = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextOffsets.put(partition, record.offset() + 1);
            counts.merge(partition, 1, Integer::sum);
        }
        lost.clear();
        Set<TopicPartition> emptied = new HashSet<>();
        nextOffsets.forEach((partition, next) -> {
            if (checkpoints.advance(partition.topic(), partition.partition(), expected.get(partition), next)) {
                expected.put(partition, next);
            } else {
                lost.add(partition);
                if (checkpoints
                        .nextOffset(partition.topic(), partition.partition())
                        .isEmpty()) {
                    emptied.add(partition);
                }
            }
        });
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(ahead -> lag.put(partition, ahead));
        }
        lag.forEach((partition, ahead) -> {
            if (ahead == 0 && !nextOffsets.containsKey(partition) && !expected.containsKey(partition)) {
                checkpointQuiet(partition, consumer.position(partition));
            }
        });
        rebuild.afterBatch(counts, lag);
        return emptied;
    }

    /**
     * A partition projected from the beginning that has had nothing to read (no checkpoint yet, caught up at
     * {@code position}) gets its checkpoint, once: a restart on a kept read store then continues there instead of
     * rebuilding, and emptying the read store is noticed for it too.
     */
    private void checkpointQuiet(TopicPartition partition, long position) {
        if (!expected.containsKey(partition)
                && checkpoints.advance(partition.topic(), partition.partition(), null, position)) {
            expected.put(partition, position);
        }
    }

    /**
     * The partitions whose checkpoint the last {@link #advance} could not move (gone, or moved by another instance)
     * continue from what the read store now says.
     */
    void reposition(Consumer<?, ?> consumer) {
        if (!lost.isEmpty()) {
            readStoreLost(lost);
            List<TopicPartition> owned =
                    lost.stream().filter(consumer.assignment()::contains).toList();
            fromReadStore(owned, "a checkpoint disappeared", consumer::seek, consumer::seekToBeginning);
            lost.clear();
        }
    }

    private void readStoreLost(Collection<TopicPartition> partitions) {
        log.warn(
                "The read store no longer holds the checkpoint of partition(s) {}: it was emptied or another instance "
                        + "moved on; re-reading the position from the read store",
                partitions);
        store.ensureIndexes();
    }

    /** Continues each partition from its checkpoint in the read store, or from the beginning if there is none. */
    private void fromReadStore(
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
}
