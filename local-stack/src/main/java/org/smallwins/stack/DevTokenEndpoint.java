package org.smallwins.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.smallwins.infra.DevTokens;

/**
 * The development issuer's only endpoint: {@code GET /token?user=NAME} answers a signed token whose subject is NAME;
 * {@code &scope=analytics:read} makes it an analyst's token (the cohort figures, nothing else).
 * Exists only in the local run mode, bound to loopback; the services know nothing of it beyond its public key.
 */
final class DevTokenEndpoint implements AutoCloseable {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The one scope the issuer mints (issue 16): an analyst's token for the cohort figures. */
    static final String ANALYTICS_SCOPE = "analytics:read";

    private final HttpServer server;

    private DevTokenEndpoint(HttpServer server) {
        this.server = server;
    }

    static DevTokenEndpoint start(int port, DevTokens tokens) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/token", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String user = null;
            String scope = null;
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("user=")) {
                        user = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    } else if (pair.startsWith("scope=")) {
                        scope = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                    }
                }
            }
            byte[] body;
            int status;
            if (user == null || !USER.matcher(user).matches()) {
                status = 400;
                body = "Ask for /token?user=NAME (letters, digits, '.', '_' or '-'), and &scope=analytics:read for an "
                        .concat("analyst's token.\n")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (scope != null && !ANALYTICS_SCOPE.equals(scope)) {
                status = 400;
                body = "The only scope this issuer mints is analytics:read (an analyst's token).\n"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                String token = scope == null ? tokens.mint(user) : tokens.mint(user, scope, Duration.ofHours(12));
                body = token.getBytes(StandardCharsets.UTF_8);
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
