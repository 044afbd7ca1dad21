package org.smallwins.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one node acting as broker and controller) running in this JVM, from Kafka's own server
 * jars. Its log lives in a directory that may be kept across restarts; it can be stopped and started again on the
 * same address with the same log, as a broker outage would look to clients.
 *
 * <p>It listens on 127.0.0.1 only. Kafka must be told its ports before it binds them (the controller's address is part
 * of its quorum configuration), so free ports are chosen, and if another process takes one before the broker binds it,
 * the bind fails and the broker starts again on other free ports: it never shares an address with another process.
 */
public final class KafkaServer implements AutoCloseable {

    private static final int ATTEMPTS = 5;
    private static final String HOST = "127.0.0.1";

    private final Path logDirectory;
    private final boolean deleteOnClose;
    private int port;
    private int controllerPort;
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
        return start(logDirectory, port, FreePort::next);
    }

    /** As {@link #start(Path, int)}, with the source of free ports given (for tests of a port taken meanwhile). */
    static KafkaServer start(Path logDirectory, int port, IntSupplier freePorts) throws Exception {
        boolean temporary = logDirectory == null;
        Path dir = temporary ? Files.createTempDirectory("kafka-log") : logDirectory;
        Files.createDirectories(dir);
        KafkaServer kafka =
                new KafkaServer(dir, temporary, port > 0 ? port : freePorts.getAsInt(), freePorts.getAsInt());
        for (int attempt = 1; ; attempt++) {
            try {
                kafka.startBroker();
                return kafka;
            } catch (Exception e) {
                if (!isBindFailure(e)) {
                    throw e;
                }
                if (port > 0 || attempt == ATTEMPTS) {
                    throw new IllegalStateException(
                            "Kafka could not bind 127.0.0.1:" + kafka.port + " or 127.0.0.1:" + kafka.controllerPort
                                    + ": in use by another process",
                            e);
                }
                kafka.port = freePorts.getAsInt();
                kafka.controllerPort = freePorts.getAsInt();
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        return ExceptionUtils.getThrowableList(e).stream()
                .anyMatch(cause -> cause instanceof BindException
                        || (cause.getMessage() != null && cause.getMessage().contains("Address already in use")));
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
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
        try {
            raft.startup();
        } catch (RuntimeException e) {
            try {
                raft.shutdown();
                raft.awaitShutdown();
            } catch (RuntimeException alreadyDown) {
                e.addSuppressed(alreadyDown);
            }
            throw e;
        }
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

    /** Where the broker keeps its log (and its KRaft metadata log). */
    public Path logDirectory() {
        return logDirectory;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (deleteOnClose) {
            try (var paths = Files.walk(logDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
