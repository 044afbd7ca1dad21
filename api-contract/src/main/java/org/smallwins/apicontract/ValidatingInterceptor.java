package org.smallwins.apicontract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * For tests that talk to a running service through Spring's {@code RestClient}: checks every exchange against the
 * service's committed document ({@link OpenApiContract#check}), like {@link ValidatingHttpClient} does for the JDK's
 * client. The answer is read whole (tests only), then handed on unchanged.
 *
 * <pre>{@code RestClient.builder().requestInterceptor(ValidatingInterceptor.forService("command-service"))}</pre>
 */
public final class ValidatingInterceptor implements ClientHttpRequestInterceptor {

    private final OpenApiContract contract;

    private ValidatingInterceptor(OpenApiContract contract) {
        this.contract = contract;
    }

    public static ValidatingInterceptor forService(String service) {
        return new ValidatingInterceptor(OpenApiContract.forService(service));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        String path =
                request.getURI().getPath() == null ? "/" : request.getURI().getPath();
        if (!path.startsWith(OpenApiContract.API_PREFIX)) {
            return response;
        }
        byte[] answer;
        try (InputStream in = response.getBody()) {
            answer = in.readAllBytes();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(request.getURI())
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(
                        java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        values.stream()
                                .map(v -> v == null ? "" : java.net.URLDecoder.decode(v, StandardCharsets.UTF_8))
                                .toList()));
        contract.check(new Exchange(
                request.getMethod().name(),
                path,
                query,
                new LinkedHashMap<>(request.getHeaders().asMultiValueMap()),
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                response.getStatusCode().value(),
                new LinkedHashMap<>(response.getHeaders().asMultiValueMap()),
                new String(answer, StandardCharsets.UTF_8)));
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() throws IOException {
                return response.getStatusCode();
            }

            @Override
            public String getStatusText() throws IOException {
                return response.getStatusText();
            }

            @Override
            public void close() {
                response.close();
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(answer);
            }

            @Override
            public HttpHeaders getHeaders() {
                return response.getHeaders();
            }
        };
    }
}
