package org.smallwins.command.erasure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.smallwins.command.erasure.ErasureReceipt;
import org.smallwins.command.erasure.JournalErasure;
import org.smallwins.platform.ApiHeaders;
import org.smallwins.platform.CorrelationIdFilter;
import org.smallwins.platform.JournalSequence;
import org.smallwins.platform.ProblemType;
import org.smallwins.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of the caller's own journal (GDPR article 17). The journal is always the token's subject. */
@Tag(name = "Erasure", description = "Erase your journal (GDPR article 17)")
@RestController
@RequestMapping(path = "/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class ErasureController {

    static final String CONFIRM = "Confirm-Erasure";

    private final JournalErasure erasure;

    ErasureController(JournalErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(
            operationId = "eraseJournal",
            summary = "Erase your journal",
            description = "Destroys your journal's data key, so nothing you recorded can be read again anywhere, and "
                    + "removes you from every view. Send your own subject (the `sub` of your token) in the "
                    + "`Confirm-Erasure` header; without it, or with another, 400 and nothing is erased. 202 with a "
                    + "receipt holding no journal content: when, how many events, which key was destroyed, the "
                    + "journal's last sequence and event id (its hash-chain head comes with issue 13). Writing again "
                    + "starts a new journal. Recorded in your access log, which is kept.")
    @ApiResponse(
            responseCode = "202",
            description = "Erased (or nothing to erase): the receipt",
            content = @Content(schema = @Schema(implementation = ErasureReceipt.class)),
            headers = @Header(name = JournalSequence.HEADER, ref = ApiHeaders.JOURNAL_SEQUENCE))
    @DeleteMapping
    ResponseEntity<Object> erase(
            @Parameter(
                            description = "Your own subject (the `sub` of your token), to confirm",
                            required = true,
                            schema = @Schema(type = "string", example = "5f8e2c7a-person"))
                    @RequestHeader(name = CONFIRM, required = false)
                    String confirmation,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest request) {
        if (confirmation == null || !confirmation.equals(caller.getSubject())) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.invalidFields(
                            ProblemType.ERASURE_NOT_CONFIRMED,
                            List.of(new Problems.FieldError(
                                    CONFIRM,
                                    confirmation == null ? "header.required" : "header.own-subject",
                                    "To erase your journal, send your own subject in the Confirm-Erasure header. "
                                            + "Nothing was erased."))));
        }
        ErasureReceipt receipt = erasure.erase(caller.getSubject(), CorrelationIdFilter.of(request));
        var answer = ResponseEntity.status(HttpStatus.ACCEPTED);
        if (receipt.sequence() > 0) {
            answer.header(JournalSequence.HEADER, Long.toString(receipt.sequence()));
        }
        return answer.body(receipt);
    }
}
