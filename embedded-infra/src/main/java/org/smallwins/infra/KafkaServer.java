package org.smallwins.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one node acting as broker and controller) running in this JVM, from Kafka's own server
 * jars. Its log lives in a directory that may be kept across restarts; it can be stopped and started again on the
 * same address with the same log, as a broker outage would look to clients.
 */
public final class KafkaServer implements AutoCloseable {

    private final Path logDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;
    private boolean formattedNow;

    private KafkaServer(Path logDirectory, boolean deleteOnClose, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throw-away broker on free ports, its log in a temporary directory. */
    public static KafkaServer start() throws Exception {
        return start(null, 0);
    }

    /**
     * @param logDirectory where the log is kept (formatted on first use); null for a temporary one
     * @param port         the client port; 0 for a free one
     */
    public static KafkaServer start(Path logDirectory, int port) throws Exception {
        boolean temporary = logDirectory == null;
        Path dir = temporary ? Files.createTempDirectory("kafka-log") : logDirectory;
        Files.createDirectories(dir);
        KafkaServer kafka = new KafkaServer(dir, temporary, FreePort.orNext(port), FreePort.next());
        kafka.startBroker();
        return kafka;
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.retention.ms", "-1");
        return p;
    }

    /** Starts the broker (again, after {@link #stop()}), on the same ports and with the same log. */
    public synchronized void startBroker() throws Exception {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(config());
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            formattedNow = true;
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        }
        KafkaRaftServer raft = new KafkaRaftServer(config, Time.SYSTEM);
        raft.startup();
        server = raft;
    }

    /** Stops the broker, keeping its log; clients see it as unreachable until {@link #startBroker()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** True if this broker's log was created empty by this start (nothing from an earlier run). */
    public boolean startedWithEmptyLog() {
        return formattedNow;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (deleteOnClose) {
            try (var paths = Files.walk(logDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
