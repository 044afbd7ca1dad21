package org.smallwins.query.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.query.trends.FocusChoice;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/**
 * A person's patterns, computed from their weeks (as the week view shows each) and their focus choices alone: no store,
 * no clock, no web.
 *
 * <ul>
 *   <li>A <b>hard week</b> has check-ins and a mood average of 2.5 or lower (the average as the week shows it, to two
 *       decimals; the same as the exact average for any week of fewer than 100 check-ins), or more than half of its
 *       check-ins outside the window of tolerance (counted exactly). A quiet week is never a hard week: it has nothing
 *       to say about how the week felt.
 *   <li><b>What seems to help</b>: for each focus area the person logged a win in, or had as their focus, during the
 *       range, the weeks with check-ins are split into weeks with at least {@value #MANY_WINS} wins in that area and
 *       weeks with fewer; each side's mean of weekly mood averages (each as its week shows it, to two decimals; the mean
 *       to two decimals too) is shown only when both sides have at least
 *       {@value #ENOUGH_WEEKS} weeks, otherwise each side says how many more weeks it needs. The sentence compares
 *       weeks of the same person and claims no cause.
 *   <li>The <b>focus area</b> of a week is the one current at its end ({@link FocusChoice#currentAt}), as the week view
 *       shows it; the focus over time lists the choice current when the range starts and every choice made in it.
 * </ul>
 */
public final class Patterns {

    /** Why a week is a hard week: its mood average is 2.5 or lower. */
    public static final String LOW_MOOD = "MOOD_AVERAGE_2_5_OR_LOWER";
    /** Why a week is a hard week: more than half of its check-ins were outside the window of tolerance. */
    public static final String MOSTLY_OUTSIDE_THE_WINDOW = "CHECK_INS_MOSTLY_OUTSIDE_THE_WINDOW";
    /** Wins in an area that put a week on the "two or more" side. */
    public static final int MANY_WINS = 2;
    /** Weeks with check-ins each side needs before a comparison is shown. */
    public static final int ENOUGH_WEEKS = 3;
    /** A mood average at or below this makes a hard week. */
    public static final double LOW_MOOD_AVERAGE = 2.5;

    private static final String WITHIN = ToleranceWindow.WITHIN.name();

    private Patterns() {}

    /**
     * The patterns of the given weeks.
     *
     * @param weeks consecutive weeks, oldest first, each with its wins ({@link WeekTrend#winsOfTheWeek()}; quiet ones
     *     as zeros)
     * @param choices every focus choice of the person, oldest first (earlier and later ones than the weeks are fine)
     */
    public static PersonPatterns of(List<WeekTrend> weeks, List<FocusChoice> choices) {
        List<PersonPatterns.Week> shown = new ArrayList<>(weeks.size());
        List<PersonPatterns.HardWeek> hard = new ArrayList<>();
        Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
        for (WeekTrend week : weeks) {
            shown.add(week(week));
            hardWeek(week).ifPresent(hard::add);
            wins(week).forEach(win -> areas.add(FocusArea.valueOf(win.focusArea())));
            if (week.focus() != null) {
                areas.add(FocusArea.valueOf(week.focus().area()));
            }
        }
        List<PersonPatterns.Comparison> comparisons = new ArrayList<>();
        for (FocusArea area : areas) {
            comparisons.add(compare(area, weeks));
        }
        return new PersonPatterns(
                List.copyOf(shown), List.copyOf(hard), List.copyOf(comparisons), focusOverTime(weeks, choices));
    }

    private static List<WeekTrend.Win> wins(WeekTrend week) {
        return week.winsOfTheWeek() == null ? List.of() : week.winsOfTheWeek();
    }

    private static int within(WeekTrend week) {
        return week.windowOfTolerance() == null ? 0 : week.windowOfTolerance().getOrDefault(WITHIN, 0);
    }

    private static Double moodAverage(WeekTrend week) {
        return week.checkIns() == 0 || week.mood() == null ? null : week.mood().average();
    }

    private static int winsIn(WeekTrend week, FocusArea area) {
        return (int) wins(week).stream()
                .filter(win -> area.name().equals(win.focusArea()))
                .count();
    }

    private static PersonPatterns.Week week(WeekTrend week) {
        int checkIns = week.checkIns();
        return new PersonPatterns.Week(
                week.week(),
                week.weekStart(),
                week.weekEnd(),
                week.wins(),
                week.focus() == null ? null : week.focus().area(),
                week.focus() == null ? null : week.focus().stage(),
                week.focus() == null ? null : week.winsInFocusArea(),
                week.daysShownUp(),
                checkIns,
                moodAverage(week),
                checkIns == 0 ? null : week.energyAverage(),
                checkIns == 0 ? null : round(within(week) / (double) checkIns),
                week.reflection() != null);
    }

    static Optional<PersonPatterns.HardWeek> hardWeek(WeekTrend week) {
        int checkIns = week.checkIns();
        Double mood = moodAverage(week);
        if (checkIns == 0 || mood == null) {
            return Optional.empty();
        }
        List<String> because = new ArrayList<>(2);
        if (mood <= LOW_MOOD_AVERAGE) {
            because.add(LOW_MOOD);
        }
        if (2L * (checkIns - within(week)) > checkIns) {
            because.add(MOSTLY_OUTSIDE_THE_WINDOW);
        }
        if (because.isEmpty()) {
            return Optional.empty();
        }
        List<PersonPatterns.Win> wins = wins(week).stream()
                .map(win -> new PersonPatterns.Win(win.id(), win.day(), win.text(), win.focusArea()))
                .toList();
        return Optional.of(new PersonPatterns.HardWeek(
                week.week(),
                mood,
                round(within(week) / (double) checkIns),
                List.copyOf(because),
                wins,
                heavierWeek(wins.size(), checkIns)));
    }

    private static String heavierWeek(int wins, int checkIns) {
        if (wins > 0) {
            return wins + (wins == 1 ? " win" : " wins") + " in a heavier week";
        }
        return "A heavier week, and you still checked in " + (checkIns == 1 ? "once" : checkIns + " times");
    }

    static PersonPatterns.Comparison compare(FocusArea area, List<WeekTrend> weeks) {
        int many = 0;
        int fewer = 0;
        double manySum = 0;
        double fewerSum = 0;
        for (WeekTrend week : weeks) {
            Double mood = moodAverage(week);
            if (mood == null) {
                continue;
            }
            if (winsIn(week, area) >= MANY_WINS) {
                many++;
                manySum += mood;
            } else {
                fewer++;
                fewerSum += mood;
            }
        }
        String name = words(area);
        if (many >= ENOUGH_WEEKS && fewer >= ENOUGH_WEEKS) {
            double withMany = round(manySum / many);
            double withFewer = round(fewerSum / fewer);
            return new PersonPatterns.Comparison(
                    area.name(),
                    true,
                    new PersonPatterns.Side(many, withMany, 0),
                    new PersonPatterns.Side(fewer, withFewer, 0),
                    "Weeks with %d or more %s wins had a mood average of %s; weeks with fewer had %s. This compares your own weeks and does not say why."
                            .formatted(MANY_WINS, name, decimal(withMany), decimal(withFewer)));
        }
        int manyNeeded = Math.max(0, ENOUGH_WEEKS - many);
        int fewerNeeded = Math.max(0, ENOUGH_WEEKS - fewer);
        List<String> needs = new ArrayList<>(2);
        if (manyNeeded > 0) {
            needs.add("%d more %s with check-ins and %d or more %s wins"
                    .formatted(manyNeeded, manyNeeded == 1 ? "week" : "weeks", MANY_WINS, name));
        }
        if (fewerNeeded > 0) {
            needs.add("%d more %s with check-ins and fewer %s wins"
                    .formatted(fewerNeeded, fewerNeeded == 1 ? "week" : "weeks", name));
        }
        return new PersonPatterns.Comparison(
                area.name(),
                false,
                new PersonPatterns.Side(many, null, manyNeeded),
                new PersonPatterns.Side(fewer, null, fewerNeeded),
                "A comparison for " + name + " appears after " + String.join(" and ", needs) + ".");
    }

    /**
     * The choice current when the range starts (made before its first week), then every choice made during it, each
     * with the week it was made in.
     */
    static List<PersonPatterns.Focus> focusOverTime(List<WeekTrend> weeks, List<FocusChoice> choices) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        YearWeek first = YearWeek.parse(weeks.get(0).week());
        YearWeek last = YearWeek.parse(weeks.get(weeks.size() - 1).week());
        List<PersonPatterns.Focus> over = new ArrayList<>();
        FocusChoice.currentAt(choices, first.minusWeeks(1)).map(Patterns::focus).ifPresent(over::add);
        choices.stream()
                .filter(choice -> {
                    YearWeek week = YearWeek.parse(choice.week());
                    return !week.isBefore(first) && !week.isAfter(last);
                })
                .sorted(Comparator.comparingLong(FocusChoice::sequence))
                .map(Patterns::focus)
                .forEach(over::add);
        return List.copyOf(over);
    }

    private static PersonPatterns.Focus focus(FocusChoice choice) {
        return new PersonPatterns.Focus(choice.week(), choice.area(), choice.stage());
    }

    /** An area as said in a sentence: {@code SELF_COMPASSION} → "self-compassion". */
    static String words(FocusArea area) {
        return switch (area) {
            case SELF_COMPASSION -> "self-compassion";
            default -> area.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String decimal(double value) {
        return String.valueOf(value); // already rounded to 2 decimals: 3.4, 2.75, 3.0
    }
}
