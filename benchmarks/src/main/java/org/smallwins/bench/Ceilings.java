package org.smallwins.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Component ceilings measured in the same run: what PostgreSQL and the Kafka broker can do on their own. */
final class Ceilings {

    private Ceilings() {}

    /** Single-row INSERT transactions/s (autocommit, synchronous_commit on), {@code threads} connections. */
    static double postgresInsertsPerSecond(
            String jdbcUrl, String user, String password, int threads, int seconds, Consumer<String> progress)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                var s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS bench_ceiling (id BIGSERIAL PRIMARY KEY, user_id TEXT NOT NULL, payload TEXT NOT NULL)");
            s.execute("TRUNCATE bench_ceiling");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                        PreparedStatement insert =
                                c.prepareStatement("INSERT INTO bench_ceiling (user_id, payload) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    String payload = "x".repeat(300);
                    while (System.nanoTime() < end) {
                        insert.setString(1, "user-" + id);
                        insert.setString(2, payload);
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    progress.accept("    PostgreSQL ceiling worker failed: "
                            + e.getClass().getSimpleName());
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / (double) seconds;
    }

    /** Axon's DomainEventEntry as the command-service creates it (command-service's schema.sql), under another name. */
    static final String EVENT_TABLE_DDL = """
            CREATE TABLE IF NOT EXISTS bench_domain_event_entry (
                globalIndex         BIGSERIAL    NOT NULL,
                aggregateIdentifier VARCHAR(255) NOT NULL,
                sequenceNumber      BIGINT       NOT NULL,
                type                VARCHAR(255),
                eventIdentifier     VARCHAR(255) NOT NULL,
                metaData            BYTEA,
                payload             BYTEA        NOT NULL,
                payloadRevision     VARCHAR(255),
                payloadType         VARCHAR(255) NOT NULL,
                timeStamp           VARCHAR(255) NOT NULL,
                PRIMARY KEY (globalIndex),
                UNIQUE (aggregateIdentifier, sequenceNumber),
                UNIQUE (eventIdentifier)
            )""";

    private static final String EVENT_INSERT = "INSERT INTO bench_domain_event_entry (aggregateIdentifier, "
            + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Event-store appends/s shaped like Axon's JDBC event store: DomainEventEntry rows (same columns, primary key and
     * both unique constraints), {@code eventsPerTransaction} rows per transaction sent as one JDBC batch (1 = one
     * command appending one event), {@code threads} connections, each appending to its own 1,000 aggregates with
     * gap-free sequence numbers. Payload and metadata sizes are those of the run's own event store.
     */
    static double eventStoreAppendsPerSecond(
            String jdbcUrl,
            String user,
            String password,
            int threads,
            int eventsPerTransaction,
            int payloadBytes,
            int metaDataBytes,
            int seconds,
            Consumer<String> progress)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                var s = c.createStatement()) {
            s.execute(EVENT_TABLE_DDL);
            s.execute("TRUNCATE bench_domain_event_entry");
        }
        byte[] payload = new byte[Math.max(1, payloadBytes)];
        java.util.Arrays.fill(payload, (byte) 'p');
        byte[] metaData = new byte[Math.max(1, metaDataBytes)];
        java.util.Arrays.fill(metaData, (byte) 'm');
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                long[] sequences = new long[1000];
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                        PreparedStatement insert = c.prepareStatement(EVENT_INSERT)) {
                    c.setAutoCommit(false);
                    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        for (int e = 0; e < eventsPerTransaction; e++) {
                            int aggregate = r.nextInt(sequences.length);
                            insert.setString(1, "ceiling-" + id + "-" + aggregate);
                            insert.setLong(2, sequences[aggregate]++);
                            insert.setString(3, "Journal");
                            insert.setString(4, java.util.UUID.randomUUID().toString());
                            insert.setBytes(5, metaData);
                            insert.setBytes(6, payload);
                            insert.setString(7, null);
                            insert.setString(8, "org.smallwins.contract.WinLogged");
                            insert.setString(9, java.time.Instant.now().toString());
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        done.addAndGet(eventsPerTransaction);
                    }
                } catch (Exception e) {
                    progress.accept("    event-store ceiling worker failed: "
                            + e.getClass().getSimpleName());
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / (double) seconds;
    }

    /**
     * The run's own event store: events, average payload and metadata bytes, and bytes on disk per event (table,
     * indexes and TOAST), from Axon's DomainEventEntry in the services' PostgreSQL database.
     */
    static Map<String, Object> eventStoreFootprint(String jdbcUrl, String user, String password) throws Exception {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*), coalesce(avg(octet_length(payload)), 0), "
                        + "coalesce(avg(octet_length(metaData)), 0), pg_total_relation_size('domainevententry'), "
                        + "pg_relation_size('domainevententry') FROM domainevententry")) {
            rs.next();
            long events = rs.getLong(1);
            out.put("events", events);
            out.put("avgPayloadBytes", Math.round(rs.getDouble(2)));
            out.put("avgMetaDataBytes", Math.round(rs.getDouble(3)));
            out.put("totalBytes", rs.getLong(4));
            out.put("heapBytes", rs.getLong(5));
            out.put("bytesPerEventOnDisk", events == 0 ? 0 : Math.round(rs.getLong(4) / (double) events));
        }
        return out;
    }

    /** The journal topic on the broker: records, bytes of its partitions' logs, bytes per record. */
    static Map<String, Object> journalTopicFootprint(String bootstrap) throws Exception {
        long records = Rebuild.topicEvents(bootstrap);
        long bytes = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream()
                    .map(org.apache.kafka.common.Node::id)
                    .toList();
            for (var dirs :
                    admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (var dir : dirs.values()) {
                    for (var replica : dir.replicaInfos().entrySet()) {
                        if (replica.getKey().topic().equals(org.smallwins.contract.JournalTopic.NAME)) {
                            bytes += replica.getValue().size();
                        }
                    }
                }
            }
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("records", records);
        out.put("bytes", bytes);
        out.put("bytesPerRecord", records == 0 ? 0 : Math.round(bytes / (double) records));
        return out;
    }

    static Properties producerSettings(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // the command-service's producer settings
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    /** Records/s: {@code synchronous} waits for each send like the relay does; otherwise sends are pipelined. */
    static double kafkaRecordsPerSecond(String bootstrap, boolean synchronous, int seconds) throws Exception {
        String topic = "bench-ceiling";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1)))
                        .all()
                        .get();
            }
        }
        byte[] value = new byte[450];
        java.util.Arrays.fill(value, (byte) 'x');
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(bootstrap))) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                var future = producer.send(new ProducerRecord<>(topic, "user-" + (count % 1000), value));
                if (synchronous) {
                    future.get();
                }
                count++;
            }
            producer.flush();
        }
        return count / (double) seconds;
    }
}
