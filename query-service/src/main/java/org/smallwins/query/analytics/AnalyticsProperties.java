package org.smallwins.query.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings ({@code smallwins.analytics.*}). Checked at start: a service with a k below 5, a pseudonym secret
 * shorter than 32 characters, or blocks outside 1–13 weeks refuses to start.
 *
 * @param k                the fewest distinct people a published figure may cover ({@code SMALLWINS_ANALYTICS_K},
 *                         10; never below 5)
 * @param blockWeeks       the week ranges analysts may ask for are whole blocks of this many ISO weeks, aligned to
 *                         week 1 of each ISO year ({@code SMALLWINS_ANALYTICS_BLOCK_WEEKS}, 4)
 * @param pseudonymSecret  the secret of the pseudonyms ({@code SMALLWINS_ANALYTICS_PSEUDONYM_SECRET}); the local stack
 *                         makes one in its data directory
 * @param pseudonymPeriod  the release period the secret belongs to ({@code SMALLWINS_ANALYTICS_PSEUDONYM_PERIOD}):
 *                         change both together
 */
@ConfigurationProperties("smallwins.analytics")
public record AnalyticsProperties(
        @DefaultValue("10") int k,
        @DefaultValue("4") int blockWeeks,
        String pseudonymSecret,
        @DefaultValue("1") String pseudonymPeriod) {

    /** No cohort figure ever covers fewer people than this, whatever is configured. */
    public static final int SMALLEST_K = 5;

    public AnalyticsProperties {
        if (k < SMALLEST_K) {
            throw new IllegalStateException("smallwins.analytics.k (SMALLWINS_ANALYTICS_K) is " + k
                    + ": a cohort figure must cover at least " + SMALLEST_K + " people");
        }
        if (blockWeeks < 1 || blockWeeks > 13) {
            throw new IllegalStateException(
                    "smallwins.analytics.block-weeks (SMALLWINS_ANALYTICS_BLOCK_WEEKS) must be 1 to 13");
        }
        if (pseudonymSecret == null || pseudonymSecret.length() < 32) {
            throw new IllegalStateException(
                    "smallwins.analytics.pseudonym-secret (SMALLWINS_ANALYTICS_PSEUDONYM_SECRET) "
                            + "must be set to a random secret of at least 32 characters: it keeps the analytics pseudonyms "
                            + "from being linked to people");
        }
        if (pseudonymPeriod == null || !pseudonymPeriod.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalStateException(
                    "smallwins.analytics.pseudonym-period (SMALLWINS_ANALYTICS_PSEUDONYM_PERIOD) "
                            + "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
    }

    public Pseudonyms pseudonyms() {
        return new Pseudonyms(pseudonymSecret, pseudonymPeriod);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "AnalyticsProperties[k=" + k + ", blockWeeks=" + blockWeeks + ", pseudonymPeriod=" + pseudonymPeriod
                + "]";
    }
}
