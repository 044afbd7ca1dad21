package org.smallwins.query.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One consenting person's ISO week, as analysts see it on {@code smallwins.analytics.weekly}: counts, averages rounded
 * to one decimal, the focus area and stage current at the week's end, whether a reflection was written. Never a
 * sentence, a tag, an entry id, an exact time, a day or a zone, and never the user id: only the {@code pseudonym}.
 * Written field by field (the JSON is the contract, {@code WeeklyFacts-v1.schema.json}).
 *
 * @param pseudonym            HMAC-SHA256 of the user id with the release period's secret (see {@link Pseudonyms})
 * @param period               the release period whose secret made the pseudonym (pseudonyms of two periods never match)
 * @param isoWeek              {@code 2026-W05}
 * @param wins                 wins of the week (after corrections and retractions)
 * @param winsByFocusArea      wins per focus area, areas with none left out
 * @param daysShownUp          distinct local days with an entry
 * @param checkIns             check-ins of the week
 * @param moodAverage          mean mood, one decimal (half up); null without check-ins
 * @param energyAverage        mean energy, one decimal; null without check-ins
 * @param checkInsWithinWindow check-ins within the window of tolerance
 * @param shareWithinWindow    {@code checkInsWithinWindow / checkIns}, two decimals; null without check-ins
 * @param hardWeek             a heavier week (domain rule: mood average ≤ 2.5, or check-ins mostly outside the window),
 *                             decided on the exact sums; false without check-ins
 * @param focusArea            the focus area current at the week's end; null before the first choice
 * @param stage                its stage of change; null before the first choice
 * @param reflectionWritten    whether the person wrote their reflection for the week
 */
public record WeeklyFact(
        String pseudonym,
        String period,
        String isoWeek,
        int wins,
        Map<String, Integer> winsByFocusArea,
        int daysShownUp,
        int checkIns,
        Double moodAverage,
        Double energyAverage,
        int checkInsWithinWindow,
        Double shareWithinWindow,
        boolean hardWeek,
        String focusArea,
        String stage,
        boolean reflectionWritten) {

    /** The version of this shape, in every record ({@code factsVersion}). */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public WeeklyFact {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(isoWeek, "isoWeek");
        winsByFocusArea = Map.copyOf(winsByFocusArea);
    }

    /**
     * The facts of a week from its totals: the averages and share rounded here, the hard week decided on the exact
     * sums.
     */
    public static WeeklyFact of(
            String pseudonym,
            String period,
            String isoWeek,
            int wins,
            Map<String, Integer> winsByFocusArea,
            int daysShownUp,
            int checkIns,
            int moodSum,
            int energySum,
            int checkInsWithinWindow,
            String focusArea,
            String stage,
            boolean reflectionWritten) {
        boolean hard = checkIns > 0 && (2 * moodSum <= 5 * checkIns || 2 * checkInsWithinWindow < checkIns);
        return new WeeklyFact(
                pseudonym,
                period,
                isoWeek,
                wins,
                winsByFocusArea,
                daysShownUp,
                checkIns,
                checkIns == 0 ? null : round(moodSum, checkIns, 1),
                checkIns == 0 ? null : round(energySum, checkIns, 1),
                checkInsWithinWindow,
                checkIns == 0 ? null : round(checkInsWithinWindow, checkIns, 2),
                hard,
                focusArea,
                stage,
                reflectionWritten);
    }

    /** {@code numerator / denominator} rounded half up to {@code decimals}. */
    public static double round(long numerator, long denominator, int decimals) {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The record's value on the topic. */
    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("factsVersion", VERSION);
        root.put("pseudonym", pseudonym);
        root.put("period", period);
        root.put("isoWeek", isoWeek);
        root.put("wins", wins);
        ObjectNode areas = root.putObject("winsByFocusArea");
        new TreeMap<>(winsByFocusArea).forEach(areas::put);
        root.put("daysShownUp", daysShownUp);
        root.put("checkIns", checkIns);
        root.put("moodAverage", moodAverage);
        root.put("energyAverage", energyAverage);
        root.put("checkInsWithinWindow", checkInsWithinWindow);
        root.put("shareWithinWindow", shareWithinWindow);
        root.put("hardWeek", hardWeek);
        root.put("focusArea", focusArea);
        root.put("stage", stage);
        root.put("reflectionWritten", reflectionWritten);
        return MAPPER.writeValueAsBytes(root);
    }

    /** A record's value read back; empty-handed ({@link IllegalArgumentException}) for anything else. */
    public static WeeklyFact fromJson(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject() || root.path("factsVersion").asInt() != VERSION) {
                throw new IllegalArgumentException("not weekly facts of version " + VERSION);
            }
            Map<String, Integer> areas = new TreeMap<>();
            root.path("winsByFocusArea")
                    .properties()
                    .forEach(e -> areas.put(e.getKey(), e.getValue().asInt()));
            return new WeeklyFact(
                    root.path("pseudonym").asString(),
                    root.path("period").asString(),
                    root.path("isoWeek").asString(),
                    root.path("wins").asInt(),
                    areas,
                    root.path("daysShownUp").asInt(),
                    root.path("checkIns").asInt(),
                    decimal(root, "moodAverage"),
                    decimal(root, "energyAverage"),
                    root.path("checkInsWithinWindow").asInt(),
                    decimal(root, "shareWithinWindow"),
                    root.path("hardWeek").asBoolean(),
                    text(root, "focusArea"),
                    text(root, "stage"),
                    root.path("reflectionWritten").asBoolean());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static Double decimal(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isNumber() ? value.doubleValue() : null;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
