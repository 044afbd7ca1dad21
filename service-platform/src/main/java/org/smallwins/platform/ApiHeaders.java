package org.smallwins.platform;

/**
 * References to the response headers of the API documents ({@code #/components/headers/...}, defined once in
 * {@link PlatformOpenApiConfiguration}), for {@code @Header(name = "ETag", ref = ApiHeaders.ETAG)} on a response.
 * {@code X-Correlation-Id} is added to every response without being listed.
 */
public final class ApiHeaders {

    private static final String PREFIX = "#/components/headers/";

    public static final String ETAG = PREFIX + "ETag";
    public static final String LOCATION = PREFIX + "Location";
    public static final String JOURNAL_SEQUENCE = PREFIX + JournalSequence.HEADER;
    public static final String RETRY_AFTER = PREFIX + "Retry-After";

    /** An entry id chosen by the client: 1 to 64 letters, digits, '-' or '_', starting with a letter or digit. */
    public static final String ENTRY_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";

    /** An ISO week id such as 2026-W48. */
    public static final String ISO_WEEK_PATTERN = "^[0-9]{4}-W[0-9]{2}$";

    /** One strong entity tag naming an entry's version, as If-Match takes it. */
    public static final String ETAG_PATTERN = "^\"[1-9][0-9]{0,8}\"$";

    private ApiHeaders() {}
}
