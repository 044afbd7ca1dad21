package org.smallwins.platform;

import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

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
        Throwable cause = ex.getMostSpecificCause();
        ProblemDetail problem;
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                ExceptionUtils.throwableOfType(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(RequestBodyLimitFilter.tooLarge(tooLarge.limit()));
        }
        if (cause instanceof StreamReadException) {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST, "malformed-json", "Unreadable body", "The request body is not valid JSON.");
        } else if (cause instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            String field = fieldPath(jackson.getPath());
            problem = Problems.invalidFields(
                    HttpStatus.BAD_REQUEST,
                    "wrong-type",
                    "Wrong type",
                    List.of(new Problems.FieldError(field, "type", "This field has the wrong type.")));
        } else {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "unreadable-body",
                    "Unreadable body",
                    "The request body is missing or cannot be read.");
        }
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A body read as a stream by the endpoint itself (an import) that turns out to be over its limit. */
    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(RequestBodyLimitFilter.tooLarge(tooLarge.limit()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalidFields(
                        HttpStatus.BAD_REQUEST,
                        "wrong-type",
                        "Wrong type",
                        List.of(new Problems.FieldError(ex.getName(), "type", "This parameter has the wrong type."))));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException ex) {
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalidFields(
                        HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", List.of(ex.asFieldError())));
    }

    @ExceptionHandler(NotYetVisibleException.class)
    ResponseEntity<ProblemDetail> notYetVisible(NotYetVisibleException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "not-yet-visible",
                        "Not visible yet",
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
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "store-unavailable",
                            "Temporarily unavailable",
                            "Nothing was recorded. Please send the same request again in a few seconds; "
                                    + "sending it again is safe."));
        }
        // The class and stack tell what broke; the message is left out because it may quote journal content.
        log.error("Unexpected {} while handling a request", ex.getClass().getName(), withoutMessage(ex));
        return ResponseEntity.internalServerError()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Something went wrong",
                        "Nothing you sent was the cause. Please try again."));
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
