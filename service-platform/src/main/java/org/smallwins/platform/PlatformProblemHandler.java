package org.smallwins.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error mapping of both services: every framework error becomes an RFC 9457 problem detail, and anything
 * unexpected becomes a 500 problem without internals. Submitted values are never echoed, and exception messages (which
 * may quote a body) are never logged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                ExceptionUtils.throwableOfType(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return answer(RequestBodyLimitFilter.tooLarge(tooLarge.limit()));
        }
        return answer(unreadable(ex.getMostSpecificCause()));
    }

    /** What a body Jackson could not read is: unknown property, invalid text, wrong type, not JSON, or missing. */
    static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            if (name == null || !WellFormedText.isWellFormed(name) || name.length() > MAX_NAMED_PROPERTY) {
                return Problems.of(ProblemType.INVALID_TEXT, "A property name in the request body cannot be used.");
            }
            List<JacksonException.Reference> path = pathTo(unknown.getPath(), name);
            return Problems.invalidFields(
                    ProblemType.UNKNOWN_PROPERTY,
                    List.of(new Problems.FieldError(
                            fieldPath(path),
                            pointer(path),
                            "property.unknown",
                            "This endpoint has no such property: check its spelling, or leave it out.")));
        }
        if (cause instanceof WellFormedText.InvalidTextException invalid) {
            return Problems.invalidFields(
                    ProblemType.INVALID_TEXT,
                    List.of(new Problems.FieldError(
                            fieldPath(invalid.getPath()),
                            pointer(invalid.getPath()),
                            "text.unicode",
                            "This text is not valid Unicode (it holds a lone surrogate such as \\ud800); "
                                    + "send it as it was typed.")));
        }
        if (cause instanceof StreamReadException) {
            return Problems.of(
                    ProblemType.MALFORMED_JSON, "The request body is not valid JSON, or names a property twice.");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return Problems.invalidFields(
                    ProblemType.WRONG_TYPE,
                    List.of(new Problems.FieldError(
                            fieldPath(jackson.getPath()),
                            pointer(jackson.getPath()),
                            "type",
                            "This field has the wrong type.")));
        }
        return Problems.of(ProblemType.UNREADABLE_BODY, "The request body is missing or cannot be read.");
    }

    /** Longer property names are not repeated back: no property of ours is this long. */
    static final int MAX_NAMED_PROPERTY = 64;

    /** The path to an unknown property, with the property itself (Jackson's path may end at its object). */
    private static List<JacksonException.Reference> pathTo(List<JacksonException.Reference> path, String name) {
        if (!path.isEmpty() && name.equals(path.get(path.size() - 1).getPropertyName())) {
            return path;
        }
        List<JacksonException.Reference> withName = new ArrayList<>(path);
        withName.add(new JacksonException.Reference(null, name));
        return withName;
    }

    /**
     * Every framework error handled by the base class (unknown path, method, media types, missing parameters, ...)
     * answered in the one shape, with our own words instead of the framework's, and its headers ({@code Allow},
     * {@code Accept}) kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given && ours(given) ? given : framework(ex, statusCode);
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.putAll(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && !answerHeaders.containsHeader(HttpHeaders.RETRY_AFTER)) {
            answerHeaders.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        return super.handleExceptionInternal(
                ex, problem, answerHeaders, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static boolean ours(ProblemDetail problem) {
        return problem.getType().toString().startsWith(Problems.TYPE_PREFIX)
                && problem.getProperties() != null
                && problem.getProperties().containsKey(Problems.CODE);
    }

    /** A framework exception as our problem: by its kind where it says more, else by its status. */
    static ProblemDetail framework(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return Problems.of(ProblemType.NOT_FOUND, NOT_FOUND_DETAIL);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED_DETAIL);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(ProblemType.NOT_ACCEPTABLE, NOT_ACCEPTABLE_DETAIL);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE_DETAIL);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problems.of(ProblemType.BODY_TOO_LARGE, "The request body is too large.");
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return Problems.invalidFields(
                    ProblemType.INVALID_QUERY,
                    List.of(new Problems.FieldError(
                            missing.getParameterName(), "parameter.required", "This parameter is required.")));
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return Problems.invalidFields(
                    ProblemType.BAD_REQUEST,
                    List.of(new Problems.FieldError(
                            missing.getHeaderName(), "header.required", "This header is required.")));
        }
        if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return Problems.invalidFields(
                    ProblemType.WRONG_TYPE,
                    List.of(new Problems.FieldError(
                            mismatch.getPropertyName(), "type", "This parameter has the wrong type.")));
        }
        if (ex instanceof AsyncRequestTimeoutException) {
            return Problems.of(ProblemType.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL);
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected {} while handling a request", ex.getClass().getName(), withoutMessage(ex));
        }
        return forStatus(status.value());
    }

    static final String NOT_FOUND_DETAIL = "There is nothing at this path.";
    static final String METHOD_NOT_ALLOWED_DETAIL =
            "This path does not take this method; the Allow header lists the ones it takes.";
    static final String NOT_ACCEPTABLE_DETAIL =
            "This endpoint cannot answer in any media type the Accept header asks for; leave Accept out, or ask for "
                    + "one it answers (the API document lists them).";
    static final String UNSUPPORTED_MEDIA_TYPE_DETAIL =
            "This endpoint does not read bodies of this media type; send application/json.";
    static final String UNAVAILABLE_DETAIL = "The service cannot answer right now. Please try again in a few seconds.";

    /**
     * The problem for a status with nothing more known (a framework refusal, or an error dispatch): each status its own
     * general code; a status without one is answered as 400 or 500.
     */
    static ProblemDetail forStatus(int status) {
        return switch (status) {
            case 401 -> Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required.");
            case 403 -> Problems.of(ProblemType.FORBIDDEN, "This token does not allow that.");
            case 404 -> Problems.of(ProblemType.NOT_FOUND, NOT_FOUND_DETAIL);
            case 405 -> Problems.of(ProblemType.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED_DETAIL);
            case 406 -> Problems.of(ProblemType.NOT_ACCEPTABLE, NOT_ACCEPTABLE_DETAIL);
            case 413 -> Problems.of(ProblemType.BODY_TOO_LARGE, "The request body is too large.");
            case 415 -> Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE_DETAIL);
            case 503 -> Problems.of(ProblemType.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL);
            default ->
                status >= 500
                        ? Problems.of(ProblemType.INTERNAL, INTERNAL_DETAIL)
                        : Problems.of(ProblemType.BAD_REQUEST, "This request cannot be answered as it is.");
        };
    }

    static final String INTERNAL_DETAIL = "Nothing you sent was the cause. Please try again.";

    /** A body read as a stream by the endpoint itself (an import) that turns out to be over its limit. */
    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return answer(RequestBodyLimitFilter.tooLarge(tooLarge.limit()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return answer(Problems.invalidFields(
                ProblemType.WRONG_TYPE,
                List.of(new Problems.FieldError(ex.getName(), "type", "This parameter has the wrong type."))));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException ex) {
        return answer(Problems.invalidFields(ProblemType.INVALID_QUERY, List.of(ex.asFieldError())));
    }

    @ExceptionHandler(NotYetVisibleException.class)
    ResponseEntity<ProblemDetail> notYetVisible(NotYetVisibleException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        ProblemType.NOT_YET_VISIBLE,
                        "Your latest entry is kept but not shown here yet. Please ask again in a moment."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        Throwable unavailable = storeUnavailable(ex);
        if (unavailable != null) {
            log.warn(
                    "A store this service depends on is unreachable ({}); answered 503",
                    unavailable.getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            ProblemType.STORE_UNAVAILABLE,
                            "Nothing was recorded. Please send the same request again in a few seconds; "
                                    + "sending it again is safe."));
        }
        // The class and stack tell what broke; the message is left out because it may quote journal content.
        log.error("Unexpected {} while handling a request", ex.getClass().getName(), withoutMessage(ex));
        return answer(Problems.of(ProblemType.INTERNAL, INTERNAL_DETAIL));
    }

    private static <T> ResponseEntity<T> answer(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** Exception types (by name, so no store's driver is needed on this module's classpath) that mean "unreachable". */
    private static final Set<String> UNREACHABLE = Set.of(
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException",
            "java.sql.SQLRecoverableException",
            "java.net.ConnectException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException");

    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * The first cause saying that a database or broker could not be reached (connection refused, pool timeout, SQL
     * state class 08 "connection exception", or 57P0x "server shutting down"), or null.
     */
    static Throwable storeUnavailable(Throwable ex) {
        return ExceptionUtils.getThrowableList(ex).stream()
                .filter(PlatformProblemHandler::meansUnreachable)
                .findFirst()
                .orElse(null);
    }

    private static boolean meansUnreachable(Throwable t) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (UNREACHABLE.contains(type.getName())) {
                return true;
            }
        }
        return t instanceof java.sql.SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }

    static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The RFC 6901 pointer of a place in the body ({@code ""} for the whole body). */
    static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                pointer.append('/')
                        .append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    /** A stand-in exception carrying only the class name and stack of the original, for logs. */
    public static Throwable withoutMessage(Throwable ex) {
        Throwable copy = new Throwable(ex.getClass().getName());
        copy.setStackTrace(ex.getStackTrace());
        if (ex.getCause() != null && ex.getCause() != ex) {
            copy.initCause(withoutMessage(ex.getCause()));
        }
        return copy;
    }
}
