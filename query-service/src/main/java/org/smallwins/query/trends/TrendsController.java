package org.smallwins.query.trends;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.RequestedWeeks;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own weekly trends and weekly review. */
@RestController
@RequestMapping(path = "/api/trends/weeks", produces = MediaType.APPLICATION_JSON_VALUE)
class TrendsController {

    private final TrendQueries queries;

    TrendsController(TrendQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "The last N weeks, oldest first; weeks without entries are present as zeros")
    @GetMapping
    List<WeekTrend> series(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = "How many weeks, 1–104") @RequestParam(defaultValue = "12") int count,
            @Parameter(description = "The last week of the series (YYYY-Www); default this week in your zone")
                    @RequestParam(required = false)
                    String until) {
        if (count < 1 || count > TrendQueries.MAX_WEEKS) {
            throw new InvalidQueryException("count", "count.range", "Use 1 to " + TrendQueries.MAX_WEEKS + " weeks.");
        }
        return queries.series(caller.getSubject(), until == null ? null : RequestedWeeks.parse("until", until), count);
    }

    @Operation(summary = "One week with its wins, for the weekly review")
    @GetMapping("/{week}")
    WeekTrend week(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = "ISO week such as 2026-W48, or 'current'") @PathVariable String week) {
        return queries.week(
                caller.getSubject(),
                RequestedWeeks.named("week", week, () -> queries.currentWeek(caller.getSubject())));
    }
}
