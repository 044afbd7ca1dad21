package org.smallwins.contract;

/**
 * Where the pseudonymous weekly facts of consenting people travel (issue 16): one record per person and ISO week, keyed
 * {@code pseudonym|2026-W05}, its value the facts as JSON ({@code schemas/analytics/WeeklyFacts-v1.schema.json}), or
 * a tombstone (null value) when the week is gone: the person withdrew their consent or erased their journal, or the
 * week holds nothing any more. Compacted: the latest value per key is the truth, so a consumer that reads it from the
 * beginning has every consenting person's current weeks and nothing of anyone else.
 */
public final class AnalyticsTopic {

    public static final String NAME = "smallwins.analytics.weekly";

    /** The record key of a person's week: their pseudonym, {@code '|'}, the ISO week ({@code 2026-W05}). */
    public static String key(String pseudonym, String isoWeek) {
        return pseudonym + "|" + isoWeek;
    }

    private AnalyticsTopic() {}
}
