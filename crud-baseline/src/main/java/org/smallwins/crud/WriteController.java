package org.smallwins.crud;

import org.smallwins.journal.EntryOutcome;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same write API as the command service: 201 / 200 / 409 / 422 (the last two from the platform's {@code JournalProblems}). */
@RestController
@RequestMapping(path = "/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class WriteController {

    record EntryResponse(String id, String kind, String outcome) {}

    private final CrudJournal journal;

    WriteController(CrudJournal journal) {
        this.journal = journal;
    }

    @PostMapping(path = "/wins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> logWin(@RequestBody LogWinRequest body, @AuthenticationPrincipal Jwt caller) {
        EntryOutcome outcome;
        try {
            outcome = journal.logWin(caller.getSubject(), body);
        } catch (DataIntegrityViolationException concurrentSameId) {
            outcome = journal.logWin(caller.getSubject(), body);
        }
        return answer(outcome, body.winId(), "WIN");
    }

    @PostMapping(path = "/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> recordCheckIn(
            @RequestBody RecordCheckInRequest body, @AuthenticationPrincipal Jwt caller) {
        EntryOutcome outcome;
        try {
            outcome = journal.recordCheckIn(caller.getSubject(), body);
        } catch (DataIntegrityViolationException concurrentSameId) {
            outcome = journal.recordCheckIn(caller.getSubject(), body);
        }
        return answer(outcome, body.checkInId(), "CHECK_IN");
    }

    private static ResponseEntity<EntryResponse> answer(EntryOutcome outcome, String id, String kind) {
        HttpStatus status = outcome == EntryOutcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new EntryResponse(id, kind, outcome.name()));
    }
}
