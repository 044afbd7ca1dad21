package org.smallwins.apicontract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One service's committed OpenAPI document ({@code api/<service>.openapi.json}), and the check every HTTP test runs on
 * every exchange it makes (Atlassian's swagger-request-validator):
 *
 * <ul>
 *   <li>every response of an API path ({@code /api/**}) must be one the document declares for that operation: status,
 *       content type, body schema, declared headers;
 *   <li>every request the service <em>accepted</em> (a 2xx) must be one the document allows (path, parameters,
 *       required headers, body schema with {@code additionalProperties: false}): a request the document forbids that
 *       the code takes is drift. A refused request (4xx) is usually invalid on purpose (that is what a bad-input test
 *       sends), so only its answer is checked;
 *   <li>a request whose path or method the document does not know is checked only when it succeeded (an undocumented
 *       endpoint); an unknown path's 404 or a wrong method's 405 belong to no operation. CORS preflights
 *       ({@code OPTIONS}) are the CORS filter's, not operations.
 * </ul>
 *
 * Authentication is not checked here (a MockMvc slice authenticates without an {@code Authorization} header); the
 * security tests cover it. Violations fail the test with every message of the report.
 */
public final class OpenApiContract {

    /** Paths the documents describe; actuator, API documents, the UI and internal endpoints are not part of them. */
    static final String API_PREFIX = "/api/";

    private static final Map<Path, OpenApiContract> LOADED = new ConcurrentHashMap<>();

    /** Messages that mean "no operation in the document for this path or method". */
    private static final Set<String> UNKNOWN_OPERATION = Set.of(
            "validation.request.path.missing",
            "validation.request.operation.notAllowed",
            "validation.response.path.missing",
            "validation.response.operation.notAllowed");

    private final Path document;
    private final OpenApiInteractionValidator validator;
    private final List<java.util.regex.Pattern> paths;

    private OpenApiContract(Path document) {
        this.document = document;
        String json;
        try {
            json = Files.readString(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + document, e);
        }
        this.paths = pathPatterns(json);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(LevelResolver.create()
                        // authentication is the security tests' concern (MockMvc's jwt() sends no header)
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The contract of a document, loaded once per JVM. */
    public static OpenApiContract of(Path document) {
        return LOADED.computeIfAbsent(document.toAbsolutePath().normalize(), OpenApiContract::new);
    }

    /** The committed document of a service: {@code api/<service>.openapi.json} of this repository. */
    public static OpenApiContract forService(String service) {
        return of(CommittedDocuments.path(service));
    }

    public Path document() {
        return document;
    }

    /** Whether the document has a path (template) matching this request path. */
    public boolean describes(String path) {
        return paths.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private static List<java.util.regex.Pattern> pathPatterns(String json) {
        try {
            var names = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json)
                    .path("paths")
                    .fieldNames();
            List<java.util.regex.Pattern> patterns = new java.util.ArrayList<>();
            names.forEachRemaining(template -> patterns.add(
                    java.util.regex.Pattern.compile(java.util.Arrays.stream(template.split("\\{[^/}]+}", -1))
                            .map(java.util.regex.Pattern::quote)
                            .collect(Collectors.joining("[^/]+")))));
            return List.copyOf(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one exchange; throws an {@link AssertionError} naming every violation. */
    public void check(Exchange exchange) {
        if (!exchange.path().startsWith(API_PREFIX) || "OPTIONS".equalsIgnoreCase(exchange.method())) {
            return; // not an API path, or a CORS preflight (answered by the CORS filter, no operation of the API)
        }
        Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> response.withHeader(name, values));
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        boolean accepted = exchange.status() >= 200 && exchange.status() < 300;
        ValidationReport report;
        if (accepted) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, exchange.path());
            exchange.query().forEach((name, values) -> request.withQueryParam(name, values));
            exchange.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
            if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
                request.withBody(exchange.requestBody());
            }
            report = validator.validate(request.build(), response.build());
        } else {
            report = validator.validateResponse(exchange.path(), method, response.build());
            if (report.getMessages().stream().anyMatch(m -> UNKNOWN_OPERATION.contains(m.getKey()))) {
                return; // an unknown path or method: answered by the framework, no operation to hold it to
            }
        }
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(exchange.method() + " " + exchange.path() + " -> " + exchange.status()
                    + " does not match " + document.getFileName() + ":\n"
                    + errors.stream()
                            .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                                    + m.getContext()
                                            .map(c -> c.getLocation() + " "
                                                    + c.getRequestMethod()
                                                            .map(Object::toString)
                                                            .orElse(""))
                                            .map(c -> " (" + c.strip() + ")")
                                            .orElse(""))
                            .collect(Collectors.joining("\n")));
        }
    }
}
