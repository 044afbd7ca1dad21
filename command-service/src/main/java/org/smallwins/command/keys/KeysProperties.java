package org.smallwins.command.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key-encryption key comes from, and who may fetch data keys.
 *
 * @param kek          the key-encryption key, a Tink JSON keyset ({@code SMALLWINS_KEK}); or
 * @param kekFile      a file holding it ({@code SMALLWINS_KEK_FILE})
 * @param accessToken  the bearer token of {@code GET /internal/data-keys/{keyId}} ({@code SMALLWINS_KEY_ACCESS_TOKEN}),
 *                     shared with the query service only
 * @param cacheSize    how many unwrapped data keys stay in memory
 * @param cacheTtl     how long an unused unwrapped data key stays in memory
 */
@ConfigurationProperties("smallwins.keys")
public record KeysProperties(
        String kek,
        String kekFile,
        String accessToken,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("10m") Duration cacheTtl) {

    /** Never prints the key or the token. */
    @Override
    public String toString() {
        return "KeysProperties[kekFile=" + kekFile + ", cacheSize=" + cacheSize + ", cacheTtl=" + cacheTtl + "]";
    }
}
