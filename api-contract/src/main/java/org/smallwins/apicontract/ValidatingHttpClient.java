package org.smallwins.apicontract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A {@link HttpClient} for the tests that talk to a running service over real HTTP: it sends like the JDK's client and
 * checks every exchange against the document of the service it went to ({@link OpenApiContract#check}). A body read
 * as text or bytes is checked; one read as a stream ({@code ofInputStream}, {@code discarding}) is not.
 */
public final class ValidatingHttpClient extends HttpClient {

    private final HttpClient http;
    private final Function<URI, OpenApiContract> contracts;

    private ValidatingHttpClient(HttpClient http, Function<URI, OpenApiContract> contracts) {
        this.http = http;
        this.contracts = contracts;
    }

    /** Every exchange is checked against one service's committed document. */
    public static HttpClient forService(String service) {
        return new ValidatingHttpClient(HttpClient.newHttpClient(), uri -> OpenApiContract.forService(service));
    }

    /**
     * For tests that talk to several services (the local stack): each exchange is checked against the first service
     * whose document has its path, or the first service's when none has (so an undocumented success fails).
     */
    public static HttpClient forServices(String... services) {
        return forServices(HttpClient.newHttpClient(), services);
    }

    /** {@link #forServices(String...)} around a client of the test's own (timeouts, …). */
    public static HttpClient forServices(HttpClient http, String... services) {
        List<OpenApiContract> contracts = java.util.Arrays.stream(services)
                .map(OpenApiContract::forService)
                .toList();
        return new ValidatingHttpClient(http, uri -> {
            String path = uri.getPath() == null ? "/" : uri.getPath();
            return contracts.stream()
                    .filter(contract -> contract.describes(path))
                    .findFirst()
                    .orElse(contracts.get(0));
        });
    }

    /** Each exchange is checked against the contract its URI picks (null: not checked), e.g. by port on a stack. */
    public static HttpClient choosing(Function<URI, OpenApiContract> contracts) {
        return new ValidatingHttpClient(HttpClient.newHttpClient(), contracts);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(request, handler);
        check(request, response);
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return http.sendAsync(request, handler).thenApply(response -> {
            check(request, response);
            return response;
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return http.sendAsync(request, handler, pushPromiseHandler).thenApply(response -> {
            check(request, response);
            return response;
        });
    }

    private void check(HttpRequest request, HttpResponse<?> response) {
        String path =
                request.uri().getRawPath() == null ? "/" : decode(request.uri().getRawPath());
        if (!path.startsWith(OpenApiContract.API_PREFIX)) {
            return; // API documents, actuator, UI: not described by the documents
        }
        OpenApiContract contract = contracts.apply(request.uri());
        if (contract == null) {
            return;
        }
        Object body = response.body();
        String responseBody;
        if (body instanceof String text) {
            responseBody = text;
        } else if (body instanceof byte[] bytes) {
            responseBody = new String(bytes, StandardCharsets.UTF_8);
        } else {
            responseBody = null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(request.uri())
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(
                        decode(name),
                        values.stream().map(v -> v == null ? "" : decode(v)).toList()));
        contract.check(new Exchange(
                request.method(),
                path,
                query,
                headers(request.headers()),
                request.bodyPublisher().map(ValidatingHttpClient::text).orElse(null),
                response.statusCode(),
                headers(response.headers()),
                responseBody));
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        return new LinkedHashMap<>(headers.map());
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The bytes a publisher sends (the JDK's publishers of strings and byte arrays can be read again). */
    private static String text(HttpRequest.BodyPublisher publisher) {
        if (publisher.contentLength() == 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountDownLatch done = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }
}
