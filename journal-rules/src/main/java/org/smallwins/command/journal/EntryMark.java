package org.smallwins.command.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * What the journal remembers of each entry to answer a retry: a digest of its content, and when and where it was
 * placed. A retry matches if the content is the same and it either repeats the same day/instant and zone or leaves
 * them to their defaults.
 *
 * @param kind    {@code W} for a win, {@code C} for a check-in
 * @param digest  a digest of the content (never the content itself)
 * @param when    the day (wins) or instant (check-ins) it was placed at
 * @param zone    the zone it was placed in
 */
record EntryMark(String kind, String digest, String when, String zone) {

    static final String WIN = "W";
    static final String CHECK_IN = "C";

    /** True if a request with this content, and optional explicit when/zone, is a retry of this entry. */
    boolean isRetryOf(String otherKind, String otherDigest, String requestedWhen, String requestedZone) {
        return kind.equals(otherKind)
                && digest.equals(otherDigest)
                && (requestedWhen == null || requestedWhen.equals(when))
                && (requestedZone == null || requestedZone.equals(zone));
    }

    static String digest(List<?> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            byte[] hash = sha.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
