package org.smallwins.stack;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Reads every answer whole through {@code delegate} (as bytes) and only then hands it to the caller's body handler, so
 * a checking client sees each body even when its caller streams it: the generated client reads with
 * {@code ofInputStream()}, which the contract check cannot look into. Test support; the answers here are small.
 */
final class BufferedBodiesHttpClient extends HttpClient {

    private final HttpClient delegate;

    BufferedBodiesHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** A builder that builds this client (the generated {@code ApiClient} asks for a builder). */
    HttpClient.Builder asBuilder() {
        HttpClient built = this;
        return new HttpClient.Builder() {
            @Override
            public HttpClient.Builder cookieHandler(CookieHandler handler) {
                return this;
            }

            @Override
            public HttpClient.Builder connectTimeout(Duration duration) {
                return this;
            }

            @Override
            public HttpClient.Builder sslContext(SSLContext context) {
                return this;
            }

            @Override
            public HttpClient.Builder sslParameters(SSLParameters parameters) {
                return this;
            }

            @Override
            public HttpClient.Builder executor(Executor executor) {
                return this;
            }

            @Override
            public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
                return this;
            }

            @Override
            public HttpClient.Builder version(HttpClient.Version version) {
                return this;
            }

            @Override
            public HttpClient.Builder priority(int priority) {
                return this;
            }

            @Override
            public HttpClient.Builder proxy(ProxySelector selector) {
                return this;
            }

            @Override
            public HttpClient.Builder authenticator(Authenticator authenticator) {
                return this;
            }

            @Override
            public HttpClient build() {
                return built;
            }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> whole = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return whole.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return whole.headers();
            }

            @Override
            public HttpClient.Version version() {
                return whole.version();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        if (whole.body().length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(whole.body())));
        }
        subscriber.onComplete();
        T body = subscriber.getBody().toCompletableFuture().join();
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return whole.statusCode();
            }

            @Override
            public HttpRequest request() {
                return whole.request();
            }

            @Override
            public Optional<HttpResponse<T>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return whole.headers();
            }

            @Override
            public T body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return whole.sslSession();
            }

            @Override
            public java.net.URI uri() {
                return whole.uri();
            }

            @Override
            public HttpClient.Version version() {
                return whole.version();
            }
        };
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
