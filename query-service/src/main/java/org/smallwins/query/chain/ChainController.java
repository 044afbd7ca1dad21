package org.smallwins.query.chain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smallwins.platform.JournalSequence;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the caller's own hash chain. There is no user id in any path or parameter: it is the token's subject. */
@Tag(name = "History")
@RestController
class ChainController {

    private final ChainVerification verification;
    private final ReadYourWrites visibility;

    ChainController(ChainVerification verification, ReadYourWrites visibility) {
        this.verification = verification;
        this.visibility = visibility;
    }

    @Operation(
            operationId = "verifyHistory",
            summary = "Verify your history's hash chain",
            description = "Recomputes every event's SHA-256 hash from what was stored (the ciphertext of sealed events,"
                    + " so it verifies after an erasure too) and checks each link to the event before it. Answers"
                    + " intact, how many events, the head hash and, if broken, the first bad event. "
                    + ReadYourWrites.WAITS_DOC)
    @GetMapping(path = "/api/history/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification.Report verify(
            @AuthenticationPrincipal Jwt caller,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestParam(name = JournalSequence.PARAMETER, required = false)
                    Long after,
            @Parameter(description = ReadYourWrites.AFTER_DOC)
                    @RequestHeader(name = JournalSequence.HEADER, required = false)
                    Long afterHeader) {
        visibility.awaitSequence(caller.getSubject(), ReadYourWrites.requested(after, afterHeader));
        return verification.verify(caller.getSubject());
    }
}
