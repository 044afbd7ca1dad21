package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.smallwins.command.journal.EntryAccepted;
import org.smallwins.command.journal.ForJournal;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.RetractionReason;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.JournalRequests;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.ApiProblems;
import org.smallwins.platform.CorrelationIdFilter;
import org.smallwins.platform.IfMatch;
import org.smallwins.platform.JournalSequence;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Writes to the caller's own journal. The journal is always the token's subject: no endpoint takes a user id. */
@Tag(name = "Journal", description = "Log wins and check-ins, correct and retract them")
@RestController
@RequestMapping(path = "/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class JournalController {

    private static final String READ_YOUR_WRITES = " The answer carries the journal's sequence after this write (body "
            + "`sequence`, header `Journal-Sequence`); a read on the query service that passes it (`?after=` or the same "
            + "header) answers only once this entry is visible there.";
    private static final String IF_MATCH = "The entry's current ETag, as read (\"1\" as first logged)";

    /** Where a logged entry is read, on the query service. */
    static final String ENTRY_PATH = "/api/timeline/";

    private final CommandGateway commands;
    private final String queryBaseUrl;

    JournalController(CommandGateway commands, @Value("${smallwins.journal.query-base-url:}") String queryBaseUrl) {
        this.commands = commands;
        this.queryBaseUrl = baseUrl(queryBaseUrl);
    }

    /** Empty (relative references), or an absolute http(s) URL without a trailing slash. */
    static String baseUrl(String configured) {
        String base = configured == null ? "" : configured.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.isEmpty()) {
            URI uri = URI.create(base);
            if (!uri.isAbsolute()
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalStateException("SMALLWINS_QUERY_BASE_URL (smallwins.journal.query-base-url) must be "
                        + "an absolute http or https URL, or empty");
            }
        }
        return base;
    }

    /** The entry on the query service: {@code /api/timeline/{entryId}}, after the configured base URL if any. */
    URI entryLocation(String entryId) {
        return URI.create(queryBaseUrl + ENTRY_PATH + UriUtils.encodePathSegment(entryId, StandardCharsets.UTF_8));
    }

    @Operation(
            operationId = "logWin",
            summary = "Log a small win",
            description = "201 when recorded, 200 when the same win was already recorded, "
                    + "409 when the id is taken by a different entry, 422 when a rule is broken." + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "201",
            description = "Recorded",
            headers = {
                @Header(name = HttpHeaders.LOCATION, ref = ApiHeaders.LOCATION),
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded (a retry): nothing new was stored",
            headers = {
                @Header(name = HttpHeaders.LOCATION, ref = ApiHeaders.LOCATION),
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiProblems({409, 422})
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
            operationId = "recordCheckIn",
            summary = "Record a check-in",
            description = "201 when recorded, 200 when the same check-in was already "
                    + "recorded, 409 when the id is taken by a different entry, 422 when a rule is broken."
                    + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "201",
            description = "Recorded",
            headers = {
                @Header(name = HttpHeaders.LOCATION, ref = ApiHeaders.LOCATION),
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded (a retry): nothing new was stored",
            headers = {
                @Header(name = HttpHeaders.LOCATION, ref = ApiHeaders.LOCATION),
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiProblems({409, 422})
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

    private static final String CHANGES = " Send the entry's current `ETag` in `If-Match`: 428 without it, 400 when it"
            + " names no version, 412 when the entry has another version now (the problem's `currentVersion` and the"
            + " `ETag` header give it). 404 when your journal has no such entry (another person's ids are never looked"
            + " at), 409 when it was retracted.";

    @Operation(
            operationId = "correctWin",
            summary = "Correct a win",
            description = "The full new content (text, focus area, tags, and optionally another day or zone) as a new "
                    + "version of the win; nothing is overwritten, the history keeps every version. 200 with the new "
                    + "`ETag`; 200 recording nothing when it equals the current content (a retry); 422 when a rule of "
                    + "logging is broken." + CHANGES + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "200",
            description = "Corrected, or already so",
            headers = {
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiProblems({404, 409, 412, 422, 428})
    @PutMapping(path = "/wins/{winId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> correctWin(
            @Parameter(
                            description = "The entry's id",
                            schema =
                                    @Schema(
                                            pattern = ApiHeaders.ENTRY_ID_PATTERN,
                                            example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f"))
                    @PathVariable
                    String winId,
            @Parameter(
                            description = IF_MATCH,
                            required = true,
                            schema = @Schema(type = "string", pattern = ApiHeaders.ETAG_PATTERN, example = "\"1\""))
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch,
            @RequestBody CorrectWinRequest body,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        int expected = IfMatch.version(ifMatch);
        var correction = JournalRequests.correctWin(
                        winId, expected, body.text(), body.focusArea(), body.tags(), body.day(), body.zone())
                .orThrow();
        return changed(send(new ForJournal(caller.getSubject(), correction), request), winId, "WIN");
    }

    @Operation(
            operationId = "correctCheckIn",
            summary = "Correct a check-in",
            description = "The full new values (mood, energy, window, note, and optionally another time or zone) as a "
                    + "new version of the check-in. 200 with the new `ETag`; 200 recording nothing when they equal the "
                    + "current ones; 422 when a rule of recording is broken." + CHANGES + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "200",
            description = "Corrected, or already so",
            headers = {
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiProblems({404, 409, 412, 422, 428})
    @PutMapping(path = "/check-ins/{checkInId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> correctCheckIn(
            @Parameter(
                            description = "The entry's id",
                            schema =
                                    @Schema(
                                            pattern = ApiHeaders.ENTRY_ID_PATTERN,
                                            example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f"))
                    @PathVariable
                    String checkInId,
            @Parameter(
                            description = IF_MATCH,
                            required = true,
                            schema = @Schema(type = "string", pattern = ApiHeaders.ETAG_PATTERN, example = "\"1\""))
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch,
            @RequestBody CorrectCheckInRequest body,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        int expected = IfMatch.version(ifMatch);
        var correction = JournalRequests.correctCheckIn(
                        checkInId,
                        expected,
                        body.mood(),
                        body.energy(),
                        body.window(),
                        body.note(),
                        body.at(),
                        body.zone())
                .orThrow();
        return changed(send(new ForJournal(caller.getSubject(), correction), request), checkInId, "CHECK_IN");
    }

    @Operation(
            operationId = "retractEntry",
            summary = "Retract an entry",
            description = "Takes a win or check-in back: it leaves the timeline and every week; its history stays. An "
                    + "optional `reason` from a fixed vocabulary (DUPLICATE, LOGGED_BY_MISTAKE, WRONG_DAY, OTHER); "
                    + "never your own words. 204 when retracted, also when it already was with the same reason (a "
                    + "retry); 409 when it was retracted with another reason; 422 for an unknown reason."
                    + CHANGES + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "204",
            description = "Retracted",
            headers = {
                @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG),
                @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE)
            })
    @ApiProblems({404, 409, 412, 422, 428})
    @DeleteMapping(path = "/entries/{entryId}")
    ResponseEntity<Void> retract(
            @Parameter(
                            description = "The entry's id",
                            schema =
                                    @Schema(
                                            pattern = ApiHeaders.ENTRY_ID_PATTERN,
                                            example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f"))
                    @PathVariable
                    String entryId,
            @Parameter(
                            description = IF_MATCH,
                            required = true,
                            schema = @Schema(type = "string", pattern = ApiHeaders.ETAG_PATTERN, example = "\"1\""))
                    @RequestHeader(name = IfMatch.HEADER, required = false)
                    String ifMatch,
            @Parameter(
                            description = "Why, from a fixed vocabulary; none by default",
                            schema = @Schema(implementation = RetractionReason.class))
                    @RequestParam(name = "reason", required = false)
                    String reason,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        int expected = IfMatch.version(ifMatch);
        var retraction = JournalRequests.retractEntry(entryId, expected, reason).orThrow();
        EntryAccepted accepted = send(new ForJournal(caller.getSubject(), retraction), request);
        return ResponseEntity.noContent()
                .eTag(IfMatch.etag(accepted.version()))
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .build();
    }

    private static final String REPLACES = " A PUT of the whole current value, idempotent by nature: the same content "
            + "as the current one is 200 `ALREADY_RECORDED` and records nothing (a retry); other content is 200 "
            + "`RECORDED`, a new event that replaces it (the history keeps every one). There is no conflict (409): no "
            + "client-chosen id can be reused with other content.";

    @Operation(
            operationId = "chooseFocusArea",
            summary = "Choose your focus area and stage of change",
            description = "The one area you focus on (rest, boundaries, self-compassion…) and where you are with it. "
                    + "422 for an area or stage outside the vocabulary, or without a zone before your first entry."
                    + REPLACES + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "200",
            description = "Chosen, or already the current choice",
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @ApiProblems({422})
    @PutMapping(path = "/focus", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FocusResponse> chooseFocus(
            @RequestBody ChooseFocusRequest body, @AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        var choice = JournalRequests.chooseFocusArea(body.area(), body.stage(), body.zone())
                .orThrow();
        EntryAccepted accepted = send(new ForJournal(caller.getSubject(), choice), request);
        return ResponseEntity.ok()
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .body(new FocusResponse(
                        choice.area().name(),
                        choice.stage().name(),
                        accepted.outcome().name(),
                        accepted.sequence(),
                        accepted.version()));
    }

    @Operation(
            operationId = "writeWeeklyReflection",
            summary = "Write the weekly reflection",
            description = "For an ISO week (`2026-W48`) up to your current one: your answer to \"How did I learn to "
                    + "honor myself this week?\" (optional, at most 2,000 characters), up to five of that week's own "
                    + "wins in the order you choose them, and whether you affirm \"I'm proud of myself for showing "
                    + "up\". 422 for a week that is not an ISO week or lies after your current week (in your zone), an "
                    + "answer too long, more than five wins or one twice, or a win that is not one of yours in that week "
                    + "(named by its position, `winIds[2]`)." + REPLACES + READ_YOUR_WRITES)
    @ApiResponse(
            responseCode = "200",
            description = "Written, or already so",
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @ApiProblems({422})
    @PutMapping(path = "/reflections/{isoWeek}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReflectionResponse> writeReflection(
            @Parameter(
                            description = "The ISO week reflected on: your current week or an earlier one",
                            schema =
                                    @Schema(
                                            type = "string",
                                            pattern = ApiHeaders.ISO_WEEK_PATTERN,
                                            example = "2026-W48"))
                    @PathVariable
                    String isoWeek,
            @RequestBody WriteReflectionRequest body,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        var reflection = JournalRequests.writeWeeklyReflection(
                        isoWeek, body.answer(), body.winIds(), body.proudOfShowingUp(), body.zone())
                .orThrow();
        EntryAccepted accepted = send(new ForJournal(caller.getSubject(), reflection), request);
        return ResponseEntity.ok()
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .body(new ReflectionResponse(
                        reflection.isoWeek(),
                        reflection.winIds(),
                        reflection.proudOfShowingUp(),
                        reflection.answer().filter(answer -> !answer.isBlank()).isPresent(),
                        accepted.outcome().name(),
                        accepted.sequence(),
                        accepted.version()));
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

    /**
     * 201 with the new entry's {@code Location} when recorded; 200 for a retry that recorded nothing, with the same
     * {@code Location}, so a client whose first answer was lost learns it from the retry.
     */
    private ResponseEntity<EntryResponse> answer(EntryAccepted accepted, String id, String kind) {
        HttpStatus status = accepted.outcome() == EntryOutcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(entryLocation(id))
                .eTag(IfMatch.etag(accepted.version()))
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .body(new EntryResponse(id, kind, accepted.outcome().name(), accepted.sequence(), accepted.version()));
    }

    /** A correction: 200 whether it recorded a new version or found the entry already so; the version's ETag. */
    private static ResponseEntity<EntryResponse> changed(EntryAccepted accepted, String id, String kind) {
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(accepted.version()))
                .header(JournalSequence.HEADER, Long.toString(accepted.sequence()))
                .body(new EntryResponse(id, kind, accepted.outcome().name(), accepted.sequence(), accepted.version()));
    }
}
