package org.smallwins.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a rebuild of the read models from the beginning of the topic: on a first start, after the read store was
 * emptied, or after a checkpoint went missing. Gauges say how far it is; a log line every {@code logEvery} events says
 * the same for people watching the logs. Counts and rates only, never content. Used from the consumer thread; the
 * gauges may be read from any thread.
 */
class RebuildProgress {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);

    private final long logEvery;
    /** Partitions being rebuilt, with how many records were still ahead of the consumer at the last batch. */
    private final Map<TopicPartition, Long> rebuilding = new HashMap<>();

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong remaining = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private long startedNanos;
    private long nextLogAt;

    RebuildProgress(MeterRegistry meters, long logEvery) {
        this.logEvery = Math.max(1, logEvery);
        Gauge.builder("smallwins.projection.rebuild.active", active, AtomicLong::get)
                .description("1 while the read models are being rebuilt from the beginning of the topic")
                .register(meters);
        Gauge.builder("smallwins.projection.rebuild.events.applied", applied, AtomicLong::get)
                .description("Records replayed by the current (or last) rebuild")
                .register(meters);
        Gauge.builder("smallwins.projection.rebuild.events.remaining", remaining, AtomicLong::get)
                .description("Records still ahead of the current rebuild, as of its last batch")
                .register(meters);
        Gauge.builder("smallwins.projection.rebuild.completed", completed, AtomicLong::get)
                .description("Rebuilds completed since this instance started")
                .register(meters);
    }

    /** These partitions start again from the beginning of the topic. */
    synchronized void begin(Collection<TopicPartition> partitions, String why) {
        if (partitions.isEmpty()) {
            return;
        }
        if (rebuilding.isEmpty()) {
            applied.set(0);
            remaining.set(0);
            startedNanos = System.nanoTime();
            nextLogAt = logEvery;
            active.set(1);
            log.info(
                    "Rebuilding the read models from the beginning of the journal topic ({}; {} partition(s))",
                    why,
                    partitions.size());
        } else {
            log.info("Rebuild widened to {} more partition(s) ({})", partitions.size(), why);
        }
        partitions.forEach(partition -> rebuilding.put(partition, Long.MAX_VALUE));
    }

    /** Partitions that moved to another instance are no longer this instance's to rebuild. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(rebuilding::remove);
        finishIfDone();
    }

    /**
     * After a batch: {@code replayed} records of rebuilding partitions were applied; {@code lag} gives the records still
     * ahead in each partition (absent when the consumer does not know yet).
     */
    synchronized void afterBatch(Map<TopicPartition, Integer> replayed, Map<TopicPartition, Long> lag) {
        if (rebuilding.isEmpty()) {
            return;
        }
        long count = 0;
        for (var entry : replayed.entrySet()) {
            if (rebuilding.containsKey(entry.getKey())) {
                count += entry.getValue();
            }
        }
        long total = applied.addAndGet(count);
        for (TopicPartition partition : rebuilding.keySet()) {
            Long ahead = lag.get(partition);
            if (ahead != null) {
                rebuilding.put(partition, ahead);
            }
        }
        remaining.set(rebuilding.values().stream()
                .filter(v -> v != Long.MAX_VALUE)
                .mapToLong(Long::longValue)
                .sum());
        if (total >= nextLogAt) {
            log.info(
                    "Rebuild progress: {} events replayed, {} to go, {} events/s", total, remaining.get(), rate(total));
            while (nextLogAt <= total) {
                nextLogAt += logEvery;
            }
        }
        rebuilding.values().removeIf(ahead -> ahead == 0);
        finishIfDone();
    }

    /** The container found nothing to read for a while: every partition being rebuilt has caught up. */
    synchronized void caughtUp() {
        if (!rebuilding.isEmpty()) {
            rebuilding.clear();
            finishIfDone();
        }
    }

    boolean active() {
        return active.get() == 1;
    }

    private void finishIfDone() {
        if (rebuilding.isEmpty() && active.get() == 1) {
            active.set(0);
            remaining.set(0);
            completed.incrementAndGet();
            long total = applied.get();
            log.info(
                    "Rebuild complete: {} events replayed in {} s ({} events/s)",
                    total,
                    Math.round((System.nanoTime() - startedNanos) / 1e9),
                    rate(total));
        }
    }

    private long rate(long total) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        return Math.round(total / seconds);
    }
}
