package org.smallwins.query.patterns;

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

/** The caller's own patterns over their last weeks. */
@RestController
@Tag(name = "Patterns")
@RequestMapping(path = "/api/patterns", produces = MediaType.APPLICATION_JSON_VALUE)
class PatternsController {

    private final PatternQueries queries;
    private final ReadYourWrites visibility;

    PatternsController(PatternQueries queries, ReadYourWrites visibility) {
        this.queries = queries;
        this.visibility = visibility;
    }

    @Operation(
            operationId = "getPatterns",
            summary = "Your patterns over your last N weeks: each week (oldest first, quiet weeks as zeros), the"
                    + " heavier weeks with the wins they held, what seems to help, and your focus area over time",
            description = "A heavier week has a mood average of 2.5 or lower, or more than half of its check-ins"
                    + " outside the window of tolerance. What seems to help compares your own weeks with at least 2"
                    + " wins in an area against weeks with fewer (only weeks with check-ins), once each side has 3"
                    + " weeks; it does not say why. " + ReadYourWrites.WAITS_DOC)
    @GetMapping
    PersonPatterns patterns(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(
                            description = "How many weeks, 1–104, ending with this week in your zone",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "104",
                                            defaultValue = "12"))
                    @RequestParam(defaultValue = "12")
                    int weeks,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        if (weeks < 1 || weeks > PatternQueries.MAX_WEEKS) {
            throw new InvalidQueryException("weeks", "weeks.range", "Use 1 to " + PatternQueries.MAX_WEEKS + " weeks.");
        }
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return queries.patterns(caller.getSubject(), weeks);
    }
}
