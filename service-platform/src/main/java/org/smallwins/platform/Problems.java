package org.smallwins.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem details every endpoint answers errors with. Never includes submitted values. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://smallwins.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem naming the request fields at fault: {@code errors: [{field, rule, detail}]}. */
    public static ProblemDetail invalidFields(HttpStatus status, String type, String title, List<FieldError> errors) {
        ProblemDetail problem =
                of(status, type, title, errors.size() == 1 ? errors.get(0).detail() : "Some fields need another look.");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "rule", e.rule(), "detail", e.detail()))
                        .toList());
        return problem;
    }

    public record FieldError(String field, String rule, String detail) {}
}
