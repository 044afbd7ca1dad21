package org.smallwins.identity;

import org.smallwins.infra.DevTokens;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /token?user=NAME}: a signed access token whose subject is NAME, for curl and scripts (the README
 * walkthrough). The same key and claims as the tokens the sign-in flow issues.
 */
@RestController
class TokenEndpoint {

    private final DevTokens tokens;

    TokenEndpoint(DevTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping(value = "/token", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> token(@RequestParam(required = false) String user) {
        if (user == null || !DevelopmentSignIn.USER.matcher(user).matches()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Ask for /token?user=NAME (letters, digits, '.', '_' or '-').\n");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(tokens.mint(user));
    }
}
