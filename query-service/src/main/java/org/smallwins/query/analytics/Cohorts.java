package org.smallwins.query.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.RequestedWeeks;
import org.threeten.extra.YearWeek;

/**
 * Cohort figures over pseudonymous weekly facts, with k-anonymity that holds across queries.
 *
 * <p><b>Blocks.</b> A range is whole blocks of {@code blockWeeks} ISO weeks, aligned to week 1 of each ISO year (the
 * last block of a year ends with its last week). Whether a figure may be shown is decided per block, the same way for
 * every query, and a range shows a figure only if every block of the range shows it: so the answer for a range is made
 * of what its blocks' own answers show, and the difference of two overlapping ranges is a block answer that was itself
 * shown to cover at least k people.
 *
 * <p><b>Families.</b> Each figure counts some of the cell's person-weeks, whose distinct people are its contributors:
 * the cell itself (people, weeks, wins: every week), the hard weeks (hard-week figures), the weeks with check-ins (the
 * check-in share and the mood trend). Per block, per grouping and per family, a group with 1 to k-1 contributors is
 * suppressed, and then (complementary suppression) while the suppressed groups together have fewer than k distinct
 * contributors, the smallest shown group is suppressed too: what "none" minus the shown groups leaves is never fewer
 * than k people. A suppressed cell shows nothing; a suppressed family leaves its figures out of a shown cell.
 *
 * <p><b>Transitions</b> between consecutive weeks count in the block of the later week (the move from the week before
 * a range into its first week belongs to the range), so a range's transitions are its blocks' too, and each kind of
 * move is shown only if every block of the range has none of it or at least k people making it (no total of them is
 * published, so there is nothing to subtract a suppressed kind from).
 */
public final class Cohorts {

    /** How cells are formed. */
    public enum GroupBy {
        FOCUS_AREA("focusArea"),
        STAGE("stage"),
        NONE("none");

        final String parameter;

        GroupBy(String parameter) {
            this.parameter = parameter;
        }

        static GroupBy parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return NONE;
            }
            for (GroupBy value : values()) {
                if (value.parameter.equals(raw)) {
                    return value;
                }
            }
            throw new InvalidQueryException("groupBy", "groupBy.unknown", "Use focusArea, stage or none.");
        }
    }

    /** The group of a week without a focus area (or stage) chosen yet. */
    public static final String NOT_CHOSEN = "NOT_CHOSEN";

    /** The one group of {@code groupBy=none}. */
    public static final String ALL = "ALL";

    /** The longest range, in weeks (about two years). */
    public static final int MAX_WEEKS = 106;

    public record Query(YearWeek from, YearWeek to, GroupBy groupBy) {}

    private enum Family {
        CELL(f -> true),
        HARD_WEEKS(WeeklyFact::hardWeek),
        CHECK_INS(f -> f.checkIns() > 0);

        final Predicate<WeeklyFact> counts;

        Family(Predicate<WeeklyFact> counts) {
            this.counts = counts;
        }
    }

    /** A block: the {@code index}-th (from 0) run of blockWeeks weeks of an ISO year. */
    record Block(int year, int index) {}

    private final int k;
    private final int blockWeeks;

    public Cohorts(int k, int blockWeeks) {
        if (k < AnalyticsProperties.SMALLEST_K) {
            throw new IllegalArgumentException("k is never below " + AnalyticsProperties.SMALLEST_K);
        }
        this.k = k;
        this.blockWeeks = blockWeeks;
    }

    /** A request's parameters, checked: whole blocks, in order, at most {@value #MAX_WEEKS} weeks; 400 otherwise. */
    public Query query(String from, String to, String groupBy) {
        if (from == null || from.isBlank()) {
            throw new InvalidQueryException("from", "from.required", "Name the first week, such as 2026-W01.");
        }
        if (to == null || to.isBlank()) {
            throw new InvalidQueryException("to", "to.required", "Name the last week, such as 2026-W12.");
        }
        YearWeek first = RequestedWeeks.parse("from", from);
        YearWeek last = RequestedWeeks.parse("to", to);
        GroupBy grouping = GroupBy.parse(groupBy);
        if (!first.equals(start(block(first)))) {
            throw new InvalidQueryException(
                    "from",
                    "from.block-start",
                    "Ranges are whole blocks of " + blockWeeks + " weeks: start at a block's first week (week " + "1, "
                            + (1 + blockWeeks) + ", " + (1 + 2 * blockWeeks) + ", … of a year).");
        }
        if (!last.equals(end(block(last)))) {
            throw new InvalidQueryException(
                    "to",
                    "to.block-end",
                    "Ranges are whole blocks of " + blockWeeks + " weeks: end at a block's last week (week "
                            + blockWeeks + ", " + (2 * blockWeeks) + ", … or the year's last week).");
        }
        if (last.isBefore(first)) {
            throw new InvalidQueryException("to", "to.before-from", "The last week comes after the first.");
        }
        if (weeks(first, last) > MAX_WEEKS) {
            throw new InvalidQueryException("to", "to.too-far", "A range is at most " + MAX_WEEKS + " weeks.");
        }
        return new Query(first, last, grouping);
    }

    public CohortReport report(Query query, Collection<WeeklyFact> all) {
        List<Block> blocks = blocks(query.from(), query.to());
        Map<Block, Integer> blockPosition = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            blockPosition.put(blocks.get(i), i);
        }
        List<WeeklyFact> inRange = new ArrayList<>();
        for (WeeklyFact fact : all) {
            if (blockPosition.containsKey(block(YearWeek.parse(fact.isoWeek())))) {
                inRange.add(fact);
            }
        }
        // Per family: per block, the groups it suppresses; a group shown in the range is shown in every block.
        Map<Family, Set<String>> hidden = new HashMap<>();
        for (Family family : Family.values()) {
            Map<Block, Map<String, Set<String>>> contributors = new HashMap<>();
            for (WeeklyFact fact : inRange) {
                if (family.counts.test(fact)) {
                    contributors
                            .computeIfAbsent(block(YearWeek.parse(fact.isoWeek())), b -> new TreeMap<>())
                            .computeIfAbsent(group(fact, query.groupBy()), g -> new HashSet<>())
                            .add(fact.pseudonym());
                }
            }
            Set<String> suppressed = new HashSet<>();
            contributors.values().forEach(byGroup -> suppressed.addAll(suppress(byGroup, true)));
            hidden.put(family, suppressed);
        }
        Map<String, List<WeeklyFact>> byGroup =
                new TreeMap<>(Comparator.comparingInt(Cohorts::order).thenComparing(Comparator.naturalOrder()));
        for (WeeklyFact fact : inRange) {
            byGroup.computeIfAbsent(group(fact, query.groupBy()), g -> new ArrayList<>())
                    .add(fact);
        }
        List<CohortReport.Cell> cells = new ArrayList<>();
        byGroup.forEach((group, facts) -> cells.add(
                hidden.get(Family.CELL).contains(group)
                        ? CohortReport.Cell.suppressed(group)
                        : cell(group, facts, blocks, blockPosition, hidden)));
        return new CohortReport(
                query.from().toString(),
                query.to().toString(),
                query.groupBy().parameter,
                k,
                blockWeeks,
                cells,
                transitions(all, blockPosition));
    }

    private CohortReport.Cell cell(
            String group,
            List<WeeklyFact> facts,
            List<Block> blocks,
            Map<Block, Integer> blockPosition,
            Map<Family, Set<String>> hidden) {
        Set<String> people = new HashSet<>();
        int wins = 0;
        int hard = 0;
        int hardWithWin = 0;
        int checkIns = 0;
        int within = 0;
        for (WeeklyFact fact : facts) {
            people.add(fact.pseudonym());
            wins += fact.wins();
            if (fact.hardWeek()) {
                hard++;
                hardWithWin += fact.wins() > 0 ? 1 : 0;
            }
            checkIns += fact.checkIns();
            within += fact.checkInsWithinWindow();
        }
        List<String> suppressedFigures = new ArrayList<>();
        boolean hardShown = !hidden.get(Family.HARD_WEEKS).contains(group);
        boolean checkInsShown = !hidden.get(Family.CHECK_INS).contains(group);
        if (!hardShown) {
            suppressedFigures.addAll(List.of("hardWeeks", "hardWeeksWithAWin", "shareOfHardWeeksWithAWin"));
        }
        if (!checkInsShown) {
            suppressedFigures.addAll(
                    List.of("checkIns", "checkInsWithinWindow", "shareOfCheckInsWithinWindow", "moodTrend"));
        }
        return new CohortReport.Cell(
                group,
                false,
                people.size(),
                facts.size(),
                wins,
                share(wins, facts.size()),
                hardShown ? hard : null,
                hardShown ? hardWithWin : null,
                hardShown ? share(hardWithWin, hard) : null,
                checkInsShown ? checkIns : null,
                checkInsShown ? within : null,
                checkInsShown ? share(within, checkIns) : null,
                checkInsShown ? moodTrend(facts, blocks.size(), blockPosition) : null,
                suppressedFigures);
    }

    /**
     * The mean weekly mood of the first ⌊n/2⌋ blocks against the last ⌊n/2⌋ (n blocks); null for one block or a half
     * without check-ins.
     */
    private CohortReport.MoodTrend moodTrend(List<WeeklyFact> facts, int blocks, Map<Block, Integer> blockPosition) {
        int half = blocks / 2;
        if (half == 0) {
            return null;
        }
        BigDecimal firstSum = BigDecimal.ZERO;
        BigDecimal secondSum = BigDecimal.ZERO;
        int firstCount = 0;
        int secondCount = 0;
        for (WeeklyFact fact : facts) {
            if (fact.moodAverage() == null) {
                continue;
            }
            int position = blockPosition.get(block(YearWeek.parse(fact.isoWeek())));
            if (position < half) {
                firstSum = firstSum.add(BigDecimal.valueOf(fact.moodAverage()));
                firstCount++;
            } else if (position >= blocks - half) {
                secondSum = secondSum.add(BigDecimal.valueOf(fact.moodAverage()));
                secondCount++;
            }
        }
        if (firstCount == 0 || secondCount == 0) {
            return null;
        }
        BigDecimal first = firstSum.divide(BigDecimal.valueOf(firstCount), 10, RoundingMode.HALF_UP);
        BigDecimal second = secondSum.divide(BigDecimal.valueOf(secondCount), 10, RoundingMode.HALF_UP);
        return new CohortReport.MoodTrend(
                first.setScale(1, RoundingMode.HALF_UP).doubleValue(),
                second.setScale(1, RoundingMode.HALF_UP).doubleValue(),
                second.subtract(first).setScale(1, RoundingMode.HALF_UP).doubleValue());
    }

    private List<CohortReport.Transition> transitions(Collection<WeeklyFact> all, Map<Block, Integer> blockPosition) {
        Map<String, WeeklyFact> byKey = new HashMap<>();
        for (WeeklyFact fact : all) {
            byKey.put(fact.pseudonym() + "|" + fact.isoWeek(), fact);
        }
        Map<Block, Map<String, Set<String>>> contributors = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<String>> people = new HashMap<>();
        for (WeeklyFact fact : all) {
            YearWeek week = YearWeek.parse(fact.isoWeek());
            Block block = block(week);
            if (!blockPosition.containsKey(block) || fact.stage() == null) {
                continue;
            }
            WeeklyFact before = byKey.get(fact.pseudonym() + "|" + week.minusWeeks(1));
            if (before == null || before.stage() == null || before.stage().equals(fact.stage())) {
                continue;
            }
            String kind = before.stage() + ">" + fact.stage();
            contributors
                    .computeIfAbsent(block, b -> new TreeMap<>())
                    .computeIfAbsent(kind, g -> new HashSet<>())
                    .add(fact.pseudonym());
            counts.merge(kind, 1, Integer::sum);
            people.computeIfAbsent(kind, g -> new HashSet<>()).add(fact.pseudonym());
        }
        Set<String> suppressed = new HashSet<>();
        // No total of transitions is published, nor any grouping of them: nothing subtracts to a suppressed kind, so
        // each kind only needs its own k (per block, as the cells).
        contributors.values().forEach(byKind -> suppressed.addAll(suppress(byKind, false)));
        List<CohortReport.Transition> transitions = new ArrayList<>();
        for (StageOfChange from : StageOfChange.values()) {
            for (StageOfChange to : StageOfChange.values()) {
                String kind = from + ">" + to;
                if (!counts.containsKey(kind)) {
                    continue;
                }
                transitions.add(
                        suppressed.contains(kind)
                                ? new CohortReport.Transition(from.name(), to.name(), true, null, null)
                                : new CohortReport.Transition(
                                        from.name(),
                                        to.name(),
                                        false,
                                        counts.get(kind),
                                        people.get(kind).size()));
            }
        }
        return transitions;
    }

    /**
     * The groups of one block (one grouping, one family) that may not be shown: those with 1 to k-1 contributors, and
     * then ({@code complementary}) the smallest shown ones until the suppressed together have at least k distinct
     * contributors (or none are left to add).
     */
    Set<String> suppress(Map<String, Set<String>> contributorsByGroup, boolean complementary) {
        Set<String> suppressed = new LinkedHashSet<>();
        contributorsByGroup.forEach((group, people) -> {
            if (!people.isEmpty() && people.size() < k) {
                suppressed.add(group);
            }
        });
        while (complementary && !suppressed.isEmpty()) {
            Set<String> together = new HashSet<>();
            suppressed.forEach(group -> together.addAll(contributorsByGroup.get(group)));
            if (together.size() >= k) {
                break;
            }
            String next = null;
            for (Map.Entry<String, Set<String>> entry : contributorsByGroup.entrySet()) {
                if (suppressed.contains(entry.getKey()) || entry.getValue().isEmpty()) {
                    continue;
                }
                if (next == null
                        || entry.getValue().size()
                                < contributorsByGroup.get(next).size()) {
                    next = entry.getKey();
                }
            }
            if (next == null) {
                break;
            }
            suppressed.add(next);
        }
        return suppressed;
    }

    static String group(WeeklyFact fact, GroupBy groupBy) {
        return switch (groupBy) {
            case FOCUS_AREA -> fact.focusArea() == null ? NOT_CHOSEN : fact.focusArea();
            case STAGE -> fact.stage() == null ? NOT_CHOSEN : fact.stage();
            case NONE -> ALL;
        };
    }

    /** Groups in the vocabulary's order, {@value #NOT_CHOSEN} last. */
    private static int order(String group) {
        for (FocusArea area : FocusArea.values()) {
            if (area.name().equals(group)) {
                return area.ordinal();
            }
        }
        for (StageOfChange stage : StageOfChange.values()) {
            if (stage.name().equals(group)) {
                return stage.ordinal();
            }
        }
        return NOT_CHOSEN.equals(group) ? Integer.MAX_VALUE : Integer.MAX_VALUE - 1;
    }

    Block block(YearWeek week) {
        return new Block(week.getYear(), (week.getWeek() - 1) / blockWeeks);
    }

    YearWeek start(Block block) {
        return YearWeek.of(block.year(), block.index() * blockWeeks + 1);
    }

    YearWeek end(Block block) {
        int last = YearWeek.of(block.year(), 1).is53WeekYear() ? 53 : 52;
        return YearWeek.of(block.year(), Math.min(block.index() * blockWeeks + blockWeeks, last));
    }

    /** The blocks from the one of {@code from} to the one of {@code to}, in order. */
    List<Block> blocks(YearWeek from, YearWeek to) {
        List<Block> blocks = new ArrayList<>();
        for (YearWeek week = from; !week.isAfter(to); week = end(block(week)).plusWeeks(1)) {
            blocks.add(block(week));
        }
        return blocks;
    }

    private static long weeks(YearWeek from, YearWeek to) {
        long count = 0;
        for (YearWeek week = from; !week.isAfter(to) && count <= MAX_WEEKS; week = week.plusWeeks(1)) {
            count++;
        }
        return count;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : WeeklyFact.round(part, whole, 2);
    }

    public int k() {
        return k;
    }
}
