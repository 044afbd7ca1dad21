package org.smallwins.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one RFC 9457 problem shape every endpoint, filter and framework error answers with: {@code type} (a URI
 * per problem), {@code title}, {@code status}, {@code detail} (our own sentence), {@code instance} (the request path),
 * {@code code} (the stable machine code of {@link ProblemType}) and, for problems with fields, {@code errors}:
 * {@code [{field, pointer?, code, message}]}. Never includes submitted values; never a {@code null} member.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://smallwins.dev/problems/";

    /** The member holding the stable machine code. */
    public static final String CODE = "code";

    /** The member holding the field problems. */
    public static final String ERRORS = "errors";

    private Problems() {}

    /** A problem of this type with our own sentence as its detail. */
    public static ProblemDetail of(ProblemType type, String detail) {
        return build(type.status(), type.type(), type.title(), type.code(), detail);
    }

    /**
     * A problem naming the request fields at fault; its detail is the one field's message, or a general sentence for
     * several.
     */
    public static ProblemDetail invalidFields(ProblemType type, List<FieldError> errors) {
        ProblemDetail problem =
                of(type, errors.size() == 1 ? errors.get(0).message() : "Some fields need another look.");
        withErrors(problem, errors);
        return problem;
    }

    /**
     * A problem by its code's name. Prefer {@link #of(ProblemType, String)}: a code listed in {@link ProblemType} takes
     * that type's title; any other is answered in the same shape with the given title.
     *
     * @deprecated list the code in {@link ProblemType} and use {@link #of(ProblemType, String)}
     */
    @Deprecated
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        return ProblemType.ofCode(type)
                .filter(known -> known.status() == status)
                .map(known -> of(known, detail))
                .orElseGet(() -> build(status, URI.create(TYPE_PREFIX + type), title, type, detail));
    }

    /**
     * A problem with fields by its code's name.
     *
     * @deprecated list the code in {@link ProblemType} and use {@link #invalidFields(ProblemType, List)}
     */
    @Deprecated
    public static ProblemDetail invalidFields(HttpStatus status, String type, String title, List<FieldError> errors) {
        ProblemDetail problem = of(
                status, type, title, errors.size() == 1 ? errors.get(0).message() : "Some fields need another look.");
        withErrors(problem, errors);
        return problem;
    }

    /** The request's path as the problem's {@code instance}, unless it has one. */
    public static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null && request.getRequestURI() != null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        return problem;
    }

    /** A request path as a URI reference; a path that is not one (it cannot be, once routed) is left out. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static ProblemDetail build(HttpStatus status, URI type, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty(CODE, code);
        return problem;
    }

    private static void withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty(ERRORS, errors.stream().map(FieldError::asMember).toList());
    }

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    /**
     * The RFC 6901 JSON pointer of a field named as a dotted path with indexes ({@code events[17].payload.text} is
     * {@code /events/17/payload/text}).
     */
    public static String pointerOf(String field) {
        StringBuilder pointer = new StringBuilder();
        Matcher step = STEP.matcher(field);
        while (step.find()) {
            String name = step.group(1) != null ? step.group(1) : step.group(2);
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * One field at fault.
     *
     * @param field   the body field as a dotted path ({@code tags[2]}), or the query parameter or header name
     * @param pointer the RFC 6901 pointer into the JSON request body when the field is in it; null otherwise (then left
     *                out of the answer)
     * @param code    the stable rule name, such as {@code text.too-long}
     * @param message our sentence about the rule; never the value
     */
    public record FieldError(String field, String pointer, String code, String message) {

        /** A field that is not in the request body (a query parameter or a header). */
        public FieldError(String field, String code, String message) {
            this(field, null, code, message);
        }

        /** A field of the JSON request body, named as a dotted path: its pointer follows from the name. */
        public static FieldError inBody(String field, String code, String message) {
            return new FieldError(field, pointerOf(field), code, message);
        }

        Map<String, Object> asMember() {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("field", field);
            if (pointer != null) {
                member.put("pointer", pointer);
            }
            member.put("code", code);
            member.put("message", message);
            return member;
        }
    }
}
