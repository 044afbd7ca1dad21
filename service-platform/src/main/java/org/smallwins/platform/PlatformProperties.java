package org.smallwins.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and browser access shared by both services.
 *
 * @param maxRequestBody      the largest request body accepted (413 above it)
 * @param maxImportBody       the largest body accepted by {@value #IMPORT_PATH} (a journal export of 100,000 events is
 *                            about 40 MB), which reads its body as a stream
 * @param writesPerMinute     per-user write rate; more within a minute answers 429 with Retry-After
 * @param writeBurst          how many writes a user may send at once before the rate applies
 * @param corsAllowedOrigins  browser origins allowed to call the API (none by default)
 * @param tokenCacheSize      how many verified bearer tokens are kept, so a token is verified once rather than on every
 *                            request (0 turns the cache off; see {@link VerifiedTokenCache})
 * @param tokenCacheMaxAge    how long a verified token is kept at most (it is never kept past its own expiry): the
 *                            longest a token stays accepted after its signing key is withdrawn
 */
@ConfigurationProperties("smallwins.http")
public record PlatformProperties(
        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue("256MB") DataSize maxImportBody,
        @DefaultValue("120") int writesPerMinute,
        @DefaultValue("30") int writeBurst,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("10000") long tokenCacheSize,
        @DefaultValue("5m") Duration tokenCacheMaxAge) {

    /** The one endpoint with its own, larger body limit: a journal import. */
    public static final String IMPORT_PATH = "/api/journal/import";
}
