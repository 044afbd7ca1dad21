package org.smallwins.query.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.smallwins.contract.EntryKind;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.ApiProblems;
import org.smallwins.platform.IfMatch;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.ProblemType;
import org.smallwins.platform.Problems;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own timeline. There is no user id in any path or parameter: it is always the token's subject. */
@Tag(name = "Timeline", description = "Your entries as they stand now, and every version of each")
@RestController
@RequestMapping(path = "/api/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
class TimelineController {

    private static final Set<String> KINDS = Set.of("WIN", "CHECK_IN");

    private final TimelineQueries queries;
    private final ReadYourWrites visibility;

    TimelineController(TimelineQueries queries, ReadYourWrites visibility) {
        this.queries = queries;
        this.visibility = visibility;
    }

    @Operation(
            operationId = "getTimeline",
            summary = "Your wins and check-ins, newest first",
            description = "Keyset-paged: pass `nextCursor` as `cursor` while `hasMore`. " + ReadYourWrites.WAITS_DOC)
    @GetMapping
    TimelinePage timeline(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "WIN or CHECK_IN; both when absent",
                            schema = @Schema(implementation = EntryKind.class))
                    @RequestParam(required = false)
                    String kind,
            @Parameter(
                            description = "First local day, ISO date",
                            schema = @Schema(type = "string", format = "date", example = "2026-11-16"))
                    @RequestParam(required = false)
                    String from,
            @Parameter(
                            description = "Last local day, ISO date",
                            schema = @Schema(type = "string", format = "date", example = "2026-11-23"))
                    @RequestParam(required = false)
                    String to,
            @Parameter(
                            description = "Page size, 1–100",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RequestParam(defaultValue = "20")
                    int limit,
            @Parameter(
                            description = "nextCursor of the previous page",
                            schema = @Schema(type = "string", example = "MjAyNi0xMS0yM3x3LTE"))
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidQueryException("kind", "kind.unknown", "Use WIN or CHECK_IN.");
        }
        if (limit < 1 || limit > TimelineQueries.MAX_LIMIT) {
            throw new InvalidQueryException(
                    "limit", "limit.range", "Use a page size from 1 to " + TimelineQueries.MAX_LIMIT + ".");
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidQueryException("to", "to.before-from", "The last day cannot be before the first day.");
        }
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        try {
            return queries.page(caller.getSubject(), kind, fromDay, toDay, limit, cursor);
        } catch (TimelineQueries.InvalidCursorException e) {
            throw new InvalidQueryException("cursor", "cursor.invalid", "Use the nextCursor of a previous page.");
        }
    }

    @Operation(
            operationId = "getEntry",
            summary = "One of your entries as it stands now, with its version as ETag",
            description = "A retracted entry, an id you never used and another person's entry id are all 404. "
                    + ReadYourWrites.WAITS_DOC)
    @ApiResponse(
            responseCode = "200",
            description = "The entry",
            content = @Content(schema = @Schema(implementation = TimelineEntry.class)),
            headers = @Header(name = HttpHeaders.ETAG, ref = ApiHeaders.ETAG))
    @ApiProblems({404})
    @GetMapping("/{entryId}")
    ResponseEntity<?> entry(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "The id the entry was logged with",
                            schema =
                                    @Schema(
                                            pattern = ApiHeaders.ENTRY_ID_PATTERN,
                                            example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f"))
                    @PathVariable
                    String entryId,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.entry(caller.getSubject(), entryId)
                .<ResponseEntity<?>>map(found ->
                        ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found))
                .orElseGet(TimelineController::notFound);
    }

    @Operation(
            operationId = "getEntryHistory",
            summary = "Every version of one of your entries, oldest first",
            description = "What each version changed (field names), the entry as it had it, when it was recorded and "
                    + "the correlation id of the request. A retracted entry's history is still yours; an id you never "
                    + "used and another person's entry id are 404. "
                    + ReadYourWrites.WAITS_DOC)
    @ApiResponse(
            responseCode = "200",
            description = "Every version of the entry",
            content = @Content(schema = @Schema(implementation = EntryHistory.class)))
    @ApiProblems({404})
    @GetMapping("/{entryId}/history")
    ResponseEntity<?> entryHistory(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "The id the entry was logged with",
                            schema =
                                    @Schema(
                                            pattern = ApiHeaders.ENTRY_ID_PATTERN,
                                            example = "3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f"))
                    @PathVariable
                    String entryId,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.history(caller.getSubject(), entryId)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(TimelineController::notFound);
    }

    /** The same answer for an entry that never was, was retracted, or is another person's: nothing to tell apart. */
    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(ProblemType.ENTRY_NOT_FOUND, "You have no entry with this id."));
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, field + ".format", "Use an ISO date such as 2026-11-23.");
        }
    }
}
