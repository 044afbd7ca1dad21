package org.smallwins.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.smallwins.infra.DevTokens;

/**
 * The development issuer's only endpoint: {@code GET /token?user=NAME} answers a signed token whose subject is NAME.
 * Exists only in the local run mode, bound to loopback; the services know nothing of it beyond its public key.
 */
final class DevTokenEndpoint implements AutoCloseable {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final HttpServer server;

    private DevTokenEndpoint(HttpServer server) {
        this.server = server;
    }

    static DevTokenEndpoint start(int port, DevTokens tokens) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/token", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String user = null;
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("user=")) {
                        user = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    }
                }
            }
            byte[] body;
            int status;
            if (user == null || !USER.matcher(user).matches()) {
                status = 400;
                body = "Ask for /token?user=NAME (letters, digits, '.', '_' or '-').\n"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = tokens.mint(user).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new DevTokenEndpoint(server);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
