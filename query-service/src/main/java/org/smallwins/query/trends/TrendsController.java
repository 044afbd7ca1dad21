package org.smallwins.query.trends;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.smallwins.journal.week.Weeks;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.RequestedWeeks;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.threeten.extra.YearWeek;

/** The caller's own weekly trends and weekly review. */
@Tag(name = "Trends", description = "Your weeks: counts, mood and energy, and the weekly review")
@RestController
@RequestMapping(path = "/api/trends/weeks", produces = MediaType.APPLICATION_JSON_VALUE)
class TrendsController {

    private final TrendQueries queries;
    private final ReadYourWrites visibility;

    TrendsController(TrendQueries queries, ReadYourWrites visibility) {
        this.queries = queries;
        this.visibility = visibility;
    }

    @Operation(
            operationId = "getWeeks",
            summary = "The last N weeks, oldest first; weeks without entries are present as zeros",
            description = ReadYourWrites.WAITS_DOC)
    @GetMapping
    List<WeekTrend> series(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "How many weeks, 1–104",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "104",
                                            defaultValue = "12"))
                    @RequestParam(defaultValue = "12")
                    int count,
            @Parameter(
                            description =
                                    "The last week of the series (ISO week, YYYY-Www); default this week in your zone",
                            schema =
                                    @Schema(
                                            type = "string",
                                            pattern = ApiHeaders.ISO_WEEK_PATTERN,
                                            example = "2026-W48"))
                    @RequestParam(required = false)
                    String until,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (count < 1 || count > TrendQueries.MAX_WEEKS) {
            throw new InvalidQueryException("count", "count.range", "Use 1 to " + TrendQueries.MAX_WEEKS + " weeks.");
        }
        YearWeek last = until == null ? null : RequestedWeeks.parse("until", until);
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.series(caller.getSubject(), last, count);
    }

    @Operation(
            operationId = "getWeek",
            summary = "One week with its wins, for the weekly review",
            description = ReadYourWrites.WAITS_DOC)
    @GetMapping("/{week}")
    WeekTrend week(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "ISO week such as 2026-W48, or `current`",
                            schema =
                                    @Schema(
                                            type = "string",
                                            pattern = "^([0-9]{4}-W[0-9]{2}|current)$",
                                            example = "2026-W48"))
                    @PathVariable
                    String week,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (!Weeks.CURRENT.equals(week)) {
            RequestedWeeks.parse("week", week); // a week that cannot be read is refused before any wait
        }
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.week(
                caller.getSubject(),
                RequestedWeeks.named("week", week, () -> queries.currentWeek(caller.getSubject())));
    }
}
