package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.threeten.extra.YearWeek;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestedWeeksTest {

    static final YearWeek THIS_WEEK = YearWeek.of(2026, 48);

    @Test
    void a_week_id_is_that_week() {
        assertThat(RequestedWeeks.parse("until", "2026-W53")).isEqualTo(YearWeek.of(2026, 53));
    }

    @Test
    void current_is_the_callers_week_and_only_then_is_it_asked_for() {
        assertThat(RequestedWeeks.named("week", "current", () -> THIS_WEEK)).isEqualTo(THIS_WEEK);
        assertThat(RequestedWeeks.named("week", "2026-W01", () -> {
                    throw new AssertionError("current week asked for");
                }))
                .isEqualTo(YearWeek.of(2026, 1));
    }

    @Test
    void a_text_that_is_not_a_week_names_the_field_and_the_rule_never_the_text() {
        assertThatThrownBy(() -> RequestedWeeks.parse("until", "2027-W53 my secret"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.asFieldError())
                            .isEqualTo(new Problems.FieldError(
                                    "until", "until.format", "Use an ISO week such as 2026-W48."));
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
        assertThatThrownBy(() -> RequestedWeeks.named("week", "2027-W53", () -> THIS_WEEK))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.asFieldError().code()).isEqualTo("week.format"));
    }
}
