package org.smallwins.query.patterns;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.query.trends.FocusChoice;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/**
 * Weeks as the week view shows them, built for tests of {@link Patterns} the way {@code TrendQueries} builds them from
 * a week document: averages rounded to two decimals, absent without check-ins, the focus current at the week's end.
 */
final class Figures {

    private Figures() {}

    /** A check-in: mood, energy, window. */
    record CheckIn(int mood, int energy, ToleranceWindow window) {}

    static CheckIn checkIn(int mood) {
        return new CheckIn(mood, 3, ToleranceWindow.WITHIN);
    }

    static List<CheckIn> moods(int... moods) {
        List<CheckIn> list = new ArrayList<>();
        for (int mood : moods) {
            list.add(checkIn(mood));
        }
        return list;
    }

    static FocusChoice choice(long sequence, YearWeek week, FocusArea area, String stage) {
        return new FocusChoice(
                sequence, week.toString(), week.atDay(MONDAY).toString(), area.name(), stage, java.time.Instant.EPOCH);
    }

    /** A week with these check-ins and wins (their areas; win ids {@code <week>-w<i>}, texts "Today I noticed i"). */
    static WeekTrend week(
            YearWeek week, List<CheckIn> checkIns, List<FocusChoice> choices, boolean reflection, FocusArea... wins) {
        List<WeekTrend.Win> list = new ArrayList<>();
        Map<String, Integer> byArea = new LinkedHashMap<>();
        for (int i = 0; i < wins.length; i++) {
            list.add(new WeekTrend.Win(
                    week + "-w" + i, week.atDay(MONDAY).toString(), "Today I noticed " + i, wins[i].name(), List.of()));
            byArea.merge(wins[i].name(), 1, Integer::sum);
        }
        Map<String, Integer> windows = new LinkedHashMap<>();
        for (ToleranceWindow window : ToleranceWindow.values()) {
            windows.put(window.name(), (int)
                    checkIns.stream().filter(c -> c.window() == window).count());
        }
        WeekTrend.Mood mood = null;
        Double energy = null;
        if (!checkIns.isEmpty()) {
            int moods = checkIns.stream().mapToInt(CheckIn::mood).sum();
            int energies = checkIns.stream().mapToInt(CheckIn::energy).sum();
            mood = new WeekTrend.Mood(
                    round(moods / (double) checkIns.size()),
                    checkIns.stream().mapToInt(CheckIn::mood).min().orElseThrow(),
                    checkIns.stream().mapToInt(CheckIn::mood).max().orElseThrow());
            energy = round(energies / (double) checkIns.size());
        }
        WeekTrend.Focus focus = FocusChoice.currentAt(choices, week)
                .map(c -> new WeekTrend.Focus(c.area(), c.stage(), c.week()))
                .orElse(null);
        Integer winsInFocusArea = focus == null ? null : byArea.getOrDefault(focus.area(), 0);
        WeekTrend.Reflection written =
                reflection ? new WeekTrend.Reflection(null, List.of(), true, java.time.Instant.EPOCH) : null;
        return new WeekTrend(
                week.toString(),
                week.atDay(MONDAY).toString(),
                week.atDay(SUNDAY).toString(),
                wins.length,
                byArea,
                checkIns.size(),
                mood,
                energy,
                windows,
                checkIns.isEmpty() && wins.length == 0 ? 0 : 1,
                focus,
                winsInFocusArea,
                list,
                written,
                WeekTrend.CLOSING_LINE);
    }

    static WeekTrend week(YearWeek week, List<CheckIn> checkIns, FocusArea... wins) {
        return week(week, checkIns, List.of(), false, wins);
    }

    static WeekTrend quiet(YearWeek week) {
        return week(week, List.of());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
