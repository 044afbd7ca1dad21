package org.smallwins.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry's version as an HTTP entity tag: {@code ETag: "3"} on every answer about an entry, and the {@code If-Match}
 * a correction or retraction must send (RFC 9110 §13.1.1). Only one strong tag naming a version is accepted: a change
 * must say which version it was made from, so {@code *}, a list or a weak tag is malformed.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("\"([1-9][0-9]{0,8})\"");

    private IfMatch() {}

    /** The entity tag of an entry's version: {@code "3"}, quotes included. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws Missing   without the header (428)
     * @throws Malformed when it is not one strong tag of a version (400)
     */
    public static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new Missing();
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new Malformed();
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A change was sent without {@code If-Match}. */
    public static final class Missing extends RuntimeException {
        Missing() {
            super("If-Match required", null, false, false);
        }
    }

    /** {@code If-Match} is not one strong tag of a version. */
    public static final class Malformed extends RuntimeException {
        Malformed() {
            super("If-Match malformed", null, false, false);
        }
    }
}
