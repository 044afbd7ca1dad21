package org.smallwins.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * A measurement, not a timed test (it runs only when asked): a rebuild of the read models from a real (embedded) Kafka
 * topic into an empty in-JVM MongoDB stand-in, through the consumer's own parts (the error-handling deserializer over
 * the codec, {@link JournalProjection} a batch at a time, {@link Checkpoints} after each batch), and the cost per event
 * in each tenth of the replay, so a cost that grows with the store shows. What it checks is exactness (every event in
 * the timeline, every win in its week); the rates are printed.
 *
 * <pre>./mvnw -B -q -pl query-service -am verify -Dtest=RebuildMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsmallwins.measure.events=1000000</pre>
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@EnabledIfSystemProperty(named = "smallwins.measure.events", matches = "\\d+")
class RebuildMeasurement {

    static final int USERS = 1000;
    static final int PARTITIONS = 6;
    static final int MAX_POLL_RECORDS = Integer.getInteger("smallwins.measure.max-poll-records", 500);

    @Test
    void a_rebuild_into_an_empty_read_store_applies_every_event_at_a_cost_per_event_that_stays_flat() throws Exception {
        long events = Long.getLong("smallwins.measure.events");
        try (KafkaServer kafka = KafkaServer.start(Files.createTempDirectory("rebuild-measurement"), 0);
                MongoStandIn mongo = MongoStandIn.start(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, PARTITIONS, (short) 1)))
                        .all()
                        .get();
            }
            long wins = produce(kafka.bootstrapServers(), events);

            ReadStore store = new ReadStore(client.getDatabase("rebuild"));
            store.ensureIndexes();
            JournalProjection projection = new JournalProjection(store);
            Checkpoints checkpoints = new Checkpoints(store, "journal-projection");
            Map<TopicPartition, Long> expected = new HashMap<>();
            long applied = 0;
            long segment = Math.max(1, events / 10);
            long nextReport = segment;
            long segmentStart = System.nanoTime();
            long segmentProjecting = 0;
            long segmentEvents = 0;
            long start = segmentStart;
            long segmentCpu = cpuNanos();
            long startCpu = segmentCpu;
            System.out.printf(
                    "rebuild of %,d events (%d partitions, %d users, max.poll.records %d)%n",
                    events, PARTITIONS, USERS, MAX_POLL_RECORDS);
            System.out.println(
                    "events applied | events/s in this tenth | µs per event (wall) | µs per event (projection + "
                            + "checkpoints, wall) | µs CPU per event (whole JVM: broker, stand-in, consumer)");
            try (KafkaConsumer<String, ReceivedEvent> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            MAX_POLL_RECORDS,
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new ErrorHandlingDeserializer<>(new JournalEventDeserializer()))) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(JournalTopic.NAME, p));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (applied < events && System.nanoTime() < deadline) {
                    ConsumerRecords<String, ReceivedEvent> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    List<EventEnvelope> batch = new ArrayList<>(records.count());
                    Map<TopicPartition, Long> next = new HashMap<>();
                    for (ConsumerRecord<String, ReceivedEvent> record : records) {
                        batch.add(((ReceivedEvent.Readable) record.value()).envelope());
                        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    }
                    projection.apply(batch);
                    next.forEach((partition, offset) -> {
                        assertThat(checkpoints.advance(
                                        partition.topic(), partition.partition(), expected.get(partition), offset))
                                .isTrue();
                        expected.put(partition, offset);
                    });
                    segmentProjecting += System.nanoTime() - t0;
                    applied += batch.size();
                    segmentEvents += batch.size();
                    if (applied >= nextReport || applied >= events) {
                        long now = System.nanoTime();
                        long cpu = cpuNanos();
                        System.out.printf(
                                "%,14d | %,21.0f | %19.1f | %,38.1f | %,10.1f%n",
                                applied,
                                segmentEvents / ((now - segmentStart) / 1e9),
                                (now - segmentStart) / 1e3 / segmentEvents,
                                segmentProjecting / 1e3 / segmentEvents,
                                (cpu - segmentCpu) / 1e3 / segmentEvents);
                        segmentStart = now;
                        segmentCpu = cpu;
                        segmentProjecting = 0;
                        segmentEvents = 0;
                        nextReport += segment;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - startCpu) / 1e9;
            System.out.printf(
                    "rebuild: %,d events in %.1f s, %,.0f events/s; %.1f s of CPU (%.1f µs per event, so %,.0f "
                            + "events per CPU-second); load average now %.1f on %d cores%n",
                    applied,
                    seconds,
                    applied / seconds,
                    cpuSeconds,
                    cpuSeconds * 1e6 / applied,
                    applied / cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            assertThat(applied).isEqualTo(events);
            assertThat(store.timeline().countDocuments()).isEqualTo(events);
            assertThat(store.journals().countDocuments()).isEqualTo(USERS);
            long winsInWeeks = 0;
            // only the counts: the stand-in answers a find in one reply, which must stay under the driver's 48 MB
            for (var week : store.weeks().find().projection(new org.bson.Document("wins", 1))) {
                winsInWeeks += week.get("wins", 0);
            }
            assertThat(winsInWeeks).isEqualTo(wins);
        }
    }

    /**
     * The floor under any projection on the stand-in: what it costs per document, through the driver, to insert
     * timeline-sized documents and to replace them by {@code _id}, in bulk writes of 2,000, with the timeline's indexes.
     */
    @Test
    void the_stand_ins_own_cost_per_document_write() {
        long count = Math.min(200_000, Long.getLong("smallwins.measure.events"));
        try (MongoStandIn mongo = MongoStandIn.start(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            ReadStore store = new ReadStore(client.getDatabase("floor"));
            store.ensureIndexes();
            for (String phase : List.of("insert", "replace")) {
                long wall = System.nanoTime();
                long cpu = cpuNanos();
                for (long from = 0; from < count; from += 2000) {
                    List<com.mongodb.client.model.WriteModel<org.bson.Document>> writes = new ArrayList<>();
                    for (long i = from; i < Math.min(count, from + 2000); i++) {
                        org.bson.Document doc = new org.bson.Document("_id", "event-" + i)
                                .append("userId", "user-" + (i % 1000))
                                .append("entryId", "entry-" + i)
                                .append("sortKey", String.format("2026-11-16|%012d", i))
                                .append("day", "2026-11-16")
                                .append("zone", "Europe/Berlin")
                                .append("sequence", i)
                                .append("lastSequence", i)
                                .append("kind", "WIN")
                                .append(
                                        "win",
                                        new org.bson.Document("text", "Today I rested without guilt")
                                                .append("focusArea", "REST")
                                                .append("tags", List.of("evening")));
                        writes.add(
                                phase.equals("insert")
                                        ? new com.mongodb.client.model.InsertOneModel<>(doc)
                                        : new com.mongodb.client.model.ReplaceOneModel<>(
                                                new org.bson.Document("_id", doc.get("_id")), doc));
                    }
                    store.timeline().bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
                }
                System.out.printf(
                        "stand-in %s of %,d documents: %.1f µs wall, %.1f µs CPU per document%n",
                        phase, count, (System.nanoTime() - wall) / 1e3 / count, (cpuNanos() - cpu) / 1e3 / count);
            }
            assertThat(store.timeline().countDocuments()).isEqualTo(count);
        }
    }

    /** CPU time of this whole JVM so far: the machine may be shared, so wall-clock rates alone would mislead. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {@code count} valid envelopes for {@value #USERS} people (70% wins, over 26 weeks); returns how many are wins. */
    static long produce(String bootstrap, long count) throws Exception {
        JournalEventCodec codec = new JournalEventCodec();
        Random random = new Random(42);
        long[] sequences = new long[USERS];
        List<String> zones = List.of("Europe/Berlin", "Pacific/Auckland", "America/New_York", "Asia/Kolkata", "UTC");
        LocalDate today = LocalDate.of(2026, 11, 30);
        long wins = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG, 10,
                        ProducerConfig.BATCH_SIZE_CONFIG, 262144),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                int u = random.nextInt(USERS);
                String user = "rebuild-user-" + u;
                ZoneId zone = ZoneId.of(zones.get(u % zones.size()));
                String id = UUID.randomUUID().toString();
                JournalEvent event;
                if (random.nextInt(100) < 70) {
                    event = new WinLogged(
                            id,
                            "Today I rested without guilt",
                            FocusArea.values()[random.nextInt(FocusArea.values().length)],
                            List.of("evening"));
                    wins++;
                } else {
                    event = new CheckInRecorded(
                            id,
                            1 + random.nextInt(5),
                            1 + random.nextInt(5),
                            ToleranceWindow.values()[random.nextInt(ToleranceWindow.values().length)],
                            null);
                }
                Instant at = today.minusDays(random.nextInt(182))
                        .atStartOfDay(zone)
                        .plusSeconds(random.nextInt(86_000))
                        .toInstant();
                EventEnvelope envelope = new EventEnvelope(
                        id, user, ++sequences[u], Occurred.at(at, zone), at, "corr", EventEnvelope.PLAIN_JSON, event);
                producer.send(new ProducerRecord<>(JournalTopic.NAME, user, codec.encode(envelope)));
            }
            producer.flush();
        }
        System.out.printf("produced %,d envelopes in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return wins;
    }
}
