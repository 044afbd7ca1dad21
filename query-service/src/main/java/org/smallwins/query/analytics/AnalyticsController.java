package org.smallwins.query.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smallwins.platform.ApiProblems;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cohort figures for analysts (tokens with scope {@code analytics:read} only; see {@code PlatformSecurityConfiguration}):
 * computed from the pseudonymous weekly facts of consenting people, never from anyone's journal.
 */
@Tag(name = "Analytics", description = "Cohort patterns for analysts, k-anonymous, from consenting people only")
@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
class AnalyticsController {

    private final CohortQueries queries;

    AnalyticsController(CohortQueries queries) {
        this.queries = queries;
    }

    @Operation(
            operationId = "getCohorts",
            summary = "Cohort patterns over a range of whole week blocks (analysts only: scope analytics:read)",
            description = "Per group (focus area, stage of change, or none): people, wins per person-week, share of "
                    + "hard weeks that still held a win, mood trend, share of check-ins within the window, and the "
                    + "stage transitions between consecutive weeks. Only consenting people's pseudonymous weekly "
                    + "facts count. Every figure covers at least k people in every block of the range; smaller cells "
                    + "(and, so that none can be derived, the next smallest) are suppressed and say so. Every request "
                    + "is audited (who, what, when; never the figures).")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiProblems({403})
    @GetMapping("/cohorts")
    CohortReport cohorts(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = "First week, a block's first (2026-W01)") @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last week, a block's last (2026-W12)") @RequestParam(required = false) String to,
            @Parameter(description = "focusArea, stage or none (default)") @RequestParam(required = false)
                    String groupBy) {
        return queries.cohorts(caller.getSubject(), from, to, groupBy);
    }
}
