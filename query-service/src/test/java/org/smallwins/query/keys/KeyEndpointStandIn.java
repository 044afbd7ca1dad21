package org.smallwins.query.keys;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * command-service's key endpoint as its contract says, on a real local HTTP server: {@code GET
 * /internal/data-keys/{keyId}} with the bearer token → 200 key, 410 destroyed, 404 unknown, 401 wrong token; it can
 * also fail (500) or be slow, and it records the key ids it was asked for.
 */
public final class KeyEndpointStandIn implements AutoCloseable {

    public record Key(String userId, byte[] keyset) {}

    public final Map<String, Key> keys = new ConcurrentHashMap<>();
    public final List<String> destroyed = new CopyOnWriteArrayList<>();
    public final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    public volatile boolean failing;
    volatile Duration delay = Duration.ZERO;
    private final String token;
    private final HttpServer server;

    public KeyEndpointStandIn(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext(HttpDataKeyAccess.PATH, exchange -> {
            String keyId = exchange.getRequestURI().getPath().substring(HttpDataKeyAccess.PATH.length());
            asked.add(keyId);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status;
            String body = "";
            if (failing) {
                status = 500;
            } else if (!("Bearer " + token).equals(authorization)) {
                status = 401;
            } else if (destroyed.contains(keyId)) {
                status = 410;
                body = "{\"type\":\"https://smallwins.example/problems/key-destroyed\",\"status\":410}";
            } else if (keys.containsKey(keyId)) {
                status = 200;
                Key key = keys.get(keyId);
                body = "{\"keyId\":\"" + keyId + "\",\"userId\":\"" + key.userId() + "\",\"keyset\":\""
                        + Base64.getEncoder().encodeToString(key.keyset()) + "\"}";
            } else {
                status = 404;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
