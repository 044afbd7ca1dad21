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
