package org.smallwins.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. It can be stopped and started again on the
 * same port with the same data, as a database outage looks to its clients.
 *
 * <p>It listens on 127.0.0.1 only, so it either binds its port there or does not start. PostgreSQL must be told its
 * port before it binds it: a free one is chosen, and if another process takes it first, the server is started again on
 * another. After each start it proves it is the server it started (its data directory), so clients never reach another
 * process's database by mistake.
 */
public final class PostgresServer implements AutoCloseable {

    private static final int ATTEMPTS = 5;
    private static final String HOST = "127.0.0.1";

    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, boolean deleteOnClose, int port) {
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /**
     * @param dataDirectory where the cluster lives; kept across restarts. Null for a throw-away cluster.
     * @param port          0 for any free port
     */
    public static PostgresServer start(Path dataDirectory, int port) throws IOException {
        boolean temporary = dataDirectory == null;
        Path dir = temporary ? Files.createTempDirectory("postgres-data") : dataDirectory;
        PostgresServer server = new PostgresServer(dir, temporary, FreePort.orNext(port));
        for (int attempt = 1; ; attempt++) {
            try {
                server.startServer();
                return server;
            } catch (IOException e) {
                boolean taken = !FreePort.isFree(HOST, server.port);
                if (port > 0 || attempt == ATTEMPTS || !taken) {
                    throw e;
                }
                server.port = FreePort.next();
            }
        }
    }

    /** Starts the server (again, after {@link #stop()}) on the same port with the same data. */
    public synchronized void startServer() throws IOException {
        if (postgres == null) {
            // PostgreSQL would fail on a taken port, but the start-up wait would first try to log in to whatever
            // listens there: a taken port is refused here, and every login attempt is bounded.
            if (!FreePort.isFree(HOST, port)) {
                throw new IOException("PostgreSQL cannot bind " + HOST + ":" + port + ": in use by another process");
            }
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", HOST)
                    .setConnectConfig("loginTimeout", "10")
                    .start();
            try {
                requireOwnDataDirectory(started);
            } catch (IOException | RuntimeException e) {
                started.close();
                throw e;
            }
            postgres = started;
        }
    }

    private void requireOwnDataDirectory(EmbeddedPostgres started) throws IOException {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", user());
        login.setProperty("password", password());
        login.setProperty("loginTimeout", "10");
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), login);
                var result = connection.createStatement().executeQuery("select current_setting('data_directory')")) {
            result.next();
            Path answering = Path.of(result.getString(1)).toRealPath();
            if (!answering.equals(dataDirectory.toRealPath())) {
                throw new IOException("another PostgreSQL (data in " + answering + ") answers on " + HOST + ":" + port);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException(
                    "PostgreSQL on " + HOST + ":" + port + " did not answer as the server just started", e);
        }
    }

    /** Stops the server, keeping its data; clients see it as unreachable until {@link #startServer()}. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Where the cluster's files are. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/postgres?user=postgres";
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public synchronized javax.sql.DataSource dataSource() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        stop();
        if (deleteOnClose) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
