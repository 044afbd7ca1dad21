package org.smallwins.query.analytics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A person's pseudonym on the analytics stream: HMAC-SHA256 of their user id under the secret of the current release
 * period, base64url without padding (43 characters). Without the secret nobody can tell whose it is, nor test a guessed
 * user id; a new period (a new secret) gives everyone a new pseudonym that cannot be linked to the old one.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;
    private final String period;

    public Pseudonyms(String secret, String period) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(period, "period");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.period = period;
    }

    /** The release period whose secret makes the pseudonyms (travels in every fact). */
    public String period() {
        return period;
    }

    public String of(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest =
                    mac.doFinal(("smallwins-analytics/1|" + period + "|" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
