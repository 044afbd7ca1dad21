package org.smallwins.query.analytics;

import java.util.Map;

/** Weekly facts for tests: the fields the cohorts read, the rest plain. */
final class Facts {

    private Facts() {}

    /**
     * A person-week: {@code mood} null for a week without check-ins; {@code hard} as the publisher would decide it.
     */
    static WeeklyFact fact(
            String person,
            String week,
            int wins,
            int checkIns,
            int within,
            Double mood,
            boolean hard,
            String focusArea,
            String stage) {
        return new WeeklyFact(
                person,
                "1",
                week,
                wins,
                wins == 0 || focusArea == null ? Map.of() : Map.of(focusArea, wins),
                Math.max(1, Math.min(7, wins + checkIns)),
                checkIns,
                checkIns == 0 ? null : mood,
                checkIns == 0 ? null : 3.0,
                within,
                checkIns == 0 ? null : WeeklyFact.round(within, checkIns, 2),
                hard,
                focusArea,
                stage,
                false);
    }
}
