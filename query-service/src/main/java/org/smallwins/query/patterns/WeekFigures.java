package org.smallwins.query.patterns;

import java.util.List;
import org.smallwins.contract.FocusArea;
import org.threeten.extra.YearWeek;

/**
 * What one of a person's weeks holds, as the patterns need it: counts and sums, never averages (those are computed once,
 * in {@link Patterns}). A week without entries is {@link #quiet(YearWeek)}: zeros.
 *
 * @param daysShownUp distinct local days with any entry
 * @param moodSum sum of the week's check-ins' moods (1–5 each)
 * @param energySum sum of the week's check-ins' energies (1–5 each)
 * @param checkInsWithinWindow check-ins within the window of tolerance
 * @param wins the week's wins as they are now (after corrections; retracted ones left out), oldest first
 */
public record WeekFigures(
        YearWeek week,
        int daysShownUp,
        int checkIns,
        int moodSum,
        int energySum,
        int checkInsWithinWindow,
        boolean reflectionWritten,
        List<Win> wins) {

    public WeekFigures {
        wins = List.copyOf(wins);
        if (checkInsWithinWindow > checkIns || checkIns < 0 || checkInsWithinWindow < 0) {
            throw new IllegalArgumentException("check-ins within the window are some of the week's check-ins");
        }
    }

    /** A week with nothing in it. */
    public static WeekFigures quiet(YearWeek week) {
        return new WeekFigures(week, 0, 0, 0, 0, 0, false, List.of());
    }

    public int winCount() {
        return wins.size();
    }

    public int winsIn(FocusArea area) {
        return (int) wins.stream().filter(win -> win.focusArea() == area).count();
    }

    /** One win as it is now. */
    public record Win(String id, String day, String text, FocusArea focusArea) {

        @Override
        public String toString() {
            return "Win[" + id + ", " + day + ", " + focusArea + "]"; // never the text
        }
    }
}
