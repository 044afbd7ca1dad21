package org.smallwins.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.smallwins.contract.FocusArea.BOUNDARIES;
import static org.smallwins.contract.FocusArea.REST;
import static org.smallwins.contract.ToleranceWindow.HYPERAROUSED;
import static org.smallwins.contract.ToleranceWindow.HYPOAROUSED;
import static org.smallwins.contract.ToleranceWindow.WITHIN;
import static org.smallwins.query.patterns.Figures.choice;
import static org.smallwins.query.patterns.Figures.moods;
import static org.smallwins.query.patterns.Figures.quiet;
import static org.smallwins.query.patterns.Figures.week;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.FocusArea;
import org.smallwins.journal.week.Weeks;
import org.smallwins.query.patterns.Figures.CheckIn;
import org.smallwins.query.trends.FocusChoice;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/** The patterns computed from weeks alone: thresholds at their edges, quiet weeks, the focus over time. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatternsTest {

    static final YearWeek W48 = YearWeek.of(2026, 48);

    static List<WeekTrend> quietWeeks(YearWeek last, int count) {
        return Weeks.ending(last, count).stream().map(Figures::quiet).toList();
    }

    static PersonPatterns.Comparison comparison(PersonPatterns patterns, FocusArea area) {
        return patterns.whatSeemsToHelp().stream()
                .filter(c -> c.focusArea().equals(area.name()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_empty_journal_is_twelve_quiet_weeks_of_zeros_and_nothing_else() {
        PersonPatterns patterns = Patterns.of(quietWeeks(W48, 12), List.of());

        assertThat(patterns.weeks()).hasSize(12);
        assertThat(patterns.weeks().get(0).week()).isEqualTo("2026-W37");
        assertThat(patterns.weeks().get(11).week()).isEqualTo("2026-W48");
        assertThat(patterns.weeks().get(11).weekStart()).isEqualTo("2026-11-23");
        assertThat(patterns.weeks().get(11).weekEnd()).isEqualTo("2026-11-29");
        assertThat(patterns.weeks()).allSatisfy(week -> {
            assertThat(week.wins()).isZero();
            assertThat(week.checkIns()).isZero();
            assertThat(week.daysShownUp()).isZero();
            assertThat(week.moodAverage()).isNull();
            assertThat(week.energyAverage()).isNull();
            assertThat(week.shareWithinWindow()).isNull();
            assertThat(week.focusArea()).isNull();
            assertThat(week.winsInFocusArea()).isNull();
            assertThat(week.reflectionWritten()).isFalse();
        });
        assertThat(patterns.hardWeeks()).isEmpty();
        assertThat(patterns.whatSeemsToHelp()).isEmpty();
        assertThat(patterns.focusOverTime()).isEmpty();
    }

    @Test
    void a_week_shows_its_averages_its_share_within_the_window_and_whether_a_reflection_was_written() {
        WeekTrend figures = week(
                W48,
                List.of(new CheckIn(4, 2, WITHIN), new CheckIn(3, 3, HYPOAROUSED), new CheckIn(4, 5, WITHIN)),
                List.of(),
                true,
                REST,
                REST,
                BOUNDARIES);

        PersonPatterns.Week week =
                Patterns.of(List.of(figures), List.of()).weeks().get(0);

        assertThat(week.wins()).isEqualTo(3);
        assertThat(week.checkIns()).isEqualTo(3);
        assertThat(week.daysShownUp()).isEqualTo(1);
        assertThat(week.moodAverage()).isEqualTo(3.67);
        assertThat(week.energyAverage()).isEqualTo(3.33);
        assertThat(week.shareWithinWindow()).isEqualTo(0.67);
        assertThat(week.reflectionWritten()).isTrue();
    }

    @Test
    void a_mood_average_of_exactly_2_5_is_a_hard_week_and_just_above_it_is_not() {
        List<CheckIn> justAbove = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            justAbove.add(Figures.checkIn(i == 1 || i % 2 == 0 ? 3 : 2)); // 251 / 100 = 2.51
        }
        List<WeekTrend> weeks = List.of(
                week(YearWeek.of(2026, 45), moods(2, 3)),
                week(YearWeek.of(2026, 46), moods(2, 3, 3, 2, 3)),
                week(YearWeek.of(2026, 47), justAbove),
                week(W48, moods(1, 4, 2, 3)));

        PersonPatterns patterns = Patterns.of(weeks, List.of());

        assertThat(patterns.weeks().get(2).moodAverage()).isEqualTo(2.51);
        assertThat(patterns.hardWeeks())
                .extracting(PersonPatterns.HardWeek::week)
                .containsExactly("2026-W45", "2026-W48");
        assertThat(patterns.hardWeeks().get(0).moodAverage()).isEqualTo(2.5);
        assertThat(patterns.hardWeeks().get(0).because()).containsExactly(Patterns.LOW_MOOD);
    }

    @Test
    void check_ins_mostly_outside_the_window_make_a_hard_week_and_exactly_half_does_not() {
        WeekTrend half = week(
                YearWeek.of(2026, 47),
                List.of(
                        new CheckIn(4, 3, WITHIN),
                        new CheckIn(4, 3, HYPERAROUSED),
                        new CheckIn(4, 3, WITHIN),
                        new CheckIn(4, 3, HYPOAROUSED)));
        WeekTrend most = week(
                W48,
                List.of(new CheckIn(4, 3, WITHIN), new CheckIn(4, 3, HYPERAROUSED), new CheckIn(4, 3, HYPOAROUSED)),
                REST,
                REST,
                BOUNDARIES);

        PersonPatterns patterns = Patterns.of(List.of(half, most), List.of());

        assertThat(patterns.hardWeeks()).hasSize(1);
        PersonPatterns.HardWeek hard = patterns.hardWeeks().get(0);
        assertThat(hard.week()).isEqualTo("2026-W48");
        assertThat(hard.because()).containsExactly(Patterns.MOSTLY_OUTSIDE_THE_WINDOW);
        assertThat(hard.moodAverage()).isEqualTo(4.0);
        assertThat(hard.shareWithinWindow()).isEqualTo(0.33);
        assertThat(hard.summary()).isEqualTo("3 wins in a heavier week");
        assertThat(hard.winsLogged())
                .extracting(PersonPatterns.Win::id, PersonPatterns.Win::text, PersonPatterns.Win::focusArea)
                .containsExactly(
                        tuple("2026-W48-w0", "Today I noticed 0", "REST"),
                        tuple("2026-W48-w1", "Today I noticed 1", "REST"),
                        tuple("2026-W48-w2", "Today I noticed 2", "BOUNDARIES"));
    }

    @Test
    void a_hard_week_for_both_reasons_names_both_and_one_without_wins_still_counts_the_check_ins() {
        WeekTrend figures = week(W48, List.of(new CheckIn(1, 1, HYPOAROUSED), new CheckIn(2, 1, HYPERAROUSED)));

        PersonPatterns.HardWeek hard =
                Patterns.of(List.of(figures), List.of()).hardWeeks().get(0);

        assertThat(hard.because()).containsExactly(Patterns.LOW_MOOD, Patterns.MOSTLY_OUTSIDE_THE_WINDOW);
        assertThat(hard.winsLogged()).isEmpty();
        assertThat(hard.summary()).isEqualTo("A heavier week, and you still checked in 2 times");
        assertThat(Patterns.of(List.of(week(W48, moods(1), REST)), List.of())
                        .hardWeeks()
                        .get(0)
                        .summary())
                .isEqualTo("1 win in a heavier week");
    }

    @Test
    void a_quiet_week_and_a_week_with_wins_but_no_check_ins_are_never_hard_weeks() {
        PersonPatterns patterns =
                Patterns.of(List.of(quiet(YearWeek.of(2026, 47)), week(W48, List.of(), REST)), List.of());

        assertThat(patterns.hardWeeks()).isEmpty();
        assertThat(patterns.weeks().get(1).wins()).isOne();
        assertThat(patterns.weeks().get(1).moodAverage()).isNull();
    }

    /**
     * {@code many} weeks with check-ins and two boundaries wins, {@code fewer} with one boundaries win and two rest
     * wins, and a last week with three boundaries wins but no check-ins.
     */
    static List<WeekTrend> boundariesWeeks(int many, int fewer) {
        List<WeekTrend> weeks = new ArrayList<>();
        List<YearWeek> range = Weeks.ending(W48, many + fewer + 1);
        for (int i = 0; i < many; i++) {
            weeks.add(week(range.get(i), moods(4, 4), BOUNDARIES, BOUNDARIES));
        }
        for (int i = 0; i < fewer; i++) {
            weeks.add(week(range.get(many + i), moods(3, 2), BOUNDARIES, REST, REST));
        }
        // a week with many boundaries wins but no check-ins: it has no mood to compare and is not counted
        weeks.add(week(range.get(many + fewer), List.of(), BOUNDARIES, BOUNDARIES, BOUNDARIES));
        return weeks;
    }

    @Test
    void what_seems_to_help_is_shown_with_exactly_three_weeks_on_each_side_and_claims_no_cause() {
        PersonPatterns.Comparison boundaries = comparison(Patterns.of(boundariesWeeks(3, 3), List.of()), BOUNDARIES);

        assertThat(boundaries.shown()).isTrue();
        assertThat(boundaries.withTwoOrMoreWins().weeks()).isEqualTo(3);
        assertThat(boundaries.withTwoOrMoreWins().moodAverage()).isEqualTo(4.0);
        assertThat(boundaries.withTwoOrMoreWins().moreWeeksNeeded()).isZero();
        assertThat(boundaries.withFewerWins().weeks()).isEqualTo(3);
        assertThat(boundaries.withFewerWins().moodAverage()).isEqualTo(2.5);
        assertThat(boundaries.sentence())
                .isEqualTo("Weeks with 2 or more boundaries wins had a mood average of 4.0; weeks with fewer had 2.5."
                        + " This compares your own weeks and does not say why.");
    }

    @Test
    void with_two_weeks_on_a_side_nothing_is_compared_and_it_says_how_many_more_weeks_each_side_needs() {
        PersonPatterns.Comparison boundaries = comparison(Patterns.of(boundariesWeeks(3, 2), List.of()), BOUNDARIES);

        assertThat(boundaries.shown()).isFalse();
        assertThat(boundaries.withTwoOrMoreWins().moodAverage()).isNull();
        assertThat(boundaries.withFewerWins().moodAverage()).isNull();
        assertThat(boundaries.withTwoOrMoreWins().moreWeeksNeeded()).isZero();
        assertThat(boundaries.withFewerWins().weeks()).isEqualTo(2);
        assertThat(boundaries.withFewerWins().moreWeeksNeeded()).isOne();
        assertThat(boundaries.sentence())
                .isEqualTo("A comparison for boundaries appears after 1 more week with check-ins and fewer boundaries"
                        + " wins.");

        PersonPatterns.Comparison rest = comparison(Patterns.of(boundariesWeeks(3, 2), List.of()), REST);
        // for rest the sides swap: the weeks with one boundaries win have two rest wins
        assertThat(rest.withTwoOrMoreWins().weeks()).isEqualTo(2);
        assertThat(rest.withTwoOrMoreWins().moreWeeksNeeded()).isOne();
        assertThat(rest.withFewerWins().weeks()).isEqualTo(3);
        assertThat(comparison(Patterns.of(boundariesWeeks(1, 0), List.of()), BOUNDARIES)
                        .sentence())
                .isEqualTo("A comparison for boundaries appears after 2 more weeks with check-ins and 2 or more"
                        + " boundaries wins and 3 more weeks with check-ins and fewer boundaries wins.");
    }

    @Test
    void a_focus_area_without_wins_is_compared_too_and_areas_come_in_the_vocabulary_order() {
        List<FocusChoice> choices =
                List.of(choice(1, YearWeek.of(2026, 47), FocusArea.SELF_COMPASSION, "CONTEMPLATION"));

        PersonPatterns patterns = Patterns.of(List.of(week(W48, moods(3), choices, false, BOUNDARIES, REST)), choices);

        assertThat(patterns.whatSeemsToHelp())
                .extracting(PersonPatterns.Comparison::focusArea)
                .containsExactly("REST", "BOUNDARIES", "SELF_COMPASSION");
        assertThat(comparison(patterns, FocusArea.SELF_COMPASSION).sentence()).contains("self-compassion");
    }

    @Test
    void each_week_shows_the_focus_current_at_its_end_and_every_choice_is_listed_with_its_week() {
        List<FocusChoice> choices = List.of(
                choice(3, YearWeek.of(2026, 46), REST, "PRECONTEMPLATION"),
                choice(4, YearWeek.of(2026, 46), BOUNDARIES, "CONTEMPLATION"),
                choice(9, W48, BOUNDARIES, "ACTION"));
        List<WeekTrend> weeks = List.of(
                week(YearWeek.of(2026, 45), moods(3), choices, false, BOUNDARIES),
                week(YearWeek.of(2026, 46), moods(3), choices, false, BOUNDARIES, REST),
                week(YearWeek.of(2026, 47), List.of(), choices, false),
                week(W48, moods(3), choices, false, BOUNDARIES, BOUNDARIES, REST));

        PersonPatterns patterns = Patterns.of(weeks, choices);

        assertThat(patterns.weeks())
                .extracting(
                        PersonPatterns.Week::focusArea,
                        PersonPatterns.Week::stage,
                        PersonPatterns.Week::winsInFocusArea)
                .containsExactly(
                        tuple(null, null, null),
                        tuple("BOUNDARIES", "CONTEMPLATION", 1),
                        tuple("BOUNDARIES", "CONTEMPLATION", 0),
                        tuple("BOUNDARIES", "ACTION", 2));
        assertThat(patterns.focusOverTime())
                .containsExactly(
                        new PersonPatterns.Focus("2026-W46", "REST", "PRECONTEMPLATION"),
                        new PersonPatterns.Focus("2026-W46", "BOUNDARIES", "CONTEMPLATION"),
                        new PersonPatterns.Focus("2026-W48", "BOUNDARIES", "ACTION"));
    }

    @Test
    void the_focus_over_time_starts_with_the_choice_current_before_the_range_and_leaves_out_older_ones() {
        List<FocusChoice> choices = List.of(
                choice(1, YearWeek.of(2026, 30), REST, "PREPARATION"),
                choice(2, YearWeek.of(2026, 40), BOUNDARIES, "ACTION"),
                choice(3, W48, BOUNDARIES, "MAINTENANCE"));

        PersonPatterns patterns = Patterns.of(quietWeeks(W48, 4), choices);

        assertThat(patterns.focusOverTime())
                .containsExactly(
                        new PersonPatterns.Focus("2026-W40", "BOUNDARIES", "ACTION"),
                        new PersonPatterns.Focus("2026-W48", "BOUNDARIES", "MAINTENANCE"));
    }

    @Test
    void one_hundred_and_four_weeks_across_a_53_week_year_are_all_there_oldest_first() {
        YearWeek last = YearWeek.of(2027, 30);
        List<YearWeek> range = Weeks.ending(last, 104);
        List<FocusChoice> choices = List.of(choice(1, range.get(10), BOUNDARIES, "CONTEMPLATION"));
        List<WeekTrend> weeks = new ArrayList<>();
        for (int i = 0; i < range.size(); i++) {
            // every fourth week is heavier; boundaries wins twice in every third week
            weeks.add(week(
                    range.get(i),
                    i % 4 == 0 ? moods(2, 2) : moods(4, 3),
                    choices,
                    i % 5 == 0,
                    i % 3 == 0 ? new FocusArea[] {BOUNDARIES, BOUNDARIES} : new FocusArea[] {REST}));
        }

        PersonPatterns patterns = Patterns.of(weeks, choices);

        assertThat(patterns.weeks()).hasSize(104);
        assertThat(patterns.weeks()).extracting(PersonPatterns.Week::week).contains("2026-W53");
        assertThat(patterns.weeks().get(0).week()).isEqualTo(range.get(0).toString());
        assertThat(patterns.weeks().get(103).week()).isEqualTo("2027-W30");
        assertThat(patterns.weeks())
                .filteredOn(PersonPatterns.Week::reflectionWritten)
                .hasSize(21);
        assertThat(patterns.hardWeeks()).hasSize(26);
        PersonPatterns.Comparison boundaries = comparison(patterns, BOUNDARIES);
        assertThat(boundaries.shown()).isTrue();
        assertThat(boundaries.withTwoOrMoreWins().weeks()).isEqualTo(35);
        assertThat(boundaries.withFewerWins().weeks()).isEqualTo(69);
        assertThat(patterns.weeks().get(9).focusArea()).isNull();
        assertThat(patterns.weeks().get(10).focusArea()).isEqualTo("BOUNDARIES");
        assertThat(patterns.focusOverTime()).hasSize(1);
    }
}
