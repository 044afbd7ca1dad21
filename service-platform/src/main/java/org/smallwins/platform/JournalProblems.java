package org.smallwins.platform;

import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The journal decider's refusals as problem details, for every service that writes through it (the command service and
 * the CRUD baseline): broken rules are 422 naming field and rule, a reused id with other content is 409.
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
}
