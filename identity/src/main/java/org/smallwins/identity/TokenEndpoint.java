package org.smallwins.identity;

import java.time.Duration;
import org.smallwins.infra.DevTokens;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /token?user=NAME}: a signed access token whose subject is NAME, for curl and scripts (the README
 * walkthrough). The same key and claims as the tokens the sign-in flow issues. {@code &scope=analytics:read} makes it
 * an analyst's token (issue 16: the cohort figures, nothing else); no other scope is minted.
 */
@RestController
class TokenEndpoint {

    /** The one scope minted here: an analyst's token for the cohort figures. */
    static final String ANALYTICS_SCOPE = "analytics:read";

    private final DevTokens tokens;

    TokenEndpoint(DevTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping(value = "/token", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> token(
            @RequestParam(required = false) String user, @RequestParam(required = false) String scope) {
        if (user == null || !DevelopmentSignIn.USER.matcher(user).matches()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Ask for /token?user=NAME (letters, digits, '.', '_' or '-'), and &scope=analytics:read for"
                            + " an analyst's token.\n");
        }
        if (scope != null && !ANALYTICS_SCOPE.equals(scope)) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The only scope this issuer mints is analytics:read (an analyst's token).\n");
        }
        String token = scope == null ? tokens.mint(user) : tokens.mint(user, scope, Duration.ofHours(12));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(token);
    }
}
