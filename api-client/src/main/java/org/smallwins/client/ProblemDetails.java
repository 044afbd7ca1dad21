package org.smallwins.client;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Problem details (RFC 9457) as typed errors. Every error of both services is an {@code application/problem+json}
 * body of the one {@code Problem} schema (a stable {@code code}, {@code errors[]} naming fields, never a value you
 * sent); the generated client throws {@code ApiException} with the status and the raw body. These read that body as
 * the generated {@code Problem}:
 *
 * <pre>{@code
 * try {
 *     journal.logWin(request);
 * } catch (ApiException e) {
 *     Problem problem = ProblemDetails.of(e).orElseThrow(() -> e);
 *     if ("entry-refused".equals(problem.getCode())) { ... problem.getErrors() ... }
 * }
 * }</pre>
 *
 * Empty when the answer is not problem details (a network failure, a proxy's own error page).
 */
public final class ProblemDetails {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemDetails() {}

    /** The problem the command service answered, typed. */
    public static Optional<org.smallwins.client.command.model.Problem> of(org.smallwins.client.command.ApiException e) {
        if (!isProblem(e.getResponseHeaders(), e.getResponseBody())) {
            return Optional.empty();
        }
        return read(() -> org.smallwins
                .client
                .command
                .JSON
                .getDefault()
                .getMapper()
                .readValue(e.getResponseBody(), org.smallwins.client.command.model.Problem.class));
    }

    /** The problem the query service answered, typed. */
    public static Optional<org.smallwins.client.query.model.Problem> of(org.smallwins.client.query.ApiException e) {
        if (!isProblem(e.getResponseHeaders(), e.getResponseBody())) {
            return Optional.empty();
        }
        return read(() -> org.smallwins
                .client
                .query
                .JSON
                .getDefault()
                .getMapper()
                .readValue(e.getResponseBody(), org.smallwins.client.query.model.Problem.class));
    }

    private static boolean isProblem(java.net.http.HttpHeaders headers, String body) {
        return headers != null
                && body != null
                && headers.firstValue("Content-Type")
                        .map(type -> type.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE))
                        .orElse(false);
    }

    private static <T> Optional<T> read(Reader<T> reader) {
        try {
            return Optional.of(reader.read());
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read();
    }
}
