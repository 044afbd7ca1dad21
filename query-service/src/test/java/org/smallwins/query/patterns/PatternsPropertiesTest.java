package org.smallwins.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.week.Weeks;
import org.smallwins.query.trends.FocusChoice;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/**
 * Property-based: for any run of weeks (quiet ones, heavier ones, 1 to 104 of them), the patterns say exactly what the
 * rules say, compared with a plain restatement of each rule, and never use a word the product avoids.
 */
class PatternsPropertiesTest {

    static final List<String> AVOIDED = List.of("missed", "failed", "fail", "streak", "broken", "grade", "behind");
    static final FocusArea[] AREAS = {FocusArea.REST, FocusArea.BOUNDARIES, FocusArea.SELF_COMPASSION};

    record CheckIn(int mood, int energy, ToleranceWindow window) {

        boolean within() {
            return window == ToleranceWindow.WITHIN;
        }
    }

    record Raw(List<CheckIn> checkIns, List<FocusArea> wins, boolean reflection) {}

    @Provide
    Arbitrary<List<Raw>> weeks() {
        Arbitrary<CheckIn> checkIn = Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.of(ToleranceWindow.class))
                .as(CheckIn::new);
        Arbitrary<Raw> week = Combinators.combine(
                        checkIn.list().ofMaxSize(6),
                        Arbitraries.of(AREAS).list().ofMaxSize(5),
                        Arbitraries.of(true, false))
                .as(Raw::new);
        return week.list().ofMinSize(1).ofMaxSize(104);
    }

    @Provide
    Arbitrary<List<FocusChoice>> choices() {
        return Combinators.combine(
                        Arbitraries.integers().between(-20, 110),
                        Arbitraries.of(AREAS),
                        Arbitraries.of("PRECONTEMPLATION", "CONTEMPLATION", "PREPARATION", "ACTION", "MAINTENANCE"))
                .as((offset, area, stage) -> new Object[] {START.plusWeeks(offset), area, stage})
                .list()
                .ofMaxSize(6)
                .map(list -> {
                    List<Object[]> sorted = list.stream()
                            .sorted(Comparator.comparing(c -> (YearWeek) c[0]))
                            .toList();
                    List<FocusChoice> choices = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        choices.add(Figures.choice(
                                i + 1, (YearWeek) sorted.get(i)[0], (FocusArea) sorted.get(i)[1], (String)
                                        sorted.get(i)[2]));
                    }
                    return choices;
                });
    }

    static final YearWeek START = YearWeek.of(2025, 40);

    static List<WeekTrend> figures(List<Raw> raw, List<FocusChoice> choices) {
        List<YearWeek> range = Weeks.ending(START.plusWeeks(raw.size() - 1L), raw.size());
        List<WeekTrend> weeks = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.get(i);
            weeks.add(Figures.week(
                    range.get(i),
                    r.checkIns().stream()
                            .map(c -> new Figures.CheckIn(c.mood(), c.energy(), c.window()))
                            .toList(),
                    choices,
                    r.reflection(),
                    r.wins().toArray(FocusArea[]::new)));
        }
        return weeks;
    }

    @Property(tries = 300)
    void hard_weeks_are_exactly_the_weeks_with_a_low_mood_or_mostly_outside_the_window_with_their_wins(
            @ForAll("weeks") List<Raw> raw) {
        List<WeekTrend> weeks = figures(raw, List.of());
        PersonPatterns patterns = Patterns.of(weeks, List.of());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<CheckIn> checkIns = raw.get(i).checkIns();
            if (checkIns.isEmpty()) {
                continue;
            }
            double mood = checkIns.stream().mapToInt(CheckIn::mood).average().orElseThrow();
            long outside = checkIns.stream().filter(c -> !c.within()).count();
            if (mood <= 2.5 || outside > checkIns.size() / 2.0) {
                expected.add(weeks.get(i).week());
            }
        }
        assertThat(patterns.hardWeeks())
                .extracting(PersonPatterns.HardWeek::week)
                .containsExactlyElementsOf(expected);
        for (PersonPatterns.HardWeek hard : patterns.hardWeeks()) {
            WeekTrend week = weeks.stream()
                    .filter(w -> w.week().equals(hard.week()))
                    .findFirst()
                    .orElseThrow();
            assertThat(hard.winsLogged())
                    .extracting(PersonPatterns.Win::id, PersonPatterns.Win::text)
                    .containsExactlyElementsOf(week.winsOfTheWeek().stream()
                            .map(win -> org.assertj.core.groups.Tuple.tuple(win.id(), win.text()))
                            .toList());
            assertThat(hard.because()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void every_week_is_there_oldest_first_and_a_week_without_check_ins_has_no_averages(
            @ForAll("weeks") List<Raw> raw, @ForAll("choices") List<FocusChoice> choices) {
        List<WeekTrend> weeks = figures(raw, choices);
        PersonPatterns patterns = Patterns.of(weeks, choices);

        assertThat(patterns.weeks()).hasSize(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            PersonPatterns.Week week = patterns.weeks().get(i);
            assertThat(week.week()).isEqualTo(weeks.get(i).week());
            assertThat(week.wins()).isEqualTo(raw.get(i).wins().size());
            assertThat(week.checkIns()).isEqualTo(raw.get(i).checkIns().size());
            assertThat(week.reflectionWritten()).isEqualTo(raw.get(i).reflection());
            if (raw.get(i).checkIns().isEmpty()) {
                assertThat(week.moodAverage()).isNull();
                assertThat(week.energyAverage()).isNull();
                assertThat(week.shareWithinWindow()).isNull();
            } else {
                assertThat(week.moodAverage()).isBetween(1.0, 5.0);
                assertThat(week.shareWithinWindow()).isBetween(0.0, 1.0);
            }
            YearWeek w = YearWeek.parse(weeks.get(i).week());
            List<FocusChoice> madeByThen = choices.stream()
                    .filter(c -> !YearWeek.parse(c.week()).isAfter(w))
                    .toList();
            if (madeByThen.isEmpty()) {
                assertThat(week.focusArea()).isNull();
                assertThat(week.stage()).isNull();
                assertThat(week.winsInFocusArea()).isNull();
            } else {
                FocusChoice current = madeByThen.get(madeByThen.size() - 1);
                assertThat(week.focusArea()).isEqualTo(current.area());
                assertThat(week.stage()).isEqualTo(current.stage());
                assertThat(week.winsInFocusArea()).isEqualTo((int) raw.get(i).wins().stream()
                        .filter(area -> area.name().equals(current.area()))
                        .count());
            }
        }
    }

    @Property(tries = 300)
    void what_seems_to_help_is_shown_exactly_when_each_side_has_three_weeks_with_check_ins(
            @ForAll("weeks") List<Raw> raw) {
        PersonPatterns patterns = Patterns.of(figures(raw, List.of()), List.of());

        for (PersonPatterns.Comparison comparison : patterns.whatSeemsToHelp()) {
            FocusArea area = FocusArea.valueOf(comparison.focusArea());
            List<Raw> withCheckIns =
                    raw.stream().filter(r -> !r.checkIns().isEmpty()).toList();
            List<Raw> many = withCheckIns.stream()
                    .filter(r -> r.wins().stream().filter(area::equals).count() >= 2)
                    .toList();
            int fewer = withCheckIns.size() - many.size();
            assertThat(comparison.withTwoOrMoreWins().weeks()).isEqualTo(many.size());
            assertThat(comparison.withFewerWins().weeks()).isEqualTo(fewer);
            assertThat(comparison.shown()).isEqualTo(many.size() >= 3 && fewer >= 3);
            assertThat(comparison.withTwoOrMoreWins().moreWeeksNeeded()).isEqualTo(Math.max(0, 3 - many.size()));
            assertThat(comparison.withFewerWins().moreWeeksNeeded()).isEqualTo(Math.max(0, 3 - fewer));
            if (comparison.shown()) {
                // the mean of the weekly averages as each week shows them (two decimals), to two decimals
                double expected = Math.round(many.stream()
                                        .mapToDouble(r -> Math.round(r.checkIns().stream()
                                                                .mapToInt(CheckIn::mood)
                                                                .average()
                                                                .orElseThrow()
                                                        * 100)
                                                / 100.0)
                                        .average()
                                        .orElseThrow()
                                * 100)
                        / 100.0;
                assertThat(comparison.withTwoOrMoreWins().moodAverage()).isEqualTo(expected);
                assertThat(comparison.sentence()).startsWith("Weeks with 2 or more");
            } else {
                assertThat(comparison.withTwoOrMoreWins().moodAverage()).isNull();
                assertThat(comparison.withFewerWins().moodAverage()).isNull();
            }
        }
        assertThat(patterns.whatSeemsToHelp())
                .extracting(PersonPatterns.Comparison::focusArea)
                .containsExactlyElementsOf(Stream.of(AREAS)
                        .filter(a -> raw.stream().anyMatch(r -> r.wins().contains(a)))
                        .map(Enum::name)
                        .toList());
    }

    @Property(tries = 300)
    void no_word_the_product_avoids_appears_in_anything_the_patterns_say(
            @ForAll("weeks") List<Raw> raw, @ForAll("choices") List<FocusChoice> choices) {
        PersonPatterns patterns = Patterns.of(figures(raw, choices), choices);

        List<String> said = new ArrayList<>();
        patterns.hardWeeks().forEach(h -> {
            said.add(h.summary());
            said.addAll(h.because());
        });
        patterns.whatSeemsToHelp().forEach(c -> said.add(c.sentence()));
        for (String sentence : said) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            assertThat(AVOIDED).noneMatch(lower::contains);
            assertThat(lower)
                    .doesNotContain("because of")
                    .doesNotContain("causes")
                    .doesNotContain("leads to");
        }
    }
}
