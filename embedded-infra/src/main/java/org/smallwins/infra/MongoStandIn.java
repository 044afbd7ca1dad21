package org.smallwins.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-JVM server that speaks MongoDB's wire protocol, so the real MongoDB Java driver runs against it. It keeps data
 * in memory, or in one file (an H2 MVStore) when started on one, has no transactions, and is a stand-in for
 * development and tests only: figures measured on it say nothing about MongoDB.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * A stand-in that keeps its data in memory: gone when it stops.
     *
     * @param port 0 for any free port
     */
    public static MongoStandIn start(int port) {
        return start(new MemoryBackend(), port);
    }

    /**
     * A stand-in that keeps its data in {@code file} (created with its directory if absent), so databases, documents
     * and indexes are there again when it is started on the same file. The MVStore commits the whole store as one version
     * in the background (about every second) and when the stand-in stops, so after a crash the file holds an earlier,
     * whole version: a projection whose checkpoints live in the same store then re-applies what came after it. Only
     * one stand-in may have the file open.
     *
     * @param port 0 for any free port
     */
    public static MongoStandIn start(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the directory of " + file, e);
        }
        return start(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    private static MongoStandIn start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new MongoStandIn(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Stops serving and closes the backend (for a file, after writing what is not written yet). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
