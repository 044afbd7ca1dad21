package org.smallwins.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What the two charts draw and say, from the services' answers. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartsTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    static Api.Entry checkIn(String day, int mood, int energy, String window) {
        return new Api.Entry(
                "c-" + day + mood, "CHECK_IN", day, null, null, new Api.CheckIn(mood, energy, window, null));
    }

    @Test
    void the_week_chart_draws_each_day_with_check_ins_and_leaves_the_others_blank() {
        // newest first, as the timeline answers
        WeekChart chart = WeekChart.of(
                MONDAY,
                List.of(
                        checkIn("2026-11-25", 4, 4, "WITHIN"),
                        checkIn("2026-11-25", 2, 1, "HYPERAROUSED"),
                        checkIn("2026-11-23", 3, 2, "HYPOAROUSED")));

        assertThat(chart.empty()).isFalse();
        assertThat(chart.days())
                .extracting(WeekChart.Day::shortName)
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        WeekChart.Day wednesday = chart.days().get(2);
        assertThat(wednesday.mood()).isEqualTo(3.0);
        assertThat(wednesday.energy()).isEqualTo(2.5);
        assertThat(wednesday.window()).isEqualTo("overwhelmed, then within my window");
        assertThat(wednesday.windowClass()).isEqualTo("window-within");
        assertThat(chart.days().get(1).mood()).isNull();
        assertThat(chart.days().get(1).window()).isEmpty();
        assertThat(chart.moodLine().split(" ")).hasSize(2);
        assertThat(WeekChart.y(5)).isLessThan(WeekChart.y(1));
    }

    @Test
    void a_week_without_check_ins_is_an_empty_chart_not_a_low_one() {
        assertThat(WeekChart.of(MONDAY, List.of()).empty()).isTrue();
    }

    @Test
    void a_quiet_week_is_a_calm_visible_bar_that_says_a_quiet_week() {
        WeeksChart chart = WeeksChart.of(List.of(
                new Api.Week(
                        "2026-W47",
                        "2026-11-16",
                        "2026-11-22",
                        0,
                        Map.of(),
                        0,
                        null,
                        null,
                        Map.of(),
                        0,
                        null,
                        null,
                        null,
                        null,
                        null),
                new Api.Week(
                        "2026-W48",
                        "2026-11-23",
                        "2026-11-29",
                        3,
                        Map.of(),
                        1,
                        null,
                        null,
                        Map.of(),
                        2,
                        null,
                        null,
                        null,
                        null,
                        null)));

        assertThat(chart.bars())
                .extracting(WeeksChart.Bar::words)
                .containsExactly("a quiet week", "showed up on 2 days, 3 wins");
        assertThat(chart.bars().get(0).height()).isPositive();
        assertThat(chart.bars())
                .extracting(WeeksChart.Bar::words)
                .noneMatch(w -> w.contains("missed") || w.contains("failed"));
    }
}
