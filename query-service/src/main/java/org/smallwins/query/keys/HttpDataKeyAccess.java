package org.smallwins.query.keys;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.smallwins.contract.DataKeyset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DataKeyAccess} over HTTP: {@code GET {base}/internal/data-keys/{keyId}} on command-service with
 * {@code Authorization: Bearer <key-access token>} (the keyset comes base64 in Tink's binary keyset format), a connect and a request timeout, a few lookups at a time. 200 is a
 * live key, 410 a destroyed one, 404 an unknown one; anything else (401, 5xx, a timeout, no answer) is
 * {@link KeyServiceUnavailable}. Neither the token nor key material is ever logged or put in an exception.
 */
public class HttpDataKeyAccess implements DataKeyAccess {

    static final String PATH = "/internal/data-keys/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration requestTimeout;
    private final int parallelism;

    /**
     * @param commandService the key service's base URL, e.g. {@code http://command-service:8081}
     * @param accessToken    the shared key-access token (required)
     * @param parallelism    how many lookups run at once
     */
    public HttpDataKeyAccess(
            URI commandService, String accessToken, Duration connectTimeout, Duration requestTimeout, int parallelism) {
        Objects.requireNonNull(commandService, "commandService");
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("the key-access token is required");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        String url = commandService.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Bearer " + accessToken;
        this.requestTimeout = requestTimeout;
        this.parallelism = parallelism;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Map<String, DataKey> find(Collection<? extends String> keyIds) {
        List<String> ids = keyIds.stream().distinct().map(String::valueOf).toList();
        Map<String, DataKey> found = new LinkedHashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += parallelism) {
            List<String> group = ids.subList(from, Math.min(ids.size(), from + parallelism));
            List<CompletableFuture<DataKey>> lookups = new ArrayList<>(group.size());
            for (String keyId : group) {
                lookups.add(lookup(keyId));
            }
            for (CompletableFuture<DataKey> lookup : lookups) {
                DataKey key = join(lookup);
                found.put(key.keyId(), key);
            }
        }
        return found;
    }

    private CompletableFuture<DataKey> lookup(String keyId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + PATH + URLEncoder.encode(keyId, StandardCharsets.UTF_8)))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(keyId, response.statusCode(), response.body()));
    }

    private static DataKey answer(String keyId, int status, byte[] body) {
        switch (status) {
            case 200 -> {
                JsonNode json;
                try {
                    json = JSON.readTree(body);
                } catch (RuntimeException notJson) {
                    throw new KeyServiceUnavailable(
                            "the key service answered key " + keyId + " with something else " + "than a key");
                }
                String answeredFor = json.path("keyId").asString("");
                String userId = json.path("userId").asString("");
                String keyset = json.path("keyset").asString("");
                if (!answeredFor.equals(keyId) || userId.isEmpty() || keyset.isEmpty()) {
                    throw new KeyServiceUnavailable(
                            "the key service answered key " + keyId + " with an incomplete or different key");
                }
                try {
                    return new DataKey.Available(
                            keyId,
                            userId,
                            DataKeyset.fromBinary(Base64.getDecoder().decode(keyset)));
                } catch (IllegalArgumentException notAKeyset) {
                    throw new KeyServiceUnavailable(
                            "the key service answered key " + keyId + " with something that is not a keyset");
                }
            }
            case 410 -> {
                return new DataKey.Destroyed(keyId);
            }
            case 404 -> {
                return new DataKey.Unknown(keyId);
            }
            case 401, 403 ->
                throw new KeyServiceUnavailable("the key service refused this service's key-access " + "token (HTTP "
                        + status + "): check SMALLWINS_KEY_ACCESS_TOKEN on both services");
            default -> throw new KeyServiceUnavailable("the key service answered HTTP " + status + " for key " + keyId);
        }
    }

    private static DataKey join(CompletableFuture<DataKey> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof KeyServiceUnavailable unavailable) {
                throw unavailable;
            }
            throw new KeyServiceUnavailable(
                    "the key service did not answer (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }
}
