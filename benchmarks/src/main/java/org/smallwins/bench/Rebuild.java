package org.smallwins.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

/** Rebuild of the read models from the journal topic into an empty read store (MongoDB stand-in), once per run. */
final class Rebuild {

    record Result(
            long topicEvents,
            long produced,
            long applied,
            double secondsTotal,
            double secondsProjecting,
            double eventsPerSecond,
            long timelineDocuments,
            long peakRssMiB,
            boolean complete) {}

    private Rebuild() {}

    /**
     * Puts {@code count} valid envelopes for 1,000 users named {@code userPrefix}-N (70% wins, spread over 26 weeks) on
     * the journal topic; each user's sequence starts at 1, so a prefix is used once per run.
     */
    static void produce(String bootstrap, String userPrefix, long count, Consumer<String> progress) throws Exception {
        Properties p = Ceilings.producerSettings(bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        JournalEventCodec codec = new JournalEventCodec();
        List<String> users = Workload.users(userPrefix, 1000);
        long[] sequences = new long[users.size()];
        LocalDate today = LocalDate.now();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (long i = 0; i < count; i++) {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                int u = r.nextInt(users.size());
                ZoneId zone = ZoneId.of(Workload.zone(u));
                String id = UUID.randomUUID().toString();
                JournalEvent event;
                if (r.nextInt(100) < 70) {
                    List<String> tags = new ArrayList<>();
                    for (int t = r.nextInt(3); t > 0; t--) {
                        String tag = Workload.TAGS[r.nextInt(Workload.TAGS.length)];
                        if (!tags.contains(tag)) {
                            tags.add(tag);
                        }
                    }
                    event = new WinLogged(
                            id,
                            Workload.WINS[r.nextInt(Workload.WINS.length)],
                            FocusArea.values()[r.nextInt(FocusArea.values().length)],
                            tags);
                } else {
                    event = new CheckInRecorded(
                            id,
                            1 + r.nextInt(5),
                            1 + r.nextInt(5),
                            ToleranceWindow.values()[r.nextInt(ToleranceWindow.values().length)],
                            r.nextInt(100) < 30 ? Workload.NOTES[r.nextInt(Workload.NOTES.length)] : null);
                }
                LocalDate day = today.minusDays(r.nextInt(182));
                Instant at =
                        day.atStartOfDay(zone).plusSeconds(r.nextInt(86_000)).toInstant();
                EventEnvelope envelope = new EventEnvelope(
                        UUID.randomUUID().toString(),
                        users.get(u),
                        ++sequences[u],
                        Occurred.at(at, zone),
                        at,
                        UUID.randomUUID().toString(),
                        EventEnvelope.PLAIN_JSON,
                        event);
                producer.send(new ProducerRecord<>(JournalTopic.NAME, envelope.userId(), codec.encode(envelope)));
                if ((i + 1) % 200_000 == 0) {
                    progress.accept(String.format(
                            "    produced %,d / %,d envelopes (%.0f/s)",
                            i + 1, count, (i + 1) / ((System.nanoTime() - started) / 1e9)));
                }
            }
            producer.flush();
        }
    }

    static long topicEvents(String bootstrap) {
        Map<String, Object> c = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            long total = 0;
            for (var e : consumer.endOffsets(partitions).entrySet()) {
                total += e.getValue();
            }
            for (var e : consumer.beginningOffsets(partitions).entrySet()) {
                total -= e.getValue();
            }
            return total;
        }
    }

    /**
     * Starts a fresh query-service (same jar) on an empty database of the stand-in, with its own consumer group, and
     * follows its checkpoints until it has applied every event on the topic.
     */
    static Result rebuild(
            Path jar,
            List<String> jvmOptions,
            Map<String, String> env,
            String mongo,
            String database,
            long topicEvents,
            long produced,
            Path log,
            int timeoutMinutes,
            Memory memory,
            Consumer<String> progress)
            throws Exception {
        long start = System.nanoTime();
        Process process = Benchmark.startJar(jar, jvmOptions, env, log);
        memory.watch("query-service (rebuild)", () -> new long[] {process.pid()});
        memory.peaksMiBAndReset();
        long firstProgressNanos = 0;
        long applied = 0;
        long lastApplied = 0;
        long lastNanos = start;
        long deadline = start + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoDatabase db = client.getDatabase(database);
            while (applied < topicEvents && System.nanoTime() < deadline) {
                Thread.sleep(2000);
                if (!process.isAlive()) {
                    throw new IllegalStateException("rebuild query-service exited; see " + log);
                }
                applied = 0;
                for (Document d :
                        db.getCollection("projection_checkpoints").find(new Document("topic", JournalTopic.NAME))) {
                    applied += d.get("nextOffset", Number.class).longValue();
                }
                long now = System.nanoTime();
                if (applied > 0 && firstProgressNanos == 0) {
                    firstProgressNanos = now;
                }
                progress.accept(String.format(
                        "    rebuild: %,d / %,d events applied (%.1f%%), now %.0f events/s, %ds elapsed",
                        applied,
                        topicEvents,
                        100.0 * applied / topicEvents,
                        (applied - lastApplied) / ((now - lastNanos) / 1e9),
                        TimeUnit.NANOSECONDS.toSeconds(now - start)));
                lastApplied = applied;
                lastNanos = now;
            }
            long end = System.nanoTime();
            long timeline = db.getCollection("timeline").estimatedDocumentCount();
            long peak = memory.peaksMiBAndReset().getOrDefault("query-service (rebuild)", 0L);
            double total = (end - start) / 1e9;
            double projecting = firstProgressNanos == 0 ? total : (end - firstProgressNanos) / 1e9;
            return new Result(
                    topicEvents,
                    produced,
                    applied,
                    total,
                    projecting,
                    applied / projecting,
                    timeline,
                    peak,
                    applied >= topicEvents);
        } finally {
            memory.unwatch("query-service (rebuild)");
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
