package org.smallwins.platform;

import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryNotFoundException;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.EntryRetractedException;
import org.smallwins.journal.EntryVersionMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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
    ResponseEntity<ProblemDetail> refused(EntryRefusedException refused) {
        var errors = refused.refusals().stream()
                .map(r -> new Problems.FieldError(r.field(), r.rule(), r.detail()))
                .toList();
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalidFields(
                        HttpStatus.UNPROCESSABLE_CONTENT, "entry-refused", "Entry not recorded", errors));
    }

    @ExceptionHandler(EntryConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EntryConflictException conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "entry-id-taken",
                        "Id already used",
                        "An entry with this id was already recorded with different content. Corrections are made as new entries; "
                                + "choose a new id for a new entry."));
    }

    @ExceptionHandler(EntryRetractedException.class)
    ResponseEntity<ProblemDetail> retracted(EntryRetractedException retracted) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "entry-retracted",
                        "Entry retracted",
                        "This entry was retracted: it can no longer be corrected, and its id cannot be used again. "
                                + "Log a new entry with a new id."));
    }

    @ExceptionHandler(EntryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(EntryNotFoundException notFound) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND,
                        "entry-not-found",
                        "No such entry",
                        "Your journal has no entry of this kind with this id."));
    }

    @ExceptionHandler(EntryVersionMismatchException.class)
    ResponseEntity<ProblemDetail> stale(EntryVersionMismatchException stale) {
        ProblemDetail problem = Problems.of(
                HttpStatus.PRECONDITION_FAILED,
                "entry-version-mismatch",
                "Entry changed since you read it",
                "The entry is at another version than the one your If-Match names; nothing was changed. Read it "
                        + "again, then send your change with its current version.");
        problem.setProperty("currentVersion", stale.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ETAG, IfMatch.etag(stale.currentVersion()))
                .body(problem);
    }

    @ExceptionHandler(IfMatch.Missing.class)
    ResponseEntity<ProblemDetail> ifMatchMissing(IfMatch.Missing missing) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.PRECONDITION_REQUIRED,
                        "if-match-required",
                        "If-Match required",
                        "Send the entry's ETag in If-Match (for example If-Match: \"1\"), so a change never "
                                + "overwrites one you have not seen."));
    }

    @ExceptionHandler(IfMatch.Malformed.class)
    ResponseEntity<ProblemDetail> ifMatchMalformed(IfMatch.Malformed malformed) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "if-match-malformed",
                        "If-Match malformed",
                        "If-Match must be one entry version as its ETag, for example \"1\"."));
    }
}
