package org.smallwins.query.projection;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.contract.AnalyticsTopic;
import org.smallwins.query.analytics.FactsSource;
import org.smallwins.query.analytics.WeeklyFact;
import org.springframework.context.SmartLifecycle;

/**
 * The read model the cohort figures are computed from: the analytics topic itself, read from the beginning into memory
 * (every partition, no consumer group, no checkpoint), one fact per key, a tombstone removing its key. So the figures
 * are made of the pseudonymous facts only, exactly as an outside analyst's consumer would see them, and a withdrawal
 * reaches them as soon as its tombstones do. The topic is compacted, so it holds each consenting person's current weeks
 * and its size is bounded by them.
 */
public class AnalyticsFactsView implements FactsSource, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsFactsView.class);

    private final String bootstrapServers;
    private final Map<String, WeeklyFact> facts = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long applied;

    public AnalyticsFactsView(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Collection<WeeklyFact> facts() {
        return List.copyOf(facts.values());
    }

    /** How many records this view has applied since it started (facts and tombstones). */
    public long applied() {
        return applied;
    }

    @Override
    public void start() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(properties);
        running = true;
        thread = new Thread(this::run, "analytics-facts-view");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(AnalyticsTopic.NAME, Duration.ofSeconds(5));
                partitions = infos == null
                        ? List.of()
                        : infos.stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .toList();
                if (partitions.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record.key(), record.value());
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The analytics facts view stopped reading {}", AnalyticsTopic.NAME, e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    void apply(String key, byte[] value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            facts.remove(key);
        } else {
            try {
                facts.put(key, WeeklyFact.fromJson(value));
            } catch (IllegalArgumentException unreadable) {
                log.warn("A record on {} is not weekly facts of a known version; left out", AnalyticsTopic.NAME);
            }
        }
        applied++;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A snapshot of the keys and their facts (for tests and the done-when check). */
    public Map<String, WeeklyFact> byKey() {
        return new HashMap<>(facts);
    }
}
