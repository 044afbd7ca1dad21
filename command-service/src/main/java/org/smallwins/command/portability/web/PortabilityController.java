package org.smallwins.command.portability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.smallwins.command.accesslog.AccessLog;
import org.smallwins.command.accesslog.AccessRecord;
import org.smallwins.command.journal.JournalHoldsOtherEntriesException;
import org.smallwins.command.portability.ImportRefusedException;
import org.smallwins.command.portability.JournalExport;
import org.smallwins.command.portability.JournalImport;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.ApiProblems;
import org.smallwins.platform.CorrelationIdFilter;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.ProblemType;
import org.smallwins.platform.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The caller's own journal, taken out and brought in (GDPR articles 15 and 20), and who did so (the access log). The
 * journal is always the token's subject: no endpoint takes a user id.
 */
@Tag(name = "Portability", description = "Take your journal out, bring it in, and see who did")
@RestController
@RequestMapping(path = "/api/journal")
class PortabilityController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final JournalExport export;
    private final JournalImport journalImport;
    private final AccessLog accessLog;
    private final Clock clock;

    PortabilityController(JournalExport export, JournalImport journalImport, AccessLog accessLog, Clock clock) {
        this.export = export;
        this.journalImport = journalImport;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Operation(
            operationId = "exportJournal",
            summary = "Export your journal",
            description = "Everything you recorded, as recorded. `format=json` (default): every event with its "
                    + "envelope and payload, `{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,"
                    + "\"events\":[…]}`, which `POST /api/journal/import` reads. `format=csv`: one row per entry, for a "
                    + "spreadsheet (RFC 4180; a cell starting with = + - @ is written with a leading apostrophe so it is "
                    + "never run as a formula). Streamed. Recorded in your access log.")
    @ApiResponse(
            responseCode = "200",
            description = "The export, as an attachment (`Content-Disposition`), never cached",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = JournalExportFile.class)),
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string", example = "kind,id,day\r\nWIN,w-1,2026-11-23\r\n"))
            },
            headers =
                    @Header(
                            name = HttpHeaders.CONTENT_DISPOSITION,
                            description = "attachment; filename=…",
                            schema =
                                    @Schema(
                                            type = "string",
                                            example = "attachment; filename=\"small-wins-journal-2026-11-23.json\"")))
    @GetMapping(
            path = "/export",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(
                            description = "json (default) or csv",
                            schema =
                                    @Schema(
                                            allowableValues = {"json", "csv"},
                                            defaultValue = "json"))
                    @RequestParam(defaultValue = "json")
                    String format,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        boolean csv;
        switch (format) {
            case "json" -> csv = false;
            case "csv" -> csv = true;
            default -> throw new InvalidQueryException("format", "format.unknown", "Use format=json or format=csv.");
        }
        String userId = caller.getSubject();
        String correlationId = CorrelationIdFilter.of(request);
        String filename =
                "small-wins-journal-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + (csv ? ".csv" : ".json");
        StreamingResponseBody body = out -> {
            long written = 0;
            String outcome = "INTERRUPTED";
            try {
                written = csv ? export.writeCsv(userId, out) : export.writeJson(userId, out);
                outcome = "COMPLETED";
            } finally {
                accessLog.record(userId, AccessRecord.Action.EXPORT, correlationId, format, written, outcome, null);
            }
        };
        return ResponseEntity.ok()
                .contentType(csv ? CSV : MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }

    @Operation(
            operationId = "importJournal",
            summary = "Import a journal export",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "A JSON export of a journal",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = JournalExportFile.class))),
            description = "Reads an export (`GET /api/journal/export`, JSON) into your journal, which must be empty: "
                    + "each entry is recorded again with its id, day, zone and time. Everything is checked first; a "
                    + "refused import stores nothing (400 unreadable JSON, 422 naming the position and rule at fault). "
                    + "201 when entries were recorded, 200 when every entry was already there (the same file again: "
                    + "nothing changes), 409 when your journal holds other entries. Its own, larger body limit. "
                    + "Recorded in your access log.")
    @ApiResponse(
            responseCode = "201",
            description = "Imported",
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @ApiResponse(
            responseCode = "200",
            description = "Every entry was already there: nothing changed",
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @ApiProblems({409, 422})
    @PostMapping(
            path = "/import",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResponse> importJournal(@AuthenticationPrincipal Jwt caller, HttpServletRequest request)
            throws IOException {
        String userId = caller.getSubject();
        String correlationId = CorrelationIdFilter.of(request);
        JournalImport.Result result;
        try {
            result = journalImport.importInto(userId, request.getInputStream(), correlationId);
        } catch (ImportRefusedException | JournalHoldsOtherEntriesException refused) {
            accessLog.record(userId, AccessRecord.Action.IMPORT, correlationId, "json", 0, "REFUSED", null);
            throw refused;
        }
        String outcome = result.recorded() > 0 || result.events() == 0 ? "IMPORTED" : "ALREADY_IMPORTED";
        accessLog.record(userId, AccessRecord.Action.IMPORT, correlationId, "json", result.recorded(), outcome, null);
        var answer = ResponseEntity.status(result.recorded() > 0 ? HttpStatus.CREATED : HttpStatus.OK);
        if (result.sequence() > 0) {
            answer.header(JournalSequence.HEADER, Long.toString(result.sequence()));
        }
        return answer.body(new ImportResponse(
                outcome, result.events(), result.recorded(), result.alreadyRecorded(), result.sequence()));
    }

    @Operation(
            operationId = "getAccessLog",
            summary = "Your access log",
            description = "Every export, import and erasure request of your journal, newest first: when, what, the "
                    + "request's correlation id and how many events. No journal content.")
    @GetMapping(path = "/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AccessRecord> accessLog(
            @Parameter(
                            description = "How many records, newest first (1–500)",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @RequestParam(defaultValue = "100")
                    int limit,
            @AuthenticationPrincipal Jwt caller) {
        if (limit < 1 || limit > AccessLog.MAX_READ) {
            throw new InvalidQueryException(
                    "limit", "limit.range", "Use a limit from 1 to " + AccessLog.MAX_READ + ".");
        }
        return accessLog.of(caller.getSubject(), limit);
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefusedException refused) {
        boolean malformed = refused.kind() == ImportRefusedException.Kind.MALFORMED;
        // A fault at a place in the file has its pointer; a syntax fault is named by line and column.
        List<Problems.FieldError> errors = refused.faults().stream()
                .map(f -> f.inBody()
                        ? Problems.FieldError.inBody(f.field(), f.rule(), f.detail())
                        : new Problems.FieldError(f.field(), f.rule(), f.detail()))
                .toList();
        ProblemDetail problem =
                Problems.invalidFields(malformed ? ProblemType.MALFORMED_IMPORT : ProblemType.IMPORT_REFUSED, errors);
        problem.setProperty("stored", 0);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(JournalHoldsOtherEntriesException.class)
    ResponseEntity<ProblemDetail> journalNotEmpty(JournalHoldsOtherEntriesException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        ProblemType.JOURNAL_NOT_EMPTY,
                        "An export is imported into an empty journal; this journal holds other entries. "
                                + "Nothing was imported."));
    }
}
