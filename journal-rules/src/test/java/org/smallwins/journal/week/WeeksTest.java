package org.smallwins.journal.week;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.YearWeek;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WeeksTest {

    @Test
    void a_week_id_is_read_and_written_in_the_apis_form() {
        YearWeek week = Weeks.parse("2026-W48");

        assertThat(week).isEqualTo(YearWeek.of(2026, 48));
        assertThat(week.toString()).isEqualTo("2026-W48");
        assertThat(Weeks.parse("2026-W05").toString()).isEqualTo("2026-W05");
    }

    @Test
    void a_week_runs_from_monday_to_sunday() {
        YearWeek week = Weeks.parse("2026-W48");

        assertThat(week.atDay(MONDAY)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.atDay(SUNDAY)).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void the_53rd_week_exists_only_in_years_that_have_one_and_may_end_in_the_next_calendar_year() {
        YearWeek week53 = Weeks.parse("2026-W53");

        assertThat(week53.atDay(MONDAY)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(week53.atDay(SUNDAY)).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(YearWeek.from(LocalDate.of(2027, 1, 1))).isEqualTo(week53);
        assertThat(YearWeek.from(LocalDate.of(2024, 12, 30))).hasToString("2025-W01");
        assertThatThrownBy(() -> Weeks.parse("2025-W53")).isInstanceOf(Weeks.NotAWeekException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "2026-48",
                "2026-W5",
                "26-W48",
                "2026-W00",
                "2026-W54",
                "2026-w48",
                "+2026-W48",
                " 2026-W48",
                "2026-W48 ",
                "2026-W48-1",
                "2026-11-23",
                "current-ish",
                "２０２６-W48"
            })
    void anything_else_is_refused_by_a_named_rule_without_repeating_the_text(String text) {
        assertThatThrownBy(() -> Weeks.parse(text)).isInstanceOfSatisfying(Weeks.NotAWeekException.class, e -> {
            assertThat(e.rule()).isEqualTo("format");
            if (text != null && !text.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(text.strip());
            }
        });
    }

    @Test
    void current_names_this_week_and_asks_for_it_only_then() {
        YearWeek thisWeek = YearWeek.of(2026, 49);

        assertThat(Weeks.named("current", () -> thisWeek)).isEqualTo(thisWeek);
        assertThat(Weeks.named("2026-W10", () -> {
                    throw new AssertionError("this week was not asked for");
                }))
                .isEqualTo(YearWeek.of(2026, 10));
        assertThatThrownBy(() -> Weeks.named("CURRENT", () -> thisWeek)).isInstanceOf(Weeks.NotAWeekException.class);
    }

    @Test
    void this_week_is_the_week_of_the_persons_own_day() {
        // Sunday 23:30 in UTC is already Monday morning in Auckland: a new week there.
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneOffset.UTC);

        assertThat(Weeks.current(clock, ZoneOffset.UTC)).hasToString("2026-W48");
        assertThat(Weeks.current(clock, ZoneId.of("Pacific/Auckland"))).hasToString("2026-W49");
        assertThat(Weeks.current(clock, ZoneId.of("America/Los_Angeles"))).hasToString("2026-W48");
    }

    @Test
    void a_series_ends_with_the_week_asked_for_oldest_first_across_year_ends() {
        assertThat(Weeks.ending(YearWeek.of(2026, 2), 4))
                .extracting(YearWeek::toString)
                .containsExactly("2025-W51", "2025-W52", "2026-W01", "2026-W02");
        assertThat(Weeks.ending(YearWeek.of(2027, 1), 2))
                .extracting(YearWeek::toString)
                .containsExactly("2026-W53", "2027-W01");
        assertThat(Weeks.ending(YearWeek.of(2026, 48), 1)).containsExactly(YearWeek.of(2026, 48));
        assertThat(Weeks.ending(YearWeek.of(2026, 48), 104))
                .hasSize(104)
                .first()
                .isEqualTo(YearWeek.of(2024, 49));
        assertThatThrownBy(() -> Weeks.ending(YearWeek.of(2026, 48), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_day_belongs_to_the_iso_week_java_time_gives_it() {
        for (LocalDate day = LocalDate.of(1999, 12, 1);
                day.isBefore(LocalDate.of(2041, 1, 31));
                day = day.plusDays(1)) {
            YearWeek week = YearWeek.from(day);
            assertThat(week.getYear()).isEqualTo(day.get(IsoFields.WEEK_BASED_YEAR));
            assertThat(week.getWeek()).isEqualTo(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(day).isBetween(week.atDay(MONDAY), week.atDay(SUNDAY));
            assertThat(Weeks.parse(week.toString())).isEqualTo(week);
        }
    }
}
