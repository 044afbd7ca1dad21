package org.smallwins.query.patterns;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smallwins.contract.FocusArea;
import org.threeten.extra.YearWeek;

/**
 * A person's patterns, computed from their week figures and their focus choices alone: no store, no clock, no web.
 *
 * <ul>
 *   <li>A <b>hard week</b> has check-ins and a mood average of 2.5 or lower, or more than half of its check-ins outside
 *       the window of tolerance. Both are decided on the exact sums ({@code 2 × moodSum ≤ 5 × checkIns}), not on the
 *       rounded average shown. A quiet week is never a hard week: it has nothing to say about how the week felt.
 *   <li><b>What seems to help</b>: for each focus area the person logged a win in, or chose, during the range, the
 *       weeks with check-ins are split into weeks with at least {@value #MANY_WINS} wins in that area and weeks with
 *       fewer; each side's mean of weekly mood averages is shown only when both sides have at least
 *       {@value #ENOUGH_WEEKS} weeks, otherwise each side says how many more weeks it needs. The sentence compares
 *       weeks of the same person and claims no cause.
 *   <li>The <b>focus area</b> of a week is the last choice made in that week or before; a week before the first choice
 *       has none.
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

    private Patterns() {}

    /**
     * The patterns of the given weeks.
     *
     * @param weeks consecutive weeks, oldest first (quiet ones as {@link WeekFigures#quiet(YearWeek)})
     * @param choices every focus choice of the person, in the order made (earlier and later ones are fine)
     */
    public static PersonPatterns of(List<WeekFigures> weeks, List<FocusChoice> choices) {
        List<PersonPatterns.Week> shown = new ArrayList<>(weeks.size());
        List<PersonPatterns.HardWeek> hard = new ArrayList<>();
        Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
        for (WeekFigures week : weeks) {
            FocusChoice focus = focusAtEndOf(week.week(), choices);
            shown.add(week(week, focus));
            hardWeek(week).ifPresent(hard::add);
            week.wins().forEach(win -> areas.add(win.focusArea()));
            if (focus != null) {
                areas.add(focus.area());
            }
        }
        List<PersonPatterns.Comparison> comparisons = new ArrayList<>();
        for (FocusArea area : areas) {
            comparisons.add(compare(area, weeks));
        }
        return new PersonPatterns(
                List.copyOf(shown), List.copyOf(hard), List.copyOf(comparisons), focusOverTime(weeks, choices));
    }

    /** The choice current at the end of {@code week}: the last made in it or before; null before the first. */
    static FocusChoice focusAtEndOf(YearWeek week, List<FocusChoice> choices) {
        FocusChoice current = null;
        for (FocusChoice choice : choices) {
            if (!choice.week().isAfter(week)) {
                current = choice;
            }
        }
        return current;
    }

    private static PersonPatterns.Week week(WeekFigures week, FocusChoice focus) {
        int checkIns = week.checkIns();
        return new PersonPatterns.Week(
                week.week().toString(),
                week.week().atDay(MONDAY).toString(),
                week.week().atDay(SUNDAY).toString(),
                week.winCount(),
                focus == null ? null : focus.area().name(),
                focus == null ? null : focus.stage(),
                focus == null ? null : week.winsIn(focus.area()),
                week.daysShownUp(),
                checkIns,
                checkIns == 0 ? null : round(week.moodSum() / (double) checkIns),
                checkIns == 0 ? null : round(week.energySum() / (double) checkIns),
                checkIns == 0 ? null : round(week.checkInsWithinWindow() / (double) checkIns),
                week.reflectionWritten());
    }

    static Optional<PersonPatterns.HardWeek> hardWeek(WeekFigures week) {
        int checkIns = week.checkIns();
        if (checkIns == 0) {
            return Optional.empty();
        }
        List<String> because = new ArrayList<>(2);
        if (2L * week.moodSum() <= 5L * checkIns) {
            because.add(LOW_MOOD);
        }
        if (2L * (checkIns - week.checkInsWithinWindow()) > checkIns) {
            because.add(MOSTLY_OUTSIDE_THE_WINDOW);
        }
        if (because.isEmpty()) {
            return Optional.empty();
        }
        List<PersonPatterns.Win> wins = week.wins().stream()
                .map(win -> new PersonPatterns.Win(
                        win.id(), win.day(), win.text(), win.focusArea().name()))
                .toList();
        return Optional.of(new PersonPatterns.HardWeek(
                week.week().toString(),
                round(week.moodSum() / (double) checkIns),
                round(week.checkInsWithinWindow() / (double) checkIns),
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

    static PersonPatterns.Comparison compare(FocusArea area, List<WeekFigures> weeks) {
        int many = 0;
        int fewer = 0;
        double manySum = 0;
        double fewerSum = 0;
        for (WeekFigures week : weeks) {
            if (week.checkIns() == 0) {
                continue;
            }
            double mood = week.moodSum() / (double) week.checkIns();
            if (week.winsIn(area) >= MANY_WINS) {
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
    static List<PersonPatterns.Focus> focusOverTime(List<WeekFigures> weeks, List<FocusChoice> choices) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        YearWeek first = weeks.get(0).week();
        YearWeek last = weeks.get(weeks.size() - 1).week();
        List<PersonPatterns.Focus> over = new ArrayList<>();
        FocusChoice before = null;
        for (FocusChoice choice : choices) {
            if (choice.week().isBefore(first)) {
                before = choice;
            }
        }
        if (before != null) {
            over.add(focus(before));
        }
        choices.stream()
                .filter(choice ->
                        !choice.week().isBefore(first) && !choice.week().isAfter(last))
                .map(Patterns::focus)
                .forEach(over::add);
        return List.copyOf(over);
    }

    private static PersonPatterns.Focus focus(FocusChoice choice) {
        return new PersonPatterns.Focus(choice.week().toString(), choice.area().name(), choice.stage());
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
