package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.smallwins.command.journal.ConsentAccepted;
import org.smallwins.command.journal.ForConsent;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.journal.JournalRequests;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.ApiProblems;
import org.smallwins.platform.CorrelationIdFilter;
import org.smallwins.platform.JournalSequence;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's consent to analytics (issue 16). The journal is the token's subject. */
@Tag(name = "Consent", description = "Whether your weekly facts (never your words) may reach analytics")
@RestController
@RequestMapping(path = "/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsentController {

    private final CommandGateway commands;

    ConsentController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(
            operationId = "setAnalyticsConsent",
            summary = "Say whether your weekly facts may reach analytics",
            description =
                    "`{\"analytics\": true}` shares your weekly facts (counts, averages rounded to one decimal, "
                            + "your focus area and stage; never a sentence, a tag, a time or your id: a pseudonym) with the "
                            + "people who study progress patterns, your past weeks included; `false` takes them back within "
                            + "minutes. Nobody consents until they say so. A PUT of the whole value: the same answer again is "
                            + "200 `ALREADY_RECORDED` and records nothing; a change is 200 `RECORDED`. 422 without `analytics`.")
    @ApiResponse(
            responseCode = "200",
            description = "Recorded, or already so",
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @ApiProblems({403, 422})
    @PutMapping(path = "/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConsentResponse> setConsent(
            @RequestBody ConsentRequest body, @AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        var consent = JournalRequests.setAnalyticsConsent(body.analytics()).orThrow();
        var message = GenericCommandMessage.asCommandMessage(new ForConsent(caller.getSubject(), consent))
                .andMetaData(Map.of(JournalMetaData.CORRELATION_ID, CorrelationIdFilter.of(request)));
        ConsentAccepted accepted = commands.sendAndWait(message);
        var answer = ResponseEntity.ok();
        if (accepted.sequence() > 0) {
            // A journal without any event (a consent withdrawn that was never given) has no sequence to wait for.
            answer.header(JournalSequence.HEADER, Long.toString(accepted.sequence()));
        }
        return answer.body(
                new ConsentResponse(accepted.analytics(), accepted.outcome().name(), accepted.sequence()));
    }
}
