package org.smallwins.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.infra.PostgresServer;

/**
 * The whole product on one machine: PostgreSQL (embedded binaries), a Kafka broker (KRaft, in this JVM), the MongoDB
 * stand-in (on a file in the data directory when data is kept, else in memory), a development token issuer, and both
 * services as their own processes, started from the same executable jars and configured through the same environment
 * variables as in production. The one way to build a local or test stack.
 */
public final class LocalStack implements AutoCloseable {

    public record Options(
            Path dataDirectory,
            boolean keepData,
            int commandPort,
            int queryPort,
            Path servicesDirectory,
            List<String> jvmOptions) {}

    /** The read store's database on the MongoDB stand-in. */
    public static final String READ_STORE_DATABASE = "smallwins";

    /**
     * Where, in the data directory of a stack that keeps its data, the MongoDB stand-in keeps the read models and their
     * checkpoints (one file, {@link #READ_STORE_FILE}): they survive a restart, so the projection continues from its
     * checkpoints instead of rebuilding. Deleting this directory makes the next start rebuild from the topic.
     */
    public static final String READ_STORE_DIRECTORY = "read-store";

    /** The stand-in's file in {@link #READ_STORE_DIRECTORY} (an H2 MVStore). */
    public static final String READ_STORE_FILE = "read-models.mv";

    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaServer kafka;
    private MongoStandIn mongo;
    private DevTokens tokens;
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private ServiceProcess identity;
    private ServiceProcess web;
    private Map<String, String> queryEnv;
    private Map<String, String> commandEnv;
    private Options options;
    private Path logs;
    private Path keyEncryptionKey;
    private String keyAccessToken;

    private LocalStack() {}

    /** Starts everything, reporting each step through {@code progress}. */
    public static LocalStack start(Options options, java.util.function.Consumer<String> progress) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options, progress);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options, java.util.function.Consumer<String> progress) throws Exception {
        this.options = options;
        // Ports asked for by number are checked before anything starts, so a taken one is reported at once.
        PortInUseException.requireFree("command-service", options.commandPort());
        PortInUseException.requireFree("query-service", options.queryPort());
        Path data = options.dataDirectory();
        Files.createDirectories(data);
        progress.accept("Starting PostgreSQL (embedded binaries)…");
        postgres = track(PostgresServer.start(options.keepData() ? data.resolve("postgres") : null, 0));
        progress.accept("Starting Kafka broker (KRaft, in-JVM, log on disk)…");
        kafka = track(KafkaServer.start(options.keepData() ? data.resolve("kafka") : null, 0));
        if (kafka.startedWithEmptyLog()) {
            replayRelayIntoFreshBroker(postgres);
        }
        if (options.keepData()) {
            Path readStore = data.resolve(READ_STORE_DIRECTORY);
            if (kafka.startedWithEmptyLog() && forgetReadStore(readStore)) {
                progress.accept("The Kafka log is new: the read models kept in " + readStore
                        + " are dropped and rebuilt from the topic…");
            }
            progress.accept("Starting MongoDB stand-in (in-JVM, read models kept in " + readStore + ")…");
            mongo = track(MongoStandIn.start(readStore.resolve(READ_STORE_FILE), 0));
        } else {
            progress.accept("Starting MongoDB stand-in (in-JVM, in memory)…");
            mongo = track(MongoStandIn.start(0));
        }
        tokens = DevTokens.loadOrCreate(
                data.resolve("dev-issuer"), DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
        Path publicKey = tokens.writePublicKey(data.resolve("dev-issuer").resolve("public.pem"));

        Map<String, String> common = new HashMap<>();
        common.put("SMALLWINS_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        common.put("SMALLWINS_JWT_ISSUER", tokens.issuer());
        common.put("SMALLWINS_JWT_AUDIENCE", tokens.audience());
        common.put("SMALLWINS_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey.toAbsolutePath());

        // The key-encryption key (generated once, kept in the data directory) is command-service's alone; the token
        // that lets query-service fetch data keys from it is new on every start.
        boolean kept = Files.exists(data.resolve(KeyEncryptionKeyFile.DIRECTORY).resolve(KeyEncryptionKeyFile.FILE));
        keyEncryptionKey = KeyEncryptionKeyFile.loadOrCreate(data);
        progress.accept((kept ? "Key-encryption key kept in " : "Key-encryption key generated into ") + keyEncryptionKey
                + " (keep it as long as the events: without it they cannot be read)");
        keyAccessToken = randomToken();
        common.put("SMALLWINS_KEY_ACCESS_TOKEN", keyAccessToken);

        commandEnv = new HashMap<>(common);
        commandEnv.put("SMALLWINS_KEK_FILE", keyEncryptionKey.toAbsolutePath().toString());
        commandEnv.put("SMALLWINS_DB_URL", postgres.jdbcUrl());
        commandEnv.put("SMALLWINS_DB_USER", postgres.user());
        commandEnv.put("SMALLWINS_DB_PASSWORD", postgres.password());
        commandEnv.put("SMALLWINS_COMMAND_PORT", Integer.toString(options.commandPort()));

        queryEnv = new HashMap<>(common);
        // The analytics pseudonyms' secret (issue 16): made once, kept in the data directory like the other secrets.
        queryEnv.put("SMALLWINS_ANALYTICS_PSEUDONYM_SECRET", PseudonymSecretFile.loadOrCreate(data));
        queryEnv.put("SMALLWINS_MONGODB_URI", mongo.connectionString() + "/" + READ_STORE_DATABASE);
        queryEnv.put("SMALLWINS_QUERY_PORT", Integer.toString(options.queryPort()));

        logs = data.resolve("logs");
        progress.accept("Starting command-service and query-service (logs in " + logs + ")…");
        commandService = track(ServiceProcess.start(
                "command-service",
                options.servicesDirectory().resolve("command-service-exec.jar"),
                options.commandPort(),
                commandEnv,
                logs,
                options.jvmOptions()));
        // query-service fetches data keys from command-service: it is told where once command-service has bound its
        // port (it may be a free one chosen at start)
        queryEnv.put(
                "SMALLWINS_KEYS_URL",
                "http://localhost:" + commandService.awaitBoundPort(Duration.ofMinutes(3), () -> progress.accept(".")));
        queryService = track(ServiceProcess.start(
                "query-service",
                options.servicesDirectory().resolve("query-service-exec.jar"),
                options.queryPort(),
                queryEnv,
                logs,
                options.jvmOptions()));
        Runnable dot = () -> progress.accept(".");
        commandService.awaitHealthy(Duration.ofMinutes(3), dot);
        queryService.awaitHealthy(Duration.ofMinutes(3), dot);
    }

    /**
     * The page a person opens and the identity provider they sign in with, each its own process like the services:
     * the provider (Spring Authorization Server; also {@code GET /token?user=NAME}) signs with the development
     * issuer's key the services already trust; the web app signs people in there and calls both services as them. A
     * port of 0 takes a free one. Returns the page's URL.
     */
    public String startWebApp(int identityPort, int webPort, java.util.function.Consumer<String> progress)
            throws Exception {
        PortInUseException.requireFree("development issuer", identityPort);
        PortInUseException.requireFree("web", webPort);
        int identityAt = identityPort == 0 ? org.smallwins.infra.FreePort.next() : identityPort;
        int webAt = webPort == 0 ? org.smallwins.infra.FreePort.next() : webPort;
        String identityUrl = "http://localhost:" + identityAt;
        String webUrl = "http://localhost:" + webAt;
        Map<String, String> identityEnv = new HashMap<>();
        identityEnv.put("SMALLWINS_IDENTITY_PORT", Integer.toString(identityAt));
        identityEnv.put(
                "SMALLWINS_DEV_ISSUER_KEYS",
                options.dataDirectory().resolve("dev-issuer").toAbsolutePath().toString());
        identityEnv.put("SMALLWINS_JWT_ISSUER", tokens.issuer());
        identityEnv.put("SMALLWINS_JWT_AUDIENCE", tokens.audience());
        identityEnv.put("SMALLWINS_WEB_URL", webUrl);
        Map<String, String> webEnv = new HashMap<>();
        webEnv.put("SMALLWINS_WEB_PORT", Integer.toString(webAt));
        webEnv.put("SMALLWINS_IDENTITY_URL", identityUrl);
        webEnv.put("SMALLWINS_COMMAND_URL", commandServiceUrl());
        webEnv.put("SMALLWINS_QUERY_URL", queryServiceUrl());
        progress.accept("Starting the identity provider and the web app (logs in " + logs + ")…");
        identity = track(ServiceProcess.start(
                "identity",
                options.servicesDirectory().resolve("identity-exec.jar"),
                identityAt,
                identityEnv,
                logs,
                options.jvmOptions()));
        web = track(ServiceProcess.start(
                "web", options.servicesDirectory().resolve("web-exec.jar"), webAt, webEnv, logs, options.jvmOptions()));
        Runnable dot = () -> progress.accept(".");
        identity.awaitHealthy(Duration.ofMinutes(3), dot);
        web.awaitHealthy(Duration.ofMinutes(3), dot);
        return webUrl();
    }

    /** The page's URL (after {@link #startWebApp}). */
    public String webUrl() {
        return web.baseUrl();
    }

    /** The identity provider's URL, also the address of {@code GET /token?user=NAME} (after {@link #startWebApp}). */
    public String identityUrl() {
        return identity.baseUrl();
    }

    /**
     * A broker whose log was just created (first run, or its directory was deleted) has none of the events already in
     * the event store, so the relay's stored position is forgotten: the relay then publishes the whole event store
     * into the new topic. Consumers are idempotent, so nothing is counted twice.
     */
    private static void replayRelayIntoFreshBroker(PostgresServer postgres) throws java.sql.SQLException {
        try (var connection = postgres.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF to_regclass('tokenentry') IS NOT NULL THEN "
                    + "DELETE FROM tokenentry WHERE processorname = 'kafka-relay'; END IF; END $$");
        }
    }

    /**
     * The read store's checkpoints are offsets in the topic it was projected from. A broker whose log was just created
     * holds a new topic (the relay publishes the event store into it again), in which those offsets mean other records:
     * continuing from them would skip events, and a checkpoint beyond the new log's end would be reset by the consumer.
     * So the kept read models go, and the projection rebuilds them from the new topic. Returns whether there was one.
     */
    private static boolean forgetReadStore(Path readStore) throws java.io.IOException {
        if (!Files.exists(readStore)) {
            return false;
        }
        try (var paths = Files.walk(readStore)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        return true;
    }

    /** 256 random bits, URL-safe: the key-access token command-service and query-service share for one run. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(0, resource);
        return resource;
    }

    public String commandServiceUrl() {
        return commandService.baseUrl();
    }

    public String queryServiceUrl() {
        return queryService.baseUrl();
    }

    public DevTokens tokens() {
        return tokens;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path commandServiceLog() {
        return commandService.log();
    }

    public Path queryServiceLog() {
        return queryService.log();
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** Where PostgreSQL keeps its files (the data directory's {@code postgres}, or a temporary one). */
    public Path postgresDataDirectory() {
        return postgres.dataDirectory();
    }

    /** Where the Kafka broker keeps its log (the data directory's {@code kafka}, or a temporary one). */
    public Path kafkaLogDirectory() {
        return kafka.logDirectory();
    }

    /** Where the services' output (stdout and stderr) goes, one file per service process. */
    public Path logsDirectory() {
        return logs;
    }

    /** The key-encryption key file command-service wraps data keys with ({@code <data>/keys/kek.json}). */
    public Path keyEncryptionKeyFile() {
        return keyEncryptionKey;
    }

    /**
     * The environment the stack's query-service runs with (Kafka, JWT issuer, key access: command-service's URL and the
     * token, read store, port), for a harness that starts more query-service instances on their own read store and
     * consumer group (the benchmark's rebuild and scaling measurements): without the key access they could not open
     * sealed events. Never log it: it holds the key-access token.
     */
    public Map<String, String> queryServiceEnvironment() {
        return Map.copyOf(queryEnv);
    }

    /** The token query-service (and only it) presents to command-service's key endpoint, new on every start. */
    String keyAccessToken() {
        return keyAccessToken;
    }

    ServiceProcess commandService() {
        return commandService;
    }

    ServiceProcess queryService() {
        return queryService;
    }

    /**
     * Starts query-service again after it was stopped or killed, on the port it was asked for (a free one when that
     * is 0: {@link #queryServiceUrl()} then names the new one); see {@link ServiceProcess#awaitHealthy}.
     */
    ServiceProcess restartQueryService() throws Exception {
        if (queryService.isAlive()) {
            throw new IllegalStateException("query-service is still running");
        }
        started.remove(queryService);
        queryService = track(
                startService("query-service", queryEnv, "SMALLWINS_QUERY_PORT", options.queryPort(), "query-service"));
        return queryService;
    }

    /** Starts one more query-service instance (same consumer group, read store and topic) on a free port; not awaited. */
    ServiceProcess startAnotherQueryService(String name) throws Exception {
        return startAnotherQueryService(name, 0);
    }

    /** Starts one more query-service instance on {@code port} (0: a free one), without checking the port first; not awaited. */
    ServiceProcess startAnotherQueryService(String name, int port) throws Exception {
        return track(startService("query-service", queryEnv, "SMALLWINS_QUERY_PORT", port, name));
    }

    /** Starts one more command-service instance (same event store and topic) on a free port; not awaited. */
    ServiceProcess startAnotherCommandService(String name) throws Exception {
        return track(startService("command-service", commandEnv, "SMALLWINS_COMMAND_PORT", 0, name));
    }

    private ServiceProcess startService(
            String service, Map<String, String> baseEnv, String portVariable, int port, String name) throws Exception {
        Map<String, String> env = new HashMap<>(baseEnv);
        env.put(portVariable, Integer.toString(port));
        return ServiceProcess.start(
                name,
                options.servicesDirectory().resolve(service + "-exec.jar"),
                port,
                env,
                logs,
                options.jvmOptions());
    }

    @Override
    public void close() {
        for (AutoCloseable resource : started) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + resource.getClass().getSimpleName() + ": "
                        + e.getClass().getSimpleName());
            }
        }
        started.clear();
    }

    /** Process id of the command-service JVM (for benchmarks measuring its memory). */
    public long commandServicePid() {
        return commandService.pid();
    }

    /** Process id of the query-service JVM (for benchmarks measuring its memory). */
    public long queryServicePid() {
        return queryService.pid();
    }

    /** The MongoDB stand-in's connection string, without a database (for benchmarks reading the read store). */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }
}
