package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalTest {

    /** Monday 23 November 2026, 10:00 UTC: 23:00 in Auckland, already Tuesday 00:00 in Kiritimati (UTC+14). */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String USER = "user-a";
    static final String BERLIN = "Europe/Berlin";
    static final Map<String, String> CORRELATION = Map.of(JournalMetaData.CORRELATION_ID, "req-1");

    FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static LogWinCommand win(String id, String text, String area, List<String> tags, String day, String zone) {
        return new LogWinCommand(USER, id, text, area, tags, day, zone);
    }

    static LogWinCommand win(String id, String text) {
        return win(id, text, "REST", List.of(), null, BERLIN);
    }

    static RecordCheckInCommand checkIn(String id, Integer mood, Integer energy, String window, String note, String at, String zone) {
        return new RecordCheckInCommand(USER, id, mood, energy, window, note, at, zone);
    }

    static EventMessage<?> stored(Object payload, Occurred occurred) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, "req-0"));
    }

    static EventMessage<?> expected(Object payload, Occurred occurred) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, "req-1"));
    }

    static Occurred today(String zone) {
        return Occurred.at(NOW, java.time.ZoneId.of(zone));
    }

    static TypeSafeMatcher<Object> refusedFor(String... rules) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof EntryRefusedException refused
                        && refused.refusals().stream().map(Refusal::rule).toList().equals(List.of(rules));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal for rules ").appendValue(List.of(rules));
            }
        };
    }

    @Nested
    class Logging_a_win {

        @Test
        void records_it_for_today_in_the_persons_zone() {
            fixture.givenNoPriorActivity()
                    .when(win("w1", "  Today I rested without guilt  ", "REST", List.of("evening"), null, BERLIN), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED)
                    .expectEvents(expected(new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening")),
                            today(BERLIN)));
        }

        @Test
        void back_dated_to_an_earlier_day_is_placed_at_that_days_start() {
            LocalDate sunday = LocalDate.of(2026, 11, 22);
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I said no", "BOUNDARIES", List.of(), "2026-11-22", BERLIN), CORRELATION)
                    .expectEvents(expected(new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            new Occurred(sunday.atStartOfDay(java.time.ZoneId.of(BERLIN)).toInstant(), sunday, BERLIN)));
        }

        @Test
        void for_a_day_after_the_persons_today_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I said no", "BOUNDARIES", List.of(), "2026-11-24", "Pacific/Auckland"), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("day.in-future"));
        }

        @Test
        void for_tomorrow_in_utc_is_today_where_the_person_already_is() {
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I named a feeling", "FEELINGS", List.of(), "2026-11-24", "Pacific/Kiritimati"), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED);
        }

        @Test
        void without_text_is_refused() {
            fixture.givenNoPriorActivity().when(win("w1", "   "), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("text.required"));
        }

        @Test
        void of_500_characters_is_recorded_and_of_501_refused() {
            fixture.givenNoPriorActivity().when(win("w1", "a".repeat(500)), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED);
            fixture.givenNoPriorActivity().when(win("w2", "a".repeat(501)), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("text.too-long"));
        }

        @Test
        void with_a_focus_area_outside_the_vocabulary_is_refused() {
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "SLEEPING_IN", List.of(), null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("focusArea.unknown"));
            fixture.givenNoPriorActivity().when(win("w1", "I rested", null, List.of(), null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("focusArea.required"));
        }

        @Test
        void keeps_up_to_ten_tags_trimmed_and_once_each() {
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I asked for help", "ASKING_FOR_HELP", List.of(" work ", "work", "friends"), null, BERLIN), CORRELATION)
                    .expectEvents(expected(new WinLogged("w1", "I asked for help", FocusArea.ASKING_FOR_HELP, List.of("work", "friends")),
                            today(BERLIN)));
        }

        @Test
        void with_eleven_tags_or_a_blank_or_overlong_tag_is_refused() {
            List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "REST", eleven, null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("tags.too-many"));
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "REST", List.of("ok", " "), null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("tags.blank"));
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "REST", List.of("x".repeat(41)), null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("tags.too-long"));
        }

        @Test
        void with_an_unknown_zone_is_refused() {
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "REST", List.of(), null, "Mars/Olympus_Mons"), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("zone.unknown"));
        }

        @Test
        void as_a_first_entry_without_a_zone_is_refused() {
            fixture.givenNoPriorActivity().when(win("w1", "I rested", "REST", List.of(), null, null), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("zone.required"));
        }

        @Test
        void without_a_zone_uses_the_zone_of_the_previous_entry() {
            fixture.given(stored(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today("Pacific/Auckland")))
                    .when(win("w1", "I said no", "BOUNDARIES", List.of(), null, null), CORRELATION)
                    .expectEvents(expected(new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            today("Pacific/Auckland")));
        }

        @Test
        void with_a_malformed_day_or_id_is_refused_naming_every_field_at_fault() {
            fixture.givenNoPriorActivity()
                    .when(win("not an id!", "", "REST", List.of(), "23/11/2026", BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("id.format", "text.required", "day.format"));
        }
    }

    @Nested
    class Sending_the_same_entry_again {

        @Test
        void with_the_same_content_changes_nothing() {
            fixture.given(stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(win("w1", "  I rested "), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.ALREADY_RECORDED)
                    .expectNoEvents();
        }

        @Test
        void without_a_day_after_midnight_is_still_the_same_entry() {
            LocalDate yesterday = LocalDate.of(2026, 11, 22);
            fixture.given(stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                            new Occurred(Instant.parse("2026-11-22T20:00:00Z"), yesterday, BERLIN)))
                    .when(win("w1", "I rested"), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.ALREADY_RECORDED)
                    .expectNoEvents();
        }

        @Test
        void with_different_content_is_a_conflict() {
            fixture.given(stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(win("w1", "I rested a lot"), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }

        @Test
        void with_the_same_content_on_another_day_is_a_conflict() {
            fixture.given(stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(win("w1", "I rested", "REST", List.of(), "2026-11-20", BERLIN), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }

        @Test
        void as_a_check_in_with_a_wins_id_is_a_conflict() {
            fixture.given(stored(new WinLogged("e1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(checkIn("e1", 3, 3, "WITHIN", null, null, BERLIN), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }

        @Test
        void of_a_check_in_with_the_same_values_changes_nothing() {
            fixture.given(stored(new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired"), today(BERLIN)))
                    .when(checkIn("c1", 2, 3, "HYPOAROUSED", " tired ", null, null), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.ALREADY_RECORDED)
                    .expectNoEvents();
        }
    }

    @Nested
    class Recording_a_check_in {

        @Test
        void records_mood_energy_window_and_note_at_the_given_instant_and_zone() {
            Instant at = Instant.parse("2026-11-22T22:30:00Z");
            fixture.givenNoPriorActivity()
                    .when(checkIn("c1", 4, 2, "WITHIN", "  slow morning ", "2026-11-22T22:30:00Z", "Pacific/Auckland"), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED)
                    // 22:30 UTC on Sunday is Monday 11:30 in Auckland: the local day is Monday.
                    .expectEvents(expected(new CheckInRecorded("c1", 4, 2, ToleranceWindow.WITHIN, "slow morning"),
                            new Occurred(at, LocalDate.of(2026, 11, 23), "Pacific/Auckland")));
        }

        @Test
        void without_an_instant_is_made_now_and_a_blank_note_is_no_note() {
            fixture.givenNoPriorActivity()
                    .when(checkIn("c1", 3, 3, "HYPERAROUSED", "   ", null, BERLIN), CORRELATION)
                    .expectEvents(expected(new CheckInRecorded("c1", 3, 3, ToleranceWindow.HYPERAROUSED, null), today(BERLIN)));
        }

        @Test
        void with_mood_or_energy_outside_one_to_five_is_refused() {
            fixture.givenNoPriorActivity().when(checkIn("c1", 0, 6, "WITHIN", null, null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("mood.range", "energy.range"));
            fixture.givenNoPriorActivity().when(checkIn("c1", null, null, "WITHIN", null, null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("mood.required", "energy.required"));
        }

        @Test
        void with_an_unknown_or_missing_window_of_tolerance_is_refused() {
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "CALM", null, null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("window.unknown"));
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, null, null, null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("window.required"));
        }

        @Test
        void with_a_note_over_1000_characters_is_refused() {
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "WITHIN", "n".repeat(1001), null, BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("note.too-long"));
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "WITHIN", "n".repeat(1000), null, BERLIN), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED);
        }

        @Test
        void dated_in_the_future_beyond_clock_drift_is_refused() {
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "WITHIN", null, "2026-11-23T10:10:00Z", BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("at.in-future"));
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "WITHIN", null, "2026-11-23T10:04:00Z", BERLIN), CORRELATION)
                    .expectResultMessagePayload(EntryOutcome.RECORDED);
        }

        @Test
        void with_a_malformed_instant_is_refused() {
            fixture.givenNoPriorActivity().when(checkIn("c1", 3, 3, "WITHIN", null, "yesterday", BERLIN), CORRELATION)
                    .expectNoEvents().expectException(refusedFor("at.format"));
        }
    }

    @Test
    void refusals_and_commands_never_repeat_what_was_written() {
        String secret = "my very private sentence";
        JournalPolicies policies = new JournalPolicies();
        policies.winText(secret.repeat(100));
        policies.note(secret.repeat(100));
        assertThat(policies.refusals()).hasSize(2)
                .allSatisfy(refusal -> assertThat(refusal.toString()).doesNotContain(secret));
        assertThat(new LogWinCommand(USER, "w1", secret, "REST", List.of(), null, BERLIN).toString()).doesNotContain(secret);
        assertThat(new WinLogged("w1", secret, FocusArea.REST, List.of()).toString()).doesNotContain(secret);
        assertThat(new CheckInRecorded("c1", 1, 1, ToleranceWindow.WITHIN, secret).toString()).doesNotContain(secret);
    }
}
