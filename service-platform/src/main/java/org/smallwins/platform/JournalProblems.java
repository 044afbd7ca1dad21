package org.smallwins.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryNotFoundException;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.EntryRetractedException;
import org.smallwins.journal.EntryVersionMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The journal decider's refusals as problem details, for every service that writes through it (the command service and
 * the CRUD baseline): broken rules are 422 naming field and rule, a reused id with other content is 409; for
 * corrections and retractions, an entry the person does not have is 404, a retracted one 409, a change from a version
 * that is not the current one 412 (with {@code currentVersion} and the current {@code ETag}), and a change without
 * {@code If-Match} 428 (400 when it names no version). None of them repeats a submitted value.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JournalProblems {

    @ExceptionHandler(EntryRefusedException.class)
    ResponseEntity<ProblemDetail> refused(EntryRefusedException refused, HttpServletRequest request) {
        var errors = refused.refusals().stream()
                .map(r -> inBody(request, r.field())
                        ? Problems.FieldError.inBody(r.field(), r.rule(), r.detail())
                        : new Problems.FieldError(r.field(), r.rule(), r.detail()))
                .toList();
        return answer(Problems.invalidFields(ProblemType.ENTRY_REFUSED, errors));
    }

    @ExceptionHandler(EntryConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EntryConflictException conflict) {
        return answer(Problems.of(
                ProblemType.ENTRY_ID_TAKEN,
                "An entry with this id was already recorded with different content; nothing was changed. To change "
                        + "that entry, correct it (PUT with its ETag in If-Match); for a new entry, choose a new id."));
    }

    @ExceptionHandler(EntryRetractedException.class)
    ResponseEntity<ProblemDetail> retracted(EntryRetractedException retracted) {
        return answer(Problems.of(
                ProblemType.ENTRY_RETRACTED,
                "This entry was retracted: it can no longer be corrected, and its id cannot be used again. "
                        + "Log a new entry with a new id."));
    }

    @ExceptionHandler(EntryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(EntryNotFoundException notFound) {
        return answer(Problems.of(ProblemType.ENTRY_NOT_FOUND, "Your journal has no entry of this kind with this id."));
    }

    @ExceptionHandler(EntryVersionMismatchException.class)
    ResponseEntity<ProblemDetail> stale(EntryVersionMismatchException stale) {
        ProblemDetail problem = Problems.of(
                ProblemType.ENTRY_VERSION_MISMATCH,
                "The entry is at another version than the one your If-Match names; nothing was changed. Read it "
                        + "again, then send your change with its current version.");
        problem.setProperty("currentVersion", stale.currentVersion());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ETAG, IfMatch.etag(stale.currentVersion()))
                .body(problem);
    }

    @ExceptionHandler(IfMatch.Missing.class)
    ResponseEntity<ProblemDetail> ifMatchMissing(IfMatch.Missing missing) {
        return answer(Problems.of(
                ProblemType.IF_MATCH_REQUIRED,
                "Send the entry's ETag in If-Match (for example If-Match: \"1\"), so a change never "
                        + "overwrites one you have not seen."));
    }

    @ExceptionHandler(IfMatch.Malformed.class)
    ResponseEntity<ProblemDetail> ifMatchMalformed(IfMatch.Malformed malformed) {
        return answer(Problems.of(
                ProblemType.IF_MATCH_MALFORMED, "If-Match must be one entry version as its ETag, for example \"1\"."));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Whether a refused field came in the request's JSON body: the request has one, and the field is not named like one
     * of the path's variables (a correction's id is in its path) — a request without a body has its fields in the
     * query.
     */
    static boolean inBody(HttpServletRequest request, String field) {
        String contentType = request.getContentType();
        if (contentType == null
                || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String root = field.split("[.\\[]", 2)[0];
        return !(variables instanceof Map<?, ?> path && path.containsKey(root));
    }
}
