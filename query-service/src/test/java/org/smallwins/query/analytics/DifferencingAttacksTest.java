package org.smallwins.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.threeten.extra.YearWeek;

/**
 * Differencing attacks on the cohort figures (issue 16): an analyst who asks two (or three) queries and subtracts what
 * they show learns an aggregate over some set of person-weeks. Over random populations, every such set must cover no
 * one or at least k people: no attack isolates one person (or any group of fewer than k). The sets are computed from
 * the ground truth, so the property checks what can be learnt, not only which cells say "suppressed".
 *
 * <p>The attacks: (1) the same group over two nested ranges (overlapping, sharing their first or last block or
 * neither); (2) "none" minus every shown group of a grouping, over one range; (3) that remainder over a range minus the
 * remainder over a range inside it, minus the groups shown in the smaller range but hidden in the larger. Each for the
 * three families of figures: every week (people, weeks, wins), hard weeks, weeks with check-ins.
 */
class DifferencingAttacksTest {

    static final String[] AREAS = {"REST", "BOUNDARIES", "SELF_COMPASSION", null};
    static final String[] STAGES = {"CONTEMPLATION", "PREPARATION", "ACTION", null};
    static final int BLOCKS = 4;

    enum Family {
        CELL(f -> true),
        HARD(WeeklyFact::hardWeek),
        CHECK_INS(f -> f.checkIns() > 0);

        final Predicate<WeeklyFact> counts;

        Family(Predicate<WeeklyFact> counts) {
            this.counts = counts;
        }

        boolean shown(CohortReport.Cell cell) {
            if (cell.suppressed()) {
                return false;
            }
            return switch (this) {
                case CELL -> true;
                case HARD -> cell.hardWeeks() != null;
                case CHECK_INS -> cell.checkIns() != null;
            };
        }
    }

    /** A random population over weeks 1–16 of 2026 (four blocks of four): people join, leave, change focus. */
    static List<WeeklyFact> population(long seed, int people) {
        Random random = new Random(seed);
        List<WeeklyFact> facts = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            double presence = 0.2 + random.nextDouble() * 0.8;
            String area = AREAS[random.nextInt(AREAS.length)];
            String stage = STAGES[random.nextInt(STAGES.length)];
            for (int w = 1; w <= BLOCKS * 4; w++) {
                if (random.nextDouble() > presence) {
                    continue;
                }
                if (random.nextInt(6) == 0) {
                    area = AREAS[random.nextInt(AREAS.length)];
                }
                if (random.nextInt(5) == 0) {
                    stage = STAGES[random.nextInt(STAGES.length)];
                }
                int checkIns = random.nextInt(3);
                int within = checkIns == 0 ? 0 : random.nextInt(checkIns + 1);
                boolean hard = checkIns > 0 && random.nextInt(3) == 0;
                facts.add(Facts.fact(
                        "person-" + p,
                        YearWeek.of(2026, w).toString(),
                        random.nextInt(4),
                        checkIns,
                        within,
                        1.0 + random.nextInt(40) / 10.0,
                        hard,
                        area,
                        stage));
            }
        }
        return facts;
    }

    record Range(int firstBlock, int lastBlock) {
        String from() {
            return YearWeek.of(2026, firstBlock * 4 + 1).toString();
        }

        String to() {
            return YearWeek.of(2026, lastBlock * 4 + 4).toString();
        }

        boolean holds(WeeklyFact fact) {
            int block = (YearWeek.parse(fact.isoWeek()).getWeek() - 1) / 4;
            return block >= firstBlock && block <= lastBlock;
        }

        boolean contains(Range other) {
            return firstBlock <= other.firstBlock && other.lastBlock <= lastBlock;
        }
    }

    static List<Range> ranges() {
        List<Range> ranges = new ArrayList<>();
        for (int first = 0; first < BLOCKS; first++) {
            for (int last = first; last < BLOCKS; last++) {
                ranges.add(new Range(first, last));
            }
        }
        return ranges;
    }

    /** The distinct people behind a set of person-weeks: none, or at least k, or the attack isolated someone. */
    static void assertCoversNoneOrAtLeastK(List<WeeklyFact> learnt, int k, String attack) {
        Set<String> people = learnt.stream().map(WeeklyFact::pseudonym).collect(Collectors.toSet());
        assertThat(people.size())
                .as("%s learns an aggregate of %d person-weeks of %s", attack, learnt.size(), people)
                .satisfiesAnyOf(
                        size -> assertThat(size).isZero(),
                        size -> assertThat(size).isGreaterThanOrEqualTo(k));
    }

    static Map<String, CohortReport.Cell> cells(CohortReport report) {
        return report.cells().stream().collect(Collectors.toMap(CohortReport.Cell::group, c -> c));
    }

    @Property(tries = 40)
    void no_two_answers_differ_by_fewer_than_k_people(
            @ForAll long seed,
            @ForAll @IntRange(min = 8, max = 60) int people,
            @ForAll @IntRange(min = 5, max = 10) int k) {
        List<WeeklyFact> facts = population(seed, people);
        Cohorts cohorts = new Cohorts(k, 4);
        for (Cohorts.GroupBy groupBy : List.of(Cohorts.GroupBy.FOCUS_AREA, Cohorts.GroupBy.STAGE)) {
            String grouping = groupBy == Cohorts.GroupBy.FOCUS_AREA ? "focusArea" : "stage";
            for (Range small : ranges()) {
                CohortReport smallGrouped = cohorts.report(cohorts.query(small.from(), small.to(), grouping), facts);
                CohortReport smallNone = cohorts.report(cohorts.query(small.from(), small.to(), "none"), facts);
                for (Family family : Family.values()) {
                    // (2) none minus every shown group, over one range
                    if (!smallNone.cells().isEmpty()
                            && family.shown(smallNone.cells().get(0))) {
                        Set<String> shown = shownGroups(smallGrouped, family);
                        assertCoversNoneOrAtLeastK(
                                facts.stream()
                                        .filter(small::holds)
                                        .filter(family.counts)
                                        .filter(f -> !shown.contains(Cohorts.group(f, groupBy)))
                                        .toList(),
                                k,
                                "none minus the shown " + grouping + " groups over " + small + " (" + family + ")");
                    }
                }
                for (Range large : ranges()) {
                    if (large.equals(small) || !large.contains(small)) {
                        continue;
                    }
                    CohortReport largeGrouped =
                            cohorts.report(cohorts.query(large.from(), large.to(), grouping), facts);
                    CohortReport largeNone = cohorts.report(cohorts.query(large.from(), large.to(), "none"), facts);
                    for (Family family : Family.values()) {
                        // (1) one group over two nested ranges
                        Map<String, CohortReport.Cell> inSmall = cells(smallGrouped);
                        for (CohortReport.Cell cell : largeGrouped.cells()) {
                            CohortReport.Cell same = inSmall.get(cell.group());
                            if (family.shown(cell) && same != null && family.shown(same)) {
                                assertCoversNoneOrAtLeastK(
                                        facts.stream()
                                                .filter(f -> large.holds(f) && !small.holds(f))
                                                .filter(family.counts)
                                                .filter(f -> Cohorts.group(f, groupBy)
                                                        .equals(cell.group()))
                                                .toList(),
                                        k,
                                        cell.group() + " over " + large + " minus over " + small + " (" + family + ")");
                            }
                        }
                        // the same with none
                        if (!largeNone.cells().isEmpty()
                                && !smallNone.cells().isEmpty()
                                && family.shown(largeNone.cells().get(0))
                                && family.shown(smallNone.cells().get(0))) {
                            assertCoversNoneOrAtLeastK(
                                    facts.stream()
                                            .filter(f -> large.holds(f) && !small.holds(f))
                                            .filter(family.counts)
                                            .toList(),
                                    k,
                                    "none over " + large + " minus over " + small + " (" + family + ")");
                            // (3) the remainder over the large range minus the remainder over the small one
                            Set<String> shownLarge = shownGroups(largeGrouped, family);
                            assertCoversNoneOrAtLeastK(
                                    facts.stream()
                                            .filter(f -> large.holds(f) && !small.holds(f))
                                            .filter(family.counts)
                                            .filter(f -> !shownLarge.contains(Cohorts.group(f, groupBy)))
                                            .toList(),
                                    k,
                                    "remainders of " + grouping + " over " + large + " and " + small + " (" + family
                                            + ")");
                        }
                    }
                }
            }
        }
    }

    @Property(tries = 40)
    void every_shown_figure_covers_at_least_k_people_in_every_block_of_its_range(
            @ForAll long seed,
            @ForAll @IntRange(min = 8, max = 60) int people,
            @ForAll @IntRange(min = 5, max = 10) int k) {
        List<WeeklyFact> facts = population(seed, people);
        Cohorts cohorts = new Cohorts(k, 4);
        for (String grouping : List.of("focusArea", "stage", "none")) {
            Cohorts.GroupBy groupBy = Cohorts.GroupBy.parse(grouping);
            for (Range range : ranges()) {
                CohortReport report = cohorts.report(cohorts.query(range.from(), range.to(), grouping), facts);
                for (CohortReport.Cell cell : report.cells()) {
                    for (Family family : Family.values()) {
                        if (!family.shown(cell)) {
                            continue;
                        }
                        for (int block = range.firstBlock(); block <= range.lastBlock(); block++) {
                            Range one = new Range(block, block);
                            assertCoversNoneOrAtLeastK(
                                    facts.stream()
                                            .filter(one::holds)
                                            .filter(family.counts)
                                            .filter(f ->
                                                    Cohorts.group(f, groupBy).equals(cell.group()))
                                            .toList(),
                                    k,
                                    cell.group() + " in block " + block + " of " + range + " (" + family + ")");
                        }
                    }
                }
                for (CohortReport.Transition transition : report.stageTransitions()) {
                    if (!transition.suppressed()) {
                        assertThat(transition.people()).isGreaterThanOrEqualTo(k);
                    }
                }
            }
        }
    }

    static Set<String> shownGroups(CohortReport report, Family family) {
        Set<String> shown = new HashSet<>();
        for (CohortReport.Cell cell : report.cells()) {
            if (family.shown(cell)) {
                shown.add(cell.group());
            }
        }
        return shown;
    }
}
