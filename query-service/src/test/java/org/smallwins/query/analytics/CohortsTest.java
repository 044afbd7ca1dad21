package org.smallwins.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smallwins.query.analytics.Facts.fact;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.platform.InvalidQueryException;

/** The cohort figures and their suppression, over facts made by hand (issue 16). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CohortsTest {

    final Cohorts cohorts = new Cohorts(10, 4);

    /** {@code count} people named {@code prefix-i}, each with one fact per week of {@code weeks}. */
    static List<WeeklyFact> people(String prefix, int count, String focusArea, String stage, String... weeks) {
        List<WeeklyFact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (String week : weeks) {
                facts.add(fact(prefix + "-" + i, week, 2, 2, 1, 3.0, false, focusArea, stage));
            }
        }
        return facts;
    }

    static String rule(Runnable query) {
        try {
            query.run();
        } catch (InvalidQueryException e) {
            return e.asFieldError().code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_range_is_whole_four_week_blocks_in_order_and_a_known_grouping_else_a_400_naming_the_rule() {
        assertThat(rule(() -> cohorts.query("2026-W02", "2026-W12", "none"))).isEqualTo("from.block-start");
        assertThat(rule(() -> cohorts.query("2026-W01", "2026-W10", "none"))).isEqualTo("to.block-end");
        assertThat(rule(() -> cohorts.query("2026-W05", "2026-W04", "none"))).isEqualTo("to.before-from");
        assertThat(rule(() -> cohorts.query("2026-W01", "2026-W12", "tags"))).isEqualTo("groupBy.unknown");
        assertThat(rule(() -> cohorts.query(null, "2026-W12", "none"))).isEqualTo("from.required");
        assertThat(rule(() -> cohorts.query("2026-13", "2026-W12", "none"))).isEqualTo("from.format");
        assertThat(rule(() -> cohorts.query("2024-W01", "2026-W12", "none"))).isEqualTo("to.too-far");
        // 2026 has 53 ISO weeks: its last block is week 53 alone
        assertThat(cohorts.query("2026-W49", "2026-W53", "stage").groupBy()).isEqualTo(Cohorts.GroupBy.STAGE);
        assertThat(cohorts.query("2026-W53", "2027-W04", null).groupBy()).isEqualTo(Cohorts.GroupBy.NONE);
    }

    @Test
    void
            a_cell_of_9_people_is_suppressed_and_says_so_and_the_next_smallest_goes_with_it_so_none_minus_the_rest_tells_nothing() {
        List<WeeklyFact> facts = new ArrayList<>();
        facts.addAll(people("b", 12, "BOUNDARIES", "ACTION", "2026-W01", "2026-W02"));
        facts.addAll(people("r", 11, "REST", "ACTION", "2026-W01"));
        facts.addAll(people("s", 9, "SELF_COMPASSION", "ACTION", "2026-W03"));

        CohortReport byArea = cohorts.report(cohorts.query("2026-W01", "2026-W04", "focusArea"), facts);

        assertThat(byArea.cells())
                .extracting(CohortReport.Cell::group, CohortReport.Cell::suppressed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REST", true),
                        org.assertj.core.groups.Tuple.tuple("BOUNDARIES", false),
                        org.assertj.core.groups.Tuple.tuple("SELF_COMPASSION", true));
        CohortReport.Cell suppressed = byArea.cells().get(2);
        assertThat(suppressed.people()).isNull();
        assertThat(suppressed.personWeeks()).isNull();
        assertThat(suppressed.winsPerPersonWeek()).isNull();
        assertThat(byArea.cells().get(1).people()).isEqualTo(12);
        // none: all 32 people, shown
        CohortReport none = cohorts.report(cohorts.query("2026-W01", "2026-W04", "none"), facts);
        assertThat(none.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.group()).isEqualTo(Cohorts.ALL);
            assertThat(cell.people()).isEqualTo(32);
        });
    }

    @Test
    void the_figures_of_a_shown_cell_are_exact_and_a_figure_of_too_few_people_is_left_out_and_named() {
        List<WeeklyFact> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // weeks 1 and 5: mood 2.0 then 3.5; person 0..3 have a hard week 1, persons 0..1 of them with a win
            facts.add(fact("p" + i, "2026-W01", i < 2 ? 1 : (i < 4 ? 0 : 3), 2, 1, 2.0, i < 4, "REST", "ACTION"));
            facts.add(fact("p" + i, "2026-W05", 2, 4, 4, 3.5, false, "REST", "ACTION"));
        }

        CohortReport report = cohorts.report(cohorts.query("2026-W01", "2026-W08", "none"), facts);

        CohortReport.Cell cell = report.cells().get(0);
        assertThat(cell.people()).isEqualTo(10);
        assertThat(cell.personWeeks()).isEqualTo(20);
        assertThat(cell.wins()).isEqualTo(2 + 0 + 6 * 3 + 20);
        assertThat(cell.winsPerPersonWeek()).isEqualTo(2.0);
        assertThat(cell.checkIns()).isEqualTo(60);
        assertThat(cell.checkInsWithinWindow()).isEqualTo(50);
        assertThat(cell.shareOfCheckInsWithinWindow()).isEqualTo(0.83);
        assertThat(cell.moodTrend()).isEqualTo(new CohortReport.MoodTrend(2.0, 3.5, 1.5));
        // 4 people had a hard week: fewer than 10, so the hard-week figures are left out, and say so
        assertThat(cell.hardWeeks()).isNull();
        assertThat(cell.shareOfHardWeeksWithAWin()).isNull();
        assertThat(cell.suppressedFigures())
                .containsExactly("hardWeeks", "hardWeeksWithAWin", "shareOfHardWeeksWithAWin");
    }

    @Test
    void a_range_shows_a_cell_only_if_every_one_of_its_blocks_does() {
        List<WeeklyFact> facts = new ArrayList<>();
        facts.addAll(people("a", 12, "REST", "ACTION", "2026-W01", "2026-W05"));
        facts.addAll(people("b", 12, "BOUNDARIES", "ACTION", "2026-W01", "2026-W05"));
        facts.add(fact("late", "2026-W06", 1, 0, 0, null, false, "REST", "ACTION")); // one person more in block 2

        assertThat(cohorts.report(cohorts.query("2026-W01", "2026-W04", "focusArea"), facts)
                        .cells())
                .allSatisfy(cell -> assertThat(cell.suppressed()).isFalse());
        // block 2 alone shows REST with 13 people; weeks 1–8 show it too, with the 13
        CohortReport both = cohorts.report(cohorts.query("2026-W01", "2026-W08", "focusArea"), facts);
        assertThat(both.cells()).extracting(CohortReport.Cell::people).containsExactly(13, 12);
        // with a person alone in a group in block 2, that group is suppressed over any range holding block 2
        facts.add(fact("alone", "2026-W07", 5, 0, 0, null, false, "SELF_COMPASSION", "ACTION"));
        CohortReport withAlone = cohorts.report(cohorts.query("2026-W01", "2026-W08", "focusArea"), facts);
        assertThat(withAlone.cells())
                .filteredOn(CohortReport.Cell::suppressed)
                .extracting(CohortReport.Cell::group)
                .contains("SELF_COMPASSION");
        assertThat(cohorts.report(cohorts.query("2026-W01", "2026-W04", "focusArea"), facts)
                        .cells())
                .allSatisfy(cell -> assertThat(cell.suppressed()).isFalse());
    }

    @Test
    void stage_transitions_count_moves_between_consecutive_weeks_into_the_range_and_small_ones_are_suppressed() {
        List<WeeklyFact> facts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            facts.add(fact("m" + i, "2025-W52", 1, 0, 0, null, false, "REST", "CONTEMPLATION"));
            facts.add(fact("m" + i, "2026-W01", 1, 0, 0, null, false, "REST", "ACTION"));
            facts.add(fact("m" + i, "2026-W03", 1, 0, 0, null, false, "REST", "PREPARATION")); // not consecutive
        }
        for (int i = 0; i < 3; i++) {
            facts.add(fact("n" + i, "2026-W02", 1, 0, 0, null, false, "REST", "ACTION"));
            facts.add(fact("n" + i, "2026-W03", 1, 0, 0, null, false, "REST", "MAINTENANCE"));
        }
        for (int i = 0; i < 10; i++) {
            facts.add(fact("o" + i, "2026-W02", 1, 0, 0, null, false, "REST", "MAINTENANCE"));
            facts.add(fact("o" + i, "2026-W03", 1, 0, 0, null, false, "REST", "ACTION")); // moving back is counted too
        }

        List<CohortReport.Transition> transitions = cohorts.report(cohorts.query("2026-W01", "2026-W04", "none"), facts)
                .stageTransitions();

        assertThat(transitions)
                .containsExactly(
                        new CohortReport.Transition("CONTEMPLATION", "ACTION", false, 11, 11),
                        new CohortReport.Transition("ACTION", "MAINTENANCE", true, null, null),
                        new CohortReport.Transition("MAINTENANCE", "ACTION", false, 10, 10));
    }

    @Test
    void k_is_never_below_5_and_the_service_refuses_to_start_with_less_or_without_a_long_secret() {
        String secret = "a-test-pseudonym-secret-of-32-characters";
        assertThatThrownBy(() -> new AnalyticsProperties(4, 4, secret, "1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 5");
        assertThatThrownBy(() -> new AnalyticsProperties(10, 4, "short", "1"))
                .hasMessageContaining("SMALLWINS_ANALYTICS_PSEUDONYM_SECRET");
        assertThatThrownBy(() -> new AnalyticsProperties(10, 4, null, "1"))
                .hasMessageContaining("SMALLWINS_ANALYTICS_PSEUDONYM_SECRET");
        assertThat(new AnalyticsProperties(5, 4, secret, "2026.2").k()).isEqualTo(5);
        assertThat(new AnalyticsProperties(10, 4, secret, "1").toString()).doesNotContain(secret);
    }

    @Test
    void a_pseudonym_is_stable_within_a_period_unlinkable_across_periods_and_never_the_id() {
        Pseudonyms one = new Pseudonyms("a-test-pseudonym-secret-of-32-characters", "1");
        Pseudonyms two = new Pseudonyms("a-test-pseudonym-secret-of-32-characters", "2");
        Pseudonyms otherSecret = new Pseudonyms("another-pseudonym-secret-of-32-characters", "1");

        assertThat(one.of("alice")).isEqualTo(one.of("alice")).hasSize(43).doesNotContain("alice");
        assertThat(one.of("alice")).isNotEqualTo(one.of("bob"));
        assertThat(one.of("alice")).isNotEqualTo(two.of("alice")).isNotEqualTo(otherSecret.of("alice"));
    }
}
