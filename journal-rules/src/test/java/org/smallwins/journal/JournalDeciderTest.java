package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

/** Given what a journal holds, when a command arrives, then this decision: every rule, without any framework. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalDeciderTest {

    /** Monday 23 November 2026, 10:00 UTC: 23:00 in Auckland, already Tuesday 00:00 in Kiritimati (UTC+14). */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A journal in memory, evolved by each event exactly as the aggregate evolves its own. */
    static final class Given implements JournalState {
        final Map<String, EntryMark> entries = new HashMap<>();
        String latestZone;
        final List<String> asked = new ArrayList<>();

        final Map<String, SubjectMark> subjects = new HashMap<>();

        Given entry(JournalEvent event, Occurred occurred) {
            if (SubjectMark.setsASubject(event)) {
                subjects.put(event.entryId(), SubjectMark.evolve(subjects.get(event.entryId()), event));
            } else {
                entries.put(event.entryId(), EntryMark.evolve(entries.get(event.entryId()), event, occurred));
            }
            if (JournalState.setsTheLatestZone(event)) {
                latestZone = occurred.zone();
            }
            return this;
        }

        /** The journal after what {@code decision} recorded (a journal-level event or an entry's). */
        Given after(Decision decision) {
            decision.eventsOrThrow().forEach(e -> entry(e.payload(), e.occurred()));
            return this;
        }

        @Override
        public Optional<SubjectMark> subject(String subject) {
            asked.add("subject " + subject);
            return Optional.ofNullable(subjects.get(subject));
        }

        @Override
        public Optional<EntryMark> entry(String entryId) {
            asked.add("entry " + entryId);
            return Optional.ofNullable(entries.get(entryId));
        }

        @Override
        public Optional<ZoneId> latestZone() {
            asked.add("latest zone");
            return Optional.ofNullable(latestZone).map(ZoneId::of);
        }
    }

    static Given nothing() {
        return new Given();
    }

    static Given given(JournalEvent event, Occurred occurred) {
        return new Given().entry(event, occurred);
    }

    static LogWin win(String id, String text, FocusArea area, List<String> tags, String day, String zone) {
        return new LogWin(
                id,
                text,
                area,
                tags,
                Optional.ofNullable(day).map(LocalDate::parse),
                Optional.ofNullable(zone).map(ZoneId::of));
    }

    static LogWin win(String id, String text) {
        return win(id, text, FocusArea.REST, List.of(), null, "Europe/Berlin");
    }

    static RecordCheckIn checkIn(
            String id, int mood, int energy, ToleranceWindow window, String note, String at, String zone) {
        return new RecordCheckIn(
                id,
                mood,
                energy,
                window,
                Optional.ofNullable(note),
                Optional.ofNullable(at).map(Instant::parse),
                Optional.ofNullable(zone).map(ZoneId::of));
    }

    static Occurred today(String zone) {
        return Occurred.at(NOW, ZoneId.of(zone));
    }

    static Decision decide(JournalCommand command, JournalState state) {
        return JournalDecider.decide(command, state, CLOCK);
    }

    static Decision recorded(JournalEvent event, Occurred occurred) {
        return new Decision.Record(List.of(new Decision.Event(event, occurred)));
    }

    static List<String> refusedRules(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) decision)
                .refusals().stream().map(Refusal::rule).toList();
    }

    @Nested
    class Logging_a_win {

        @Test
        void records_it_for_today_in_the_persons_zone_trimmed() {
            assertThat(decide(
                            win(
                                    "w1",
                                    "  Today I rested without guilt  ",
                                    FocusArea.REST,
                                    List.of("evening"),
                                    null,
                                    "Europe/Berlin"),
                            nothing()))
                    .isEqualTo(recorded(
                            new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening")),
                            today("Europe/Berlin")));
        }

        @Test
        void back_dated_to_an_earlier_day_is_placed_at_that_days_start() {
            LocalDate sunday = LocalDate.of(2026, 11, 22);
            assertThat(decide(
                            win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), "2026-11-22", "Europe/Berlin"),
                            nothing()))
                    .isEqualTo(recorded(
                            new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            new Occurred(sunday.atStartOfDay(BERLIN).toInstant(), sunday, "Europe/Berlin")));
        }

        @Test
        void for_a_day_after_the_persons_today_is_refused() {
            assertThat(refusedRules(decide(
                            win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), "2026-11-24", "Pacific/Auckland"),
                            nothing())))
                    .containsExactly("day.in-future");
        }

        @Test
        void for_tomorrow_in_utc_is_today_where_the_person_already_is() {
            assertThat(decide(
                            win(
                                    "w1",
                                    "I named a feeling",
                                    FocusArea.FEELINGS,
                                    List.of(),
                                    "2026-11-24",
                                    "Pacific/Kiritimati"),
                            nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void for_a_day_before_1900_is_refused() {
            assertThat(refusedRules(
                            decide(win("w1", "I rested", FocusArea.REST, List.of(), "1899-12-31", "UTC"), nothing())))
                    .containsExactly("day.too-early");
            assertThat(decide(win("w1", "I rested", FocusArea.REST, List.of(), "1900-01-01", "UTC"), nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void without_text_is_refused() {
            assertThat(refusedRules(decide(win("w1", "   "), nothing()))).containsExactly("text.required");
            assertThat(refusedRules(decide(win("w1", null), nothing()))).containsExactly("text.required");
        }

        @Test
        void of_500_characters_is_recorded_and_of_501_refused() {
            assertThat(decide(win("w1", "a".repeat(500)), nothing())).isInstanceOf(Decision.Record.class);
            assertThat(refusedRules(decide(win("w2", "a".repeat(501)), nothing())))
                    .containsExactly("text.too-long");
        }

        @Test
        void counts_characters_not_utf16_units() {
            assertThat(decide(win("w1", "🌱".repeat(500)), nothing())).isInstanceOf(Decision.Record.class);
        }

        @Test
        void keeps_up_to_ten_tags_trimmed_and_once_each() {
            assertThat(decide(
                            win(
                                    "w1",
                                    "I asked for help",
                                    FocusArea.ASKING_FOR_HELP,
                                    List.of(" work ", "work", "friends"),
                                    null,
                                    "Europe/Berlin"),
                            nothing()))
                    .isEqualTo(recorded(
                            new WinLogged(
                                    "w1", "I asked for help", FocusArea.ASKING_FOR_HELP, List.of("work", "friends")),
                            today("Europe/Berlin")));
        }

        @Test
        void with_eleven_tags_or_a_blank_missing_or_overlong_tag_is_refused() {
            List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
            assertThat(refusedRules(decide(win("w1", "I rested", FocusArea.REST, eleven, null, "UTC"), nothing())))
                    .containsExactly("tags.too-many");
            assertThat(refusedRules(
                            decide(win("w1", "I rested", FocusArea.REST, List.of("ok", " "), null, "UTC"), nothing())))
                    .containsExactly("tags.blank");
            List<String> withNull = new ArrayList<>();
            withNull.add(null);
            assertThat(refusedRules(decide(win("w1", "I rested", FocusArea.REST, withNull, null, "UTC"), nothing())))
                    .containsExactly("tags.blank");
            assertThat(refusedRules(decide(
                            win("w1", "I rested", FocusArea.REST, List.of("x".repeat(41)), null, "UTC"), nothing())))
                    .containsExactly("tags.too-long");
            assertThat(decide(win("w1", "I rested", FocusArea.REST, List.of("x".repeat(40)), null, "UTC"), nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void names_the_tag_at_fault_by_its_position() {
            Decision decision =
                    decide(win("w1", "I rested", FocusArea.REST, List.of("ok", " "), null, "UTC"), nothing());
            assertThat(((Decision.Refused) decision).refusals())
                    .extracting(Refusal::field)
                    .containsExactly("tags[1]");
        }

        @Test
        void with_an_offset_instead_of_a_place_is_refused() {
            assertThat(refusedRules(
                            decide(win("w1", "I rested", FocusArea.REST, List.of(), null, "+02:00"), nothing())))
                    .containsExactly("zone.unknown");
        }

        @Test
        void as_a_first_entry_without_a_zone_is_refused() {
            assertThat(refusedRules(decide(win("w1", "I rested", FocusArea.REST, List.of(), null, null), nothing())))
                    .containsExactly("zone.required");
        }

        @Test
        void without_a_zone_uses_the_zone_of_the_latest_entry() {
            Given auckland =
                    given(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today("Pacific/Auckland"));
            assertThat(decide(win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), null, null), auckland))
                    .isEqualTo(recorded(
                            new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            today("Pacific/Auckland")));
        }

        @Test
        void with_a_zone_does_not_ask_for_the_latest_one() {
            Given state = nothing();
            decide(win("w1", "I rested"), state);
            assertThat(state.asked).containsExactly("entry w1");
        }

        @Test
        void with_a_bad_id_and_no_text_names_both_rules_in_field_order() {
            assertThat(refusedRules(
                            decide(win("not an id!", "", FocusArea.REST, List.of(), "2999-01-01", "UTC"), nothing())))
                    .containsExactly("id.format", "text.required", "day.in-future");
            assertThat(refusedRules(decide(win(" ", "I rested"), nothing()))).containsExactly("id.required");
            assertThat(refusedRules(decide(win("a".repeat(65), "I rested"), nothing())))
                    .containsExactly("id.format");
            assertThat(decide(win("a".repeat(64), "I rested"), nothing())).isInstanceOf(Decision.Record.class);
        }
    }

    @Nested
    class Recording_a_check_in {

        @Test
        void records_mood_energy_window_and_note_at_the_given_instant_and_zone() {
            Instant at = Instant.parse("2026-11-22T22:30:00Z");
            // 22:30 UTC on Sunday is Monday 11:30 in Auckland: the local day is Monday.
            assertThat(decide(
                            checkIn(
                                    "c1",
                                    4,
                                    2,
                                    ToleranceWindow.WITHIN,
                                    "  slow morning ",
                                    "2026-11-22T22:30:00Z",
                                    "Pacific/Auckland"),
                            nothing()))
                    .isEqualTo(recorded(
                            new CheckInRecorded("c1", 4, 2, ToleranceWindow.WITHIN, "slow morning"),
                            new Occurred(at, LocalDate.of(2026, 11, 23), "Pacific/Auckland")));
        }

        @Test
        void without_an_instant_is_made_now_and_a_blank_note_is_no_note() {
            assertThat(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.HYPERAROUSED, "   ", null, "Europe/Berlin"), nothing()))
                    .isEqualTo(recorded(
                            new CheckInRecorded("c1", 3, 3, ToleranceWindow.HYPERAROUSED, null),
                            today("Europe/Berlin")));
        }

        @Test
        void with_mood_or_energy_outside_one_to_five_is_refused() {
            assertThat(refusedRules(decide(checkIn("c1", 0, 6, ToleranceWindow.WITHIN, null, null, "UTC"), nothing())))
                    .containsExactly("mood.range", "energy.range");
            assertThat(decide(checkIn("c1", 1, 5, ToleranceWindow.WITHIN, null, null, "UTC"), nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void with_a_note_over_1000_characters_is_refused() {
            assertThat(refusedRules(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.WITHIN, "n".repeat(1001), null, "UTC"), nothing())))
                    .containsExactly("note.too-long");
            assertThat(decide(checkIn("c1", 3, 3, ToleranceWindow.WITHIN, "n".repeat(1000), null, "UTC"), nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void dated_in_the_future_beyond_clock_drift_is_refused() {
            assertThat(refusedRules(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.WITHIN, null, "2026-11-23T10:10:00Z", "UTC"),
                            nothing())))
                    .containsExactly("at.in-future");
            assertThat(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.WITHIN, null, "2026-11-23T10:04:00Z", "UTC"),
                            nothing()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void dated_before_1900_is_refused() {
            assertThat(refusedRules(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.WITHIN, null, "1899-12-31T23:59:59Z", "UTC"),
                            nothing())))
                    .containsExactly("at.too-early");
        }

        @Test
        void as_a_first_entry_without_a_zone_is_refused_and_later_uses_the_latest_zone() {
            assertThat(refusedRules(decide(checkIn("c1", 3, 3, ToleranceWindow.WITHIN, null, null, null), nothing())))
                    .containsExactly("zone.required");
            assertThat(decide(
                            checkIn("c1", 3, 3, ToleranceWindow.WITHIN, null, null, null),
                            given(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today("Asia/Tokyo"))))
                    .isEqualTo(recorded(
                            new CheckInRecorded("c1", 3, 3, ToleranceWindow.WITHIN, null), today("Asia/Tokyo")));
        }

        @Test
        void with_a_bad_id_and_values_out_of_range_names_every_rule_in_field_order() {
            assertThat(refusedRules(decide(
                            checkIn(
                                    "",
                                    9,
                                    0,
                                    ToleranceWindow.WITHIN,
                                    "n".repeat(1001),
                                    "2999-01-01T00:00:00Z",
                                    "+01:00"),
                            nothing())))
                    .containsExactly(
                            "id.required",
                            "mood.range",
                            "energy.range",
                            "note.too-long",
                            "at.in-future",
                            "zone.unknown");
        }
    }

    @Nested
    class Sending_the_same_entry_again {

        final Given restedToday =
                given(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today("Europe/Berlin"));

        @Test
        void with_the_same_content_changes_nothing() {
            assertThat(decide(win("w1", "  I rested "), restedToday)).isEqualTo(new Decision.AlreadyRecorded("w1"));
        }

        @Test
        void repeating_the_same_day_and_zone_changes_nothing() {
            assertThat(decide(
                            win("w1", "I rested", FocusArea.REST, List.of(), "2026-11-23", "Europe/Berlin"),
                            restedToday))
                    .isEqualTo(new Decision.AlreadyRecorded("w1"));
        }

        @Test
        void without_a_day_after_midnight_is_still_the_same_entry() {
            Given yesterday = given(
                    new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                    new Occurred(Instant.parse("2026-11-22T20:00:00Z"), LocalDate.of(2026, 11, 22), "Europe/Berlin"));
            assertThat(decide(win("w1", "I rested"), yesterday)).isEqualTo(new Decision.AlreadyRecorded("w1"));
        }

        @Test
        void with_different_content_is_a_conflict() {
            assertThat(decide(win("w1", "I rested a lot"), restedToday)).isEqualTo(new Decision.Conflict("w1"));
            assertThat(decide(
                            win("w1", "I rested", FocusArea.BOUNDARIES, List.of(), null, "Europe/Berlin"), restedToday))
                    .isEqualTo(new Decision.Conflict("w1"));
            assertThat(decide(
                            win("w1", "I rested", FocusArea.REST, List.of("evening"), null, "Europe/Berlin"),
                            restedToday))
                    .isEqualTo(new Decision.Conflict("w1"));
        }

        @Test
        void with_the_same_content_on_another_day_or_in_another_zone_is_a_conflict() {
            assertThat(decide(
                            win("w1", "I rested", FocusArea.REST, List.of(), "2026-11-20", "Europe/Berlin"),
                            restedToday))
                    .isEqualTo(new Decision.Conflict("w1"));
            assertThat(decide(win("w1", "I rested", FocusArea.REST, List.of(), null, "Europe/Paris"), restedToday))
                    .isEqualTo(new Decision.Conflict("w1"));
        }

        @Test
        void that_breaks_a_rule_is_refused_before_it_is_compared() {
            assertThat(refusedRules(decide(win("w1", ""), restedToday))).containsExactly("text.required");
        }

        @Test
        void as_a_check_in_with_a_wins_id_is_a_conflict() {
            assertThat(decide(checkIn("w1", 3, 3, ToleranceWindow.WITHIN, null, null, "Europe/Berlin"), restedToday))
                    .isEqualTo(new Decision.Conflict("w1"));
        }

        @Test
        void of_a_check_in_with_the_same_values_changes_nothing_and_with_other_values_conflicts() {
            Given tired = given(
                    new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired"), today("Europe/Berlin"));
            assertThat(decide(checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, " tired ", null, null), tired))
                    .isEqualTo(new Decision.AlreadyRecorded("c1"));
            assertThat(decide(
                            checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired", NOW.toString(), "Europe/Berlin"),
                            tired))
                    .isEqualTo(new Decision.AlreadyRecorded("c1"));
            assertThat(decide(
                            checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired", "2026-11-23T09:00:00Z", null),
                            tired))
                    .isEqualTo(new Decision.Conflict("c1"));
            assertThat(decide(checkIn("c1", 2, 4, ToleranceWindow.HYPOAROUSED, "tired", null, null), tired))
                    .isEqualTo(new Decision.Conflict("c1"));
            assertThat(decide(checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, null, null, null), tired))
                    .isEqualTo(new Decision.Conflict("c1"));
        }

        /** The two collisions of the digest this replaced: both used to be answered "already recorded". */
        @Test
        void with_a_tag_split_in_two_or_the_note_null_is_a_conflict() {
            Given oneTag =
                    given(new WinLogged("w1", "I rested", FocusArea.REST, List.of("a, b")), today("Europe/Berlin"));
            assertThat(decide(win("w1", "I rested", FocusArea.REST, List.of("a", "b"), null, null), oneTag))
                    .isEqualTo(new Decision.Conflict("w1"));
            Given noNote = given(new CheckInRecorded("c1", 3, 3, ToleranceWindow.WITHIN, null), today("Europe/Berlin"));
            assertThat(decide(checkIn("c1", 3, 3, ToleranceWindow.WITHIN, "null", null, null), noNote))
                    .isEqualTo(new Decision.Conflict("c1"));
        }
    }

    @Test
    void refusals_and_commands_never_repeat_what_was_written() {
        String secret = "my very private sentence";
        Decision text = decide(win("w1", secret.repeat(100)), nothing());
        Decision note = decide(checkIn("c1", 3, 3, ToleranceWindow.WITHIN, secret.repeat(100), null, "UTC"), nothing());
        assertThat(List.of(text, note)).allSatisfy(d -> assertThat(d.toString()).doesNotContain(secret));
        assertThat(win("w1", secret, FocusArea.REST, List.of(secret), null, "UTC")
                        .toString())
                .doesNotContain(secret);
        assertThat(checkIn("c1", 1, 1, ToleranceWindow.WITHIN, secret, null, "UTC")
                        .toString())
                .doesNotContain(secret);
        assertThat(EntryMark.of(new WinLogged("w1", secret, FocusArea.REST, List.of()), today("UTC"))
                        .toString())
                .doesNotContain(secret);
    }
}
