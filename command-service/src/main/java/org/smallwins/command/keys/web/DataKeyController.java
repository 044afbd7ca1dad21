package org.smallwins.command.keys.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Base64;
import org.smallwins.command.keys.DataKeys;
import org.smallwins.command.keys.KeyLookup;
import org.smallwins.platform.ProblemType;
import org.smallwins.platform.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one narrow way a data key leaves this service: to the query service, which needs it to project sealed events.
 * Only a caller with the key access token reaches it ({@link DataKeyAccessSecurity}); it is not part of the public API
 * (not in the OpenAPI document). The answer is never cached by HTTP intermediaries and never logged.
 */
@Hidden
@RestController
class DataKeyController {

    static final String PATH = "/internal/data-keys/";

    private final DataKeys keys;

    DataKeyController(DataKeys keys) {
        this.keys = keys;
    }

    /** The data key's Tink binary keyset (standard base64), whose it is, or 410 once destroyed, 404 if unknown. */
    @GetMapping(path = PATH + "{keyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> dataKey(@PathVariable String keyId) {
        KeyLookup found = keys.find(keyId);
        if (found instanceof KeyLookup.Live live) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(new DataKeyResponse(
                            live.key().keyId(),
                            live.key().userId(),
                            Base64.getEncoder()
                                    .encodeToString(live.key().keyset().toBinary())));
        }
        if (found instanceof KeyLookup.Destroyed) {
            return problem(ProblemType.KEY_DESTROYED, "This data key was destroyed: the journal it sealed was erased.");
        }
        return problem(ProblemType.KEY_NOT_FOUND, "No data key has this id.");
    }

    private static ResponseEntity<?> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .body(Problems.of(type, detail));
    }

    /** A data key for the query service. Never printed. */
    record DataKeyResponse(String keyId, String userId, String keyset) {
        @Override
        public String toString() {
            return "DataKeyResponse[keyId=" + keyId + ", userId=" + userId + "]";
        }
    }
}
