package org.smallwins.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. It can be stopped and started again on the
 * same port with the same data, as a database outage looks to its clients.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final int port;
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
        server.startServer();
        return server;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port with the same data. */
    public synchronized void startServer() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        }
    }

    /** Stops the server, keeping its data; clients see it as unreachable until {@link #startServer()}. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
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
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
