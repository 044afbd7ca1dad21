package org.smallwins.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * An in-JVM server that speaks MongoDB's wire protocol, so the real MongoDB Java driver runs against it. It keeps data
 * in memory, has no transactions, and is a stand-in for development and tests only: figures measured on it say nothing
 * about MongoDB.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** @param port 0 for any free port */
    public static MongoStandIn start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new MongoStandIn(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
