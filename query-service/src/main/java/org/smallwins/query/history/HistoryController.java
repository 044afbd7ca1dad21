package org.smallwins.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own journal as recorded. There is no user id in any path or parameter: it is the token's subject. */
@Tag(name = "History", description = "Your journal as recorded: every event, and its hash chain")
@RestController
@RequestMapping(path = "/api/history", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private final HistoryQueries queries;
    private final ReadYourWrites visibility;

    HistoryController(HistoryQueries queries, ReadYourWrites visibility) {
        this.queries = queries;
        this.visibility = visibility;
    }

    @Operation(
            operationId = "getHistory",
            summary = "Every event of your journal, newest first",
            description = "Type, type version, sequence, when it occurred and was recorded, the correlation id of the "
                    + "request, and a short summary that names what changed but never what you wrote or rated. "
                    + "Keyset-paged: pass nextCursor as cursor while hasMore. "
                    + ReadYourWrites.WAITS_DOC)
    @GetMapping
    HistoryPage history(
            @AuthenticationPrincipal Jwt caller,
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
                            schema = @Schema(type = "string", pattern = "^[1-9][0-9]{0,17}$", example = "41"))
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (limit < 1 || limit > HistoryQueries.MAX_LIMIT) {
            throw new InvalidQueryException(
                    "limit", "limit.range", "Use a page size from 1 to " + HistoryQueries.MAX_LIMIT + ".");
        }
        Long before = cursor(cursor);
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.page(caller.getSubject(), limit, before);
    }

    private static Long cursor(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(raw);
        }
        throw new InvalidQueryException("cursor", "cursor.invalid", "Use the nextCursor of a previous page.");
    }
}
