package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.smallwins.journal.JournalDeciderTest.BERLIN;
import static org.smallwins.journal.JournalDeciderTest.NOW;
import static org.smallwins.journal.JournalDeciderTest.decide;
import static org.smallwins.journal.JournalDeciderTest.given;
import static org.smallwins.journal.JournalDeciderTest.nothing;
import static org.smallwins.journal.JournalDeciderTest.recorded;
import static org.smallwins.journal.JournalDeciderTest.refusedRules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;

/**
 * Given a journal, when a person chooses their focus or writes a week's reflection, then this decision. Both set a
 * journal-level subject with one current value: the same content again records nothing; any other replaces it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThePracticeTest {

    /** NOW is Monday 23 November 2026, 11:00 in Berlin: week 2026-W48 (23–29 November). */
    static final String THIS_WEEK = "2026-W48";

    static final Occurred NOW_IN_BERLIN = Occurred.at(NOW, BERLIN);

    static ChooseFocusArea choose(FocusArea area, StageOfChange stage) {
        return new ChooseFocusArea(area, stage, Optional.of(BERLIN));
    }

    static WriteWeeklyReflection reflect(String week, String answer, boolean proud, String... winIds) {
        return new WriteWeeklyReflection(
                week, Optional.ofNullable(answer), Arrays.asList(winIds), proud, Optional.of(BERLIN));
    }

    static Occurred onDay(LocalDate day) {
        return new Occurred(day.atStartOfDay(BERLIN).toInstant(), day, BERLIN.getId());
    }

    static WinLogged win(String id) {
        return new WinLogged(id, "Today I " + id, FocusArea.BOUNDARIES, List.of());
    }

    /** Wins w1–w6, logged this morning (week 48) in Berlin. */
    static JournalDeciderTest.Given aWeekOfWins() {
        JournalDeciderTest.Given journal = nothing();
        for (int i = 1; i <= 6; i++) {
            journal.entry(win("w" + i), Occurred.at(NOW.minusSeconds(60L * i), BERLIN));
        }
        return journal;
    }

    static List<Refusal> refusals(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision).refusals();
    }

    @Nested
    class Choosing_a_focus {

        @Test
        void is_recorded_with_its_area_and_stage_made_now_in_the_persons_zone() {
            Decision decision = decide(choose(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), nothing());

            assertThat(decision)
                    .isEqualTo(recorded(
                            new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), NOW_IN_BERLIN));
        }

        @Test
        void the_same_area_and_stage_as_the_current_choice_records_nothing() {
            var journal = given(new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), NOW_IN_BERLIN);

            Decision decision = decide(choose(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), journal);

            assertThat(decision).isEqualTo(new Decision.AlreadyRecorded("journal:focus"));
            assertThat(decision.eventsOrThrow()).isEmpty();
            assertThat(journal.asked).contains("subject journal:focus");
        }

        @Test
        void another_stage_or_another_area_is_a_new_choice_and_moving_back_a_stage_is_one_too() {
            var journal = given(new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), NOW_IN_BERLIN);

            Decision forward = decide(choose(FocusArea.BOUNDARIES, StageOfChange.ACTION), journal);
            journal.after(forward);
            Decision back = decide(choose(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), journal);
            Decision area = decide(choose(FocusArea.REST, StageOfChange.CONTEMPLATION), journal);

            assertThat(forward)
                    .isEqualTo(
                            recorded(new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.ACTION), NOW_IN_BERLIN));
            // An earlier choice again is recorded: it is not the current one.
            assertThat(back)
                    .isEqualTo(recorded(
                            new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), NOW_IN_BERLIN));
            assertThat(area)
                    .isEqualTo(
                            recorded(new FocusAreaChosen(FocusArea.REST, StageOfChange.CONTEMPLATION), NOW_IN_BERLIN));
            assertThat(journal.subjects.get("journal:focus").version()).isEqualTo(2);
        }

        @Test
        void without_a_zone_uses_the_latest_one_and_a_first_event_must_send_one() {
            var noZone = new ChooseFocusArea(FocusArea.REST, StageOfChange.PREPARATION, Optional.empty());
            ZoneId auckland = ZoneId.of("Pacific/Auckland");

            assertThat(refusedRules(decide(noZone, nothing()))).containsExactly("zone.required");
            assertThat(decide(noZone, given(win("w1"), Occurred.at(NOW, auckland))))
                    .isEqualTo(recorded(
                            new FocusAreaChosen(FocusArea.REST, StageOfChange.PREPARATION),
                            Occurred.at(NOW, auckland)));
        }

        @Test
        void gives_the_journal_its_latest_zone_as_a_new_entry_does() {
            var journal = nothing();
            journal.after(decide(choose(FocusArea.REST, StageOfChange.ACTION), journal));

            assertThat(journal.latestZone()).contains(BERLIN);
        }
    }

    @Nested
    class Writing_a_weekly_reflection {

        @Test
        void is_recorded_with_the_trimmed_answer_and_the_wins_in_the_order_chosen() {
            Decision decision =
                    decide(reflect(THIS_WEEK, "  I said no, kindly.  ", true, "w3", "w1", "w2"), aWeekOfWins());

            assertThat(decision)
                    .isEqualTo(recorded(
                            new WeeklyReflectionWritten(
                                    THIS_WEEK, "I said no, kindly.", List.of("w3", "w1", "w2"), true),
                            NOW_IN_BERLIN));
        }

        @Test
        void may_have_no_answer_and_no_wins_and_a_blank_answer_is_no_answer() {
            assertThat(decide(reflect(THIS_WEEK, "   ", false), nothing().entry(win("w1"), NOW_IN_BERLIN)))
                    .isEqualTo(recorded(new WeeklyReflectionWritten(THIS_WEEK, null, List.of(), false), NOW_IN_BERLIN));
        }

        @Test
        void the_same_content_as_the_weeks_current_reflection_records_nothing() {
            var journal = aWeekOfWins();
            journal.after(decide(reflect(THIS_WEEK, "I rested", true, "w1", "w2"), journal));

            Decision again = decide(reflect(THIS_WEEK, " I rested ", true, "w1", "w2"), journal);

            assertThat(again).isEqualTo(new Decision.AlreadyRecorded("journal:reflection:2026-W48"));
        }

        @Test
        void other_content_for_the_same_week_replaces_it_whatever_changed() {
            var journal = aWeekOfWins();
            journal.after(decide(reflect(THIS_WEEK, "I rested", true, "w1", "w2"), journal));

            for (WriteWeeklyReflection changed : List.of(
                    reflect(THIS_WEEK, "I rested more", true, "w1", "w2"),
                    reflect(THIS_WEEK, null, true, "w1", "w2"),
                    reflect(THIS_WEEK, "I rested", false, "w1", "w2"),
                    reflect(THIS_WEEK, "I rested", true, "w2", "w1"),
                    reflect(THIS_WEEK, "I rested", true, "w1", "w2", "w3"))) {
                assertThat(decide(changed, journal)).as(changed.toString()).isInstanceOf(Decision.Record.class);
            }
        }

        @Test
        void each_week_has_its_own_reflection() {
            var journal = nothing().entry(win("w1"), NOW_IN_BERLIN);
            journal.after(decide(reflect(THIS_WEEK, "Same words", true), journal));

            Decision lastWeek = decide(reflect("2026-W47", "Same words", true), journal);

            assertThat(lastWeek)
                    .isEqualTo(recorded(
                            new WeeklyReflectionWritten("2026-W47", "Same words", List.of(), true), NOW_IN_BERLIN));
            assertThat(journal.asked).contains("subject journal:reflection:2026-W47");
        }

        @Test
        void a_week_that_is_not_an_iso_week_or_lies_before_1900_is_refused() {
            for (String week : List.of("2026-48", "2026-W8", "2025-W53", "2026-W00", "current", "")) {
                assertThat(refusedRules(decide(reflect(week, "x", true), aWeekOfWins())))
                        .as(week)
                        .containsExactly("isoWeek.format");
            }
            assertThat(refusedRules(decide(reflect("1899-W52", "x", true), aWeekOfWins())))
                    .containsExactly("isoWeek.too-early");
            // 2026 has 53 weeks: its week 53 is a week, one that lies ahead.
            assertThat(refusedRules(decide(reflect("2026-W53", "x", true), aWeekOfWins())))
                    .containsExactly("isoWeek.in-future");
        }

        @Test
        void a_week_later_than_the_persons_current_week_in_their_zone_is_refused() {
            // Sunday 29 November 12:00 UTC: still week 48 in Berlin, already Monday of week 49 in Auckland.
            Clock sundayNoonUtc = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
            ZoneId auckland = ZoneId.of("Pacific/Auckland");
            var berlin = new WriteWeeklyReflection("2026-W49", Optional.empty(), List.of(), true, Optional.of(BERLIN));
            var inAuckland =
                    new WriteWeeklyReflection("2026-W49", Optional.empty(), List.of(), true, Optional.of(auckland));
            var byLatestZone =
                    new WriteWeeklyReflection("2026-W49", Optional.empty(), List.of(), true, Optional.empty());

            assertThat(refusedRules(JournalDecider.decide(berlin, nothing(), sundayNoonUtc)))
                    .containsExactly("isoWeek.in-future");
            assertThat(JournalDecider.decide(inAuckland, nothing(), sundayNoonUtc))
                    .isInstanceOf(Decision.Record.class);
            assertThat(JournalDecider.decide(byLatestZone, given(win("w1"), Occurred.at(NOW, auckland)), sundayNoonUtc))
                    .isInstanceOf(Decision.Record.class);
            assertThat(refusedRules(JournalDecider.decide(
                            byLatestZone, given(win("w1"), Occurred.at(NOW, BERLIN)), sundayNoonUtc)))
                    .containsExactly("isoWeek.in-future");
            assertThat(refusedRules(JournalDecider.decide(byLatestZone, nothing(), sundayNoonUtc)))
                    .containsExactly("zone.required");
        }

        @Test
        void an_answer_is_at_most_2000_characters_counted_as_characters_not_utf16_units() {
            String longest = " " + "a".repeat(2000) + " ";
            String emoji = "\uD83C\uDF31".repeat(2000); // 2,000 seedlings: 4,000 UTF-16 units

            assertThat(decide(reflect(THIS_WEEK, longest, true), aWeekOfWins())).isInstanceOf(Decision.Record.class);
            assertThat(decide(reflect(THIS_WEEK, emoji, true), aWeekOfWins())).isInstanceOf(Decision.Record.class);
            List<Refusal> tooLong = refusals(decide(reflect(THIS_WEEK, "a".repeat(2001), true), aWeekOfWins()));
            assertThat(tooLong)
                    .extracting(Refusal::field, Refusal::rule)
                    .containsExactly(tuple("answer", "answer.too-long"));
        }

        @Test
        void at_most_five_wins_each_chosen_once_named_by_position() {
            List<Refusal> six =
                    refusals(decide(reflect(THIS_WEEK, null, true, "w1", "w2", "w3", "w4", "w5", "w6"), aWeekOfWins()));
            List<Refusal> twice =
                    refusals(decide(reflect(THIS_WEEK, null, true, "w1", "w2", "w1", "w3", "w2"), aWeekOfWins()));

            assertThat(six).extracting(Refusal::field).containsExactly("winIds");
            assertThat(six).extracting(Refusal::rule).containsExactly("winIds.too-many");
            assertThat(twice).extracting(Refusal::field).containsExactly("winIds[2]", "winIds[4]");
            assertThat(twice).extracting(Refusal::rule).containsOnly("winIds.duplicate");
            assertThat(decide(reflect(THIS_WEEK, null, true, "w1", "w2", "w3", "w4", "w5"), aWeekOfWins()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void
                a_chosen_id_that_is_not_a_current_win_of_the_person_in_that_week_is_refused_by_its_position_never_its_value() {
            LocalDate lastWeek = LocalDate.of(2026, 11, 20);
            var journal = aWeekOfWins()
                    .entry(win("w-last-week"), onDay(lastWeek))
                    .entry(new CheckInRecorded("c-secret", 3, 3, ToleranceWindow.WITHIN, null), NOW_IN_BERLIN)
                    .entry(win("w-taken-back"), NOW_IN_BERLIN)
                    .entry(new EntryRetracted("w-taken-back", 2, EntryKind.WIN, null), NOW_IN_BERLIN)
                    .entry(new WinCorrected("w2", 2, "Moved", FocusArea.REST, List.of()), onDay(lastWeek));
            List<String> ids = new ArrayList<>(List.of("w1", "w-unknown", "c-secret", "w-taken-back", "w2"));

            List<Refusal> refused =
                    refusals(decide(reflect(THIS_WEEK, null, true, ids.toArray(String[]::new)), journal));
            List<Refusal> malformed = refusals(decide(
                    new WriteWeeklyReflection(
                            THIS_WEEK,
                            Optional.empty(),
                            Arrays.asList("w1", null, "../etc", "w-last-week"),
                            true,
                            Optional.of(BERLIN)),
                    journal));

            assertThat(refused)
                    .extracting(Refusal::field)
                    .containsExactly("winIds[1]", "winIds[2]", "winIds[3]", "winIds[4]");
            assertThat(refused).extracting(Refusal::rule).containsOnly("winIds.not-in-week");
            assertThat(malformed).extracting(Refusal::field).containsExactly("winIds[1]", "winIds[2]", "winIds[3]");
            assertThat((refused + "" + malformed)).doesNotContain("secret", "unknown", "taken", "etc", "last-week");
            // The win corrected onto last week counts there now.
            assertThat(decide(reflect("2026-W47", null, true, "w2", "w-last-week"), journal))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void every_field_at_fault_is_named_at_once() {
            List<Refusal> refused = refusals(decide(
                    new WriteWeeklyReflection(
                            "2026-W50", Optional.of("a".repeat(2001)), List.of("w1", "w1"), true, Optional.empty()),
                    nothing()));

            assertThat(refused).extracting(Refusal::field).containsExactly("answer", "winIds[1]", "zone");
            assertThat(refusals(decide(reflect("2026-W50", null, true, "w1"), aWeekOfWins())))
                    .extracting(Refusal::rule)
                    .containsExactly("isoWeek.in-future", "winIds.not-in-week");
        }
    }

    @Nested
    class Parsing_the_requests {

        @Test
        void a_focus_choice_names_an_area_and_a_stage_from_their_vocabularies() {
            assertThat(JournalRequests.chooseFocusArea("BOUNDARIES", " ACTION ", "Europe/Berlin")
                            .orThrow())
                    .isEqualTo(new ChooseFocusArea(FocusArea.BOUNDARIES, StageOfChange.ACTION, Optional.of(BERLIN)));
            assertThat(((Parsed.Invalid<?>) JournalRequests.chooseFocusArea("CALM", null, "Mars/Olympus")).refusals())
                    .extracting(Refusal::rule)
                    .containsExactly("area.unknown", "stage.required", "zone.unknown");
            assertThat(((Parsed.Invalid<?>) JournalRequests.chooseFocusArea(null, "RELAPSE", null)).refusals())
                    .extracting(Refusal::rule)
                    .containsExactly("area.required", "stage.unknown");
        }

        @Test
        void a_reflection_is_read_with_a_missing_affirmation_as_not_affirmed_and_every_stateless_rule_checked() {
            assertThat(JournalRequests.writeWeeklyReflection(THIS_WEEK, "Hi", List.of("w1"), null, null)
                            .orThrow())
                    .isEqualTo(new WriteWeeklyReflection(
                            THIS_WEEK, Optional.of("Hi"), List.of("w1"), false, Optional.empty()));
            assertThat(((Parsed.Invalid<?>) JournalRequests.writeWeeklyReflection(
                                    "48", "a".repeat(2001), List.of("a", "b", "c", "d", "e", "f"), true, "Nowhere"))
                            .refusals())
                    .extracting(Refusal::rule)
                    .containsExactly("isoWeek.format", "answer.too-long", "winIds.too-many", "zone.unknown");
        }
    }
}
