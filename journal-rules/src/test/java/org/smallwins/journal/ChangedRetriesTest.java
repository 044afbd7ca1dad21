package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;

/**
 * Property-based: an entry is sent, then a second command with the same id and content that is the same or differs
 * slightly (a tag split at its comma, a note "null" instead of none, a character changed, present versus absent
 * optional fields, unicode). The second is a retry exactly when it would record the same event at the same day/instant
 * and zone (or leaves those to their defaults); every other pair is a conflict, never silently "already recorded".
 */
class ChangedRetriesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Characters that broke or could break a textual encoding: separators, brackets, quotes, "null", unicode. */
    static Arbitrary<String> tricky(int maxLength) {
        Arbitrary<String> chars = Arbitraries.strings()
                .withChars("ab ,;:[]{}()\"'\\|=\n\t0~éèüß漢字\u0301\u200b")
                .ofMinLength(1)
                .ofMaxLength(maxLength)
                .map(s -> s.replace("~", "🌱"));
        Arbitrary<String> words =
                Arbitraries.of("null", "None", "a, b", "[a, b]", "a", "b", "", " ", "🌱", "e\u0301", "é");
        return Arbitraries.oneOf(chars, words);
    }

    static Arbitrary<String> text() {
        return tricky(20).filter(s -> !s.isBlank());
    }

    static Arbitrary<List<String>> tags() {
        return tricky(8).filter(s -> !s.isBlank()).list().ofMaxSize(4);
    }

    static Arbitrary<Optional<String>> note() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()), tricky(12).map(Optional::of));
    }

    static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> values) {
        return Arbitraries.oneOf(Arbitraries.just(Optional.<T>empty()), values.map(Optional::of));
    }

    static Arbitrary<LocalDate> day() {
        return Arbitraries.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 22), LocalDate.of(2000, 2, 29));
    }

    static Arbitrary<ZoneId> zone() {
        return Arbitraries.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Auckland"));
    }

    static Arbitrary<LogWin> win() {
        return Combinators.combine(text(), Arbitraries.of(FocusArea.class), tags(), maybe(day()), maybe(zone()))
                .as((text, area, tags, day, zone) -> new LogWin("e1", text, area, tags, day, zone));
    }

    /** A second win close to the first: one small edit, or a whole other win. */
    static Arbitrary<LogWin> nearby(LogWin first) {
        List<String> tags = first.tags();
        return Arbitraries.oneOf(
                Arbitraries.just(first),
                win(),
                text().map(t -> new LogWin("e1", t, first.focusArea(), tags, first.day(), first.zone())),
                Arbitraries.of(" ", "\n", ",", "\u200b", "e\u0301")
                        .map(s ->
                                new LogWin("e1", first.text() + s, first.focusArea(), tags, first.day(), first.zone())),
                Arbitraries.of(FocusArea.class)
                        .map(a -> new LogWin("e1", first.text(), a, tags, first.day(), first.zone())),
                // a tag split at its comma, or two tags joined with one
                Arbitraries.just(new LogWin(
                        "e1", first.text(), first.focusArea(), splitOrJoin(tags), first.day(), first.zone())),
                Arbitraries.just(
                        new LogWin("e1", first.text(), first.focusArea(), reversed(tags), first.day(), first.zone())),
                tricky(8)
                        .filter(s -> !s.isBlank())
                        .map(t -> new LogWin(
                                "e1", first.text(), first.focusArea(), plus(tags, t), first.day(), first.zone())),
                // the text moved into a tag and back: "a" + ["b"] against "a, b" + []
                Arbitraries.just(new LogWin(
                        "e1",
                        first.text() + ", " + String.join(", ", tags),
                        first.focusArea(),
                        List.of(),
                        first.day(),
                        first.zone())),
                maybe(day()).map(d -> new LogWin("e1", first.text(), first.focusArea(), tags, d, first.zone())),
                maybe(zone()).map(z -> new LogWin("e1", first.text(), first.focusArea(), tags, first.day(), z)));
    }

    static Arbitrary<RecordCheckIn> checkIn() {
        Arbitrary<Integer> scale = Arbitraries.integers().between(1, 5);
        return Combinators.combine(
                        scale, scale, Arbitraries.of(ToleranceWindow.class), note(), maybe(instant()), maybe(zone()))
                .as((mood, energy, window, note, at, zone) ->
                        new RecordCheckIn("e1", mood, energy, window, note, at, zone));
    }

    static Arbitrary<Instant> instant() {
        return Arbitraries.of(NOW, NOW.minusSeconds(1), Instant.parse("2026-11-22T23:30:00Z"));
    }

    static Arbitrary<RecordCheckIn> nearby(RecordCheckIn first) {
        return Arbitraries.oneOf(
                Arbitraries.just(first),
                checkIn(),
                Arbitraries.integers()
                        .between(1, 5)
                        .map(m -> new RecordCheckIn(
                                "e1", m, first.energy(), first.window(), first.note(), first.at(), first.zone())),
                Arbitraries.integers()
                        .between(1, 5)
                        .map(e -> new RecordCheckIn(
                                "e1", first.mood(), e, first.window(), first.note(), first.at(), first.zone())),
                // mood and energy swapped
                Arbitraries.just(new RecordCheckIn(
                        "e1", first.energy(), first.mood(), first.window(), first.note(), first.at(), first.zone())),
                Arbitraries.of(ToleranceWindow.class)
                        .map(w -> new RecordCheckIn(
                                "e1", first.mood(), first.energy(), w, first.note(), first.at(), first.zone())),
                // none, "null", blank, or another note
                note().map(n -> new RecordCheckIn(
                        "e1", first.mood(), first.energy(), first.window(), n, first.at(), first.zone())),
                Arbitraries.of("null", "", " ")
                        .map(n -> new RecordCheckIn(
                                "e1",
                                first.mood(),
                                first.energy(),
                                first.window(),
                                Optional.of(n),
                                first.at(),
                                first.zone())),
                maybe(instant())
                        .map(a -> new RecordCheckIn(
                                "e1", first.mood(), first.energy(), first.window(), first.note(), a, first.zone())),
                maybe(zone())
                        .map(z -> new RecordCheckIn(
                                "e1", first.mood(), first.energy(), first.window(), first.note(), first.at(), z)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<JournalCommand, JournalCommand>> winPairs() {
        return win().flatMap(first -> nearby(first).map(second -> Tuple.of(first, second)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<JournalCommand, JournalCommand>> checkInPairs() {
        return checkIn().flatMap(first -> nearby(first).map(second -> Tuple.of(first, second)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<JournalCommand, JournalCommand>> mixedPairs() {
        Arbitrary<Tuple.Tuple2<JournalCommand, JournalCommand>> winThenCheckIn =
                Combinators.combine(win(), checkIn()).as((first, second) -> Tuple.of(first, second));
        Arbitrary<Tuple.Tuple2<JournalCommand, JournalCommand>> checkInThenWin =
                Combinators.combine(checkIn(), win()).as((first, second) -> Tuple.of(first, second));
        return Arbitraries.oneOf(winThenCheckIn, checkInThenWin);
    }

    @Property(tries = 3000)
    void a_win_sent_again_is_a_retry_only_with_exactly_the_same_content(
            @ForAll("winPairs") Tuple.Tuple2<JournalCommand, JournalCommand> pair) {
        check(pair.get1(), pair.get2());
        bothOutcomesAreExercised();
    }

    @Property(tries = 3000)
    void a_check_in_sent_again_is_a_retry_only_with_exactly_the_same_content(
            @ForAll("checkInPairs") Tuple.Tuple2<JournalCommand, JournalCommand> pair) {
        check(pair.get1(), pair.get2());
        bothOutcomesAreExercised();
    }

    @Property(tries = 500)
    void an_id_reused_across_kinds_is_always_a_conflict(
            @ForAll("mixedPairs") Tuple.Tuple2<JournalCommand, JournalCommand> pair) {
        assertThat(check(pair.get1(), pair.get2())).isEqualTo(new Decision.Conflict("e1"));
    }

    /** The generators must keep producing both retries and conflicts, or the property proves little. */
    static void bothOutcomesAreExercised() {
        Statistics.label("decision").coverage(coverage -> {
            coverage.check("conflict").percentage(p -> p > 40);
            coverage.check("already recorded").percentage(p -> p > 5);
        });
    }

    /**
     * The oracle: what each command would record on its own. Same event (payloads equal), and the second either
     * repeats the first's day/instant and zone or leaves them out: a retry. Anything else: a conflict.
     */
    static Decision check(JournalCommand first, JournalCommand second) {
        Decision.Event recorded = onlyEvent(JournalDecider.decide(first, withZone(), CLOCK));
        JournalState journal =
                JournalState.of(id -> id.equals("e1") ? EntryMark.of(recorded) : null, recorded.occurred()::zone);

        Decision decision = JournalDecider.decide(second, journal, CLOCK);

        Decision aloneDecision =
                JournalDecider.decide(second, JournalState.of(id -> null, recorded.occurred()::zone), CLOCK);
        if (aloneDecision instanceof Decision.Refused) {
            // an edit can break a rule (a tag split into a blank one, more than ten tags): refused before compared
            Statistics.label("decision").collect("refused");
            assertThat(decision).isEqualTo(aloneDecision);
            return decision;
        }
        Decision.Event alone = onlyEvent(aloneDecision);
        boolean sameContent = alone.payload().equals(recorded.payload());
        boolean samePlace = alone.occurred().zone().equals(recorded.occurred().zone())
                || explicitZone(second).isEmpty();
        boolean sameWhen = explicitWhen(second)
                .map(when -> when.equals(EntryMark.of(recorded).when()))
                .orElse(true);
        boolean retry = sameContent && samePlace && sameWhen;
        Statistics.label("decision").collect(retry ? "already recorded" : "conflict");
        Statistics.label("why")
                .collect(!sameContent ? "content" : !samePlace ? "zone" : !sameWhen ? "day or instant" : "retry");
        assertThat(decision).isEqualTo(retry ? new Decision.AlreadyRecorded("e1") : new Decision.Conflict("e1"));
        return decision;
    }

    static JournalState withZone() {
        return JournalState.of(id -> null, () -> "UTC");
    }

    static Decision.Event onlyEvent(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Record.class);
        return ((Decision.Record) decision).events().get(0);
    }

    static Optional<ZoneId> explicitZone(JournalCommand command) {
        return command instanceof LogWin win ? win.zone() : ((RecordCheckIn) command).zone();
    }

    static Optional<String> explicitWhen(JournalCommand command) {
        return command instanceof LogWin win
                ? win.day().map(LocalDate::toString)
                : ((RecordCheckIn) command).at().map(Instant::toString);
    }

    static List<String> splitOrJoin(List<String> tags) {
        List<String> result = new ArrayList<>();
        for (String tag : tags) {
            result.addAll(List.of(tag.split(",")));
        }
        if (result.equals(tags) && tags.size() >= 2) {
            result = new ArrayList<>(tags.subList(2, tags.size()));
            result.add(0, tags.get(0) + ", " + tags.get(1));
        }
        return result;
    }

    static List<String> reversed(List<String> tags) {
        List<String> result = new ArrayList<>(tags);
        java.util.Collections.reverse(result);
        return result;
    }

    static List<String> plus(List<String> tags, String tag) {
        List<String> result = new ArrayList<>(tags);
        result.add(tag);
        return result;
    }
}
