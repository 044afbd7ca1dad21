package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.smallwins.command.journal.EntryAccepted;
import org.smallwins.command.journal.ForJournal;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.JournalRequests;
import org.smallwins.platform.CorrelationIdFilter;
import org.smallwins.platform.JournalSequence;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to the caller's own journal. The journal is always the token's subject: no endpoint takes a user id. */
@RestController
@RequestMapping(path = "/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class JournalController {

    private static final String READ_YOUR_WRITES = " The answer carries the journal's sequence after this write (body "
            + "`sequence`, header `Journal-Sequence`); a read on the query service that passes it (`?after=` or the same "
            + "header) answers only once this entry is visible there.";
    private static final String SEQUENCE_HEADER = "The person's journal sequence after this write";

    private final CommandGateway commands;

    JournalController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(
            summary = "Log a small win",
            description = "201 when recorded, 200 when the same win was already recorded, "
                    + "409 when the id is taken by a different entry, 422 when a rule is broken." + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "201",
            description = "Recorded",
            headers =
                    @Header(
                            name = JournalSequence.HEADER,
                            description = SEQUENCE_HEADER,
                            schema = @Schema(type = "integer", format = "int64")))
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded (a retry)",
            headers =
                    @Header(
                            name = JournalSequence.HEADER,
                            description = SEQUENCE_HEADER,
                            schema = @Schema(type = "integer", format = "int64")))
    @PostMapping(path = "/wins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> logWin(
            @RequestBody LogWinRequest body, @AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        var win = JournalRequests.logWin(
                        body.winId(), body.text(), body.focusArea(), body.tags(), body.day(), body.zone())
                .orThrow();
        var command = new ForJournal(caller.getSubject(), win);
        return answer(send(command, request), body.winId(), "WIN");
    }

    @Operation(
            summary = "Record a check-in",
            description = "201 when recorded, 200 when the same check-in was already "
                    + "recorded, 409 when the id is taken by a different entry, 422 when a rule is broken."
                    + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "201",
            description = "Recorded",
            headers =
                    @Header(
                            name = JournalSequence.HEADER,
                            description = SEQUENCE_HEADER,
                            schema = @Schema(type = "integer", format = "int64")))
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded (a retry)",
            headers =
                    @Header(
                            name = JournalSequence.HEADER,
                            description = SEQUENCE_HEADER,
                            schema = @Schema(type = "integer", format = "int64")))
    @PostMapping(path = "/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> recordCheckIn(
            @RequestBody RecordCheckInRequest body, @AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        var checkIn = JournalRequests.recordCheckIn(
                        body.checkInId(),
                        body.mood(),
                        body.energy(),
                        body.window(),
                        body.note(),
                        body.at(),
                        body.zone())
                .orThrow();
        var command = new ForJournal(caller.getSubject(), checkIn);
        return answer(send(command, request), body.checkInId(), "CHECK_IN");
    }

    /**
     * Sends the command and waits for its outcome. If another instance of this service appended to the same journal in
     * the meantime, the gateway's retry scheduler decides the command again on the journal as it now is (see
     * {@code ConcurrentAppendRetry}).
     */
    private EntryAccepted send(Object command, HttpServletRequest request) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(JournalMetaData.CORRELATION_ID, CorrelationIdFilter.of(request)));
        return commands.sendAndWait(message);
    }

    private static ResponseEntity<EntryResponse> answer(EntryAccepted accepted, String id, String kind) {
        HttpStatus status = accepted.outcome() == EntryOutcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .body(new EntryResponse(id, kind, accepted.outcome().name(), accepted.sequence()));
    }
}
