package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.ChooseFocusArea;
import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.LogWin;
import org.smallwins.journal.RecordCheckIn;
import org.smallwins.journal.Refusal;
import org.smallwins.journal.SetAnalyticsConsent;
import org.smallwins.journal.WriteWeeklyReflection;

/**
 * The aggregate wires the journal's decider to Axon: it evolves its state from stored events, applies what the
 * decider records with the event envelope's metadata, and answers retries, conflicts and refusals. The rules
 * themselves are tested on the decider (journal-rules: {@code JournalDeciderTest}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalTest {

    /** Monday 23 November 2026, 10:00 UTC. */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String USER = "user-a";
    static final String BERLIN = "Europe/Berlin";
    static final Map<String, String> CORRELATION = Map.of(JournalMetaData.CORRELATION_ID, "req-1");

    FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static ForJournal win(String id, String text, FocusArea area, List<String> tags, String day, String zone) {
        return new ForJournal(
                USER,
                new LogWin(
                        id,
                        text,
                        area,
                        tags,
                        Optional.ofNullable(day).map(LocalDate::parse),
                        Optional.ofNullable(zone).map(ZoneId::of)));
    }

    static ForJournal win(String id, String text) {
        return win(id, text, FocusArea.REST, List.of(), null, BERLIN);
    }

    static ForJournal checkIn(
            String id, int mood, int energy, ToleranceWindow window, String note, String at, String zone) {
        return new ForJournal(
                USER,
                new RecordCheckIn(
                        id,
                        mood,
                        energy,
                        window,
                        Optional.ofNullable(note),
                        Optional.ofNullable(at).map(Instant::parse),
                        Optional.ofNullable(zone).map(ZoneId::of)));
    }

    static EventMessage<?> stored(Object payload, Occurred occurred) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, "req-0"));
    }

    static EventMessage<?> expected(Object payload, Occurred occurred) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, "req-1"));
    }

    static Occurred today(String zone) {
        return Occurred.at(NOW, ZoneId.of(zone));
    }

    static TypeSafeMatcher<Object> refusedFor(String... rules) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof EntryRefusedException refused
                        && refused.refusals().stream()
                                .map(Refusal::rule)
                                .toList()
                                .equals(List.of(rules));
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
        void records_it_for_today_in_the_persons_zone_with_the_envelope_in_metadata() {
            fixture.givenNoPriorActivity()
                    .when(
                            win(
                                    "w1",
                                    "  Today I rested without guilt  ",
                                    FocusArea.REST,
                                    List.of("evening"),
                                    null,
                                    BERLIN),
                            CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 1))
                    .expectEvents(expected(
                            new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening")),
                            today(BERLIN)));
        }

        @Test
        void back_dated_to_an_earlier_day_is_placed_at_that_days_start() {
            LocalDate sunday = LocalDate.of(2026, 11, 22);
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), "2026-11-22", BERLIN), CORRELATION)
                    .expectEvents(expected(
                            new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            new Occurred(sunday.atStartOfDay(ZoneId.of(BERLIN)).toInstant(), sunday, BERLIN)));
        }

        @Test
        void that_breaks_rules_is_refused_naming_each_and_records_nothing() {
            fixture.givenNoPriorActivity()
                    .when(
                            win("w1", "a".repeat(501), FocusArea.REST, List.of(), "2026-11-24", "Pacific/Auckland"),
                            CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("text.too-long", "day.in-future"));
        }

        @Test
        void as_a_first_entry_without_a_zone_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(win("w1", "I rested", FocusArea.REST, List.of(), null, null), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("zone.required"));
        }

        @Test
        void without_a_zone_uses_the_zone_of_the_previous_entry() {
            fixture.given(stored(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today("Pacific/Auckland")))
                    .when(win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), null, null), CORRELATION)
                    .expectEvents(expected(
                            new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()),
                            today("Pacific/Auckland")));
        }

        @Test
        void without_a_zone_uses_the_zone_of_the_latest_entry_of_any_kind() {
            fixture.given(
                            stored(
                                    new WinLogged("w0", "I rested", FocusArea.REST, List.of()),
                                    today("Pacific/Auckland")),
                            stored(new CheckInRecorded("c0", 3, 3, ToleranceWindow.WITHIN, null), today("Asia/Tokyo")))
                    .when(win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), null, null), CORRELATION)
                    .expectEvents(expected(
                            new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()), today("Asia/Tokyo")));
        }
    }

    @Nested
    class Recording_a_check_in {

        @Test
        void records_mood_energy_window_and_note_at_the_given_instant_and_zone() {
            Instant at = Instant.parse("2026-11-22T22:30:00Z");
            fixture.givenNoPriorActivity()
                    .when(
                            checkIn(
                                    "c1",
                                    4,
                                    2,
                                    ToleranceWindow.WITHIN,
                                    "  slow morning ",
                                    "2026-11-22T22:30:00Z",
                                    "Pacific/Auckland"),
                            CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 1))
                    // 22:30 UTC on Sunday is Monday 11:30 in Auckland: the local day is Monday.
                    .expectEvents(expected(
                            new CheckInRecorded("c1", 4, 2, ToleranceWindow.WITHIN, "slow morning"),
                            new Occurred(at, LocalDate.of(2026, 11, 23), "Pacific/Auckland")));
        }

        @Test
        void with_values_out_of_range_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(checkIn("c1", 0, 6, ToleranceWindow.WITHIN, null, null, BERLIN), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("mood.range", "energy.range"));
        }
    }

    @Nested
    class Sending_the_same_entry_again {

        @Test
        void with_the_same_content_changes_nothing() {
            fixture.given(stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(win("w1", "  I rested "), CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 1))
                    .expectNoEvents();
        }

        @Test
        void without_a_day_after_midnight_is_still_the_same_entry() {
            LocalDate yesterday = LocalDate.of(2026, 11, 22);
            fixture.given(stored(
                            new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                            new Occurred(Instant.parse("2026-11-22T20:00:00Z"), yesterday, BERLIN)))
                    .when(win("w1", "I rested"), CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 1))
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
                    .when(win("w1", "I rested", FocusArea.REST, List.of(), "2026-11-20", BERLIN), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }

        @Test
        void as_a_check_in_with_a_wins_id_is_a_conflict() {
            fixture.given(stored(new WinLogged("e1", "I rested", FocusArea.REST, List.of()), today(BERLIN)))
                    .when(checkIn("e1", 3, 3, ToleranceWindow.WITHIN, null, null, BERLIN), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }

        @Test
        void of_a_check_in_with_the_same_values_changes_nothing() {
            fixture.given(stored(new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired"), today(BERLIN)))
                    .when(checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, " tired ", null, null), CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 1))
                    .expectNoEvents();
        }

        @Test
        void of_a_check_in_with_the_note_null_instead_of_none_is_a_conflict() {
            fixture.given(stored(new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPOAROUSED, null), today(BERLIN)))
                    .when(checkIn("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "null", null, null), CORRELATION)
                    .expectNoEvents()
                    .expectException(EntryConflictException.class);
        }
    }

    @Nested
    class Answering_with_the_journals_sequence {

        @Test
        void after_a_new_entry_is_the_sequence_of_its_event() {
            fixture.given(
                            stored(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today(BERLIN)),
                            stored(new CheckInRecorded("c0", 3, 3, ToleranceWindow.WITHIN, null), today(BERLIN)))
                    .when(win("w1", "I said no", FocusArea.BOUNDARIES, List.of(), null, null), CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 3));
        }

        @Test
        void after_a_retry_of_an_older_entry_is_the_journals_sequence_as_it_is() {
            fixture.given(
                            stored(new WinLogged("w0", "I rested", FocusArea.REST, List.of()), today(BERLIN)),
                            stored(new CheckInRecorded("c0", 3, 3, ToleranceWindow.WITHIN, null), today(BERLIN)),
                            stored(new WinLogged("w1", "I said no", FocusArea.BOUNDARIES, List.of()), today(BERLIN)))
                    .when(win("w0", "I rested"), CORRELATION)
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 3))
                    .expectNoEvents();
        }
    }

    @Nested
    class Read_back_from_a_snapshot {

        final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

        Journal journalWith(Object... events) {
            Journal journal = new Journal();
            long sequence = 0;
            for (Object event : events) {
                journal.on(
                        (org.smallwins.contract.JournalEvent) event,
                        JournalMetaData.of(USER, today(BERLIN), "req-0"),
                        sequence++);
            }
            return journal;
        }

        @Test
        void still_recognises_retries_and_conflicts() {
            Journal journal = journalWith(
                    new WinLogged("w1", "I rested", FocusArea.REST, List.of("a, b")),
                    new CheckInRecorded("c1", 2, 3, ToleranceWindow.WITHIN, null));
            SerializedObject<byte[]> snapshot = serializer.serialize(journal, byte[].class);

            Journal restored = serializer.deserialize(snapshot);

            assertThat(serializer.serialize(restored, byte[].class).getData()).isEqualTo(snapshot.getData());
            assertThat(restored.decide(win("w1", "I rested", FocusArea.REST, List.of("a, b"), null, null), CLOCK, "r"))
                    .isEqualTo(EntryOutcome.ALREADY_RECORDED);
            assertThat(restored.decide(
                            checkIn("c1", 2, 3, ToleranceWindow.WITHIN, null, NOW.toString(), BERLIN), CLOCK, "r"))
                    .isEqualTo(EntryOutcome.ALREADY_RECORDED);
            assertThatThrownBy(() -> restored.decide(
                            win("w1", "I rested", FocusArea.REST, List.of("a", "b"), null, null), CLOCK, "r"))
                    .isInstanceOf(EntryConflictException.class);
            assertThatThrownBy(() -> restored.decide(
                            checkIn("c1", 2, 3, ToleranceWindow.WITHIN, "null", null, null), CLOCK, "r"))
                    .isInstanceOf(EntryConflictException.class);
        }

        @Test
        void holds_no_journal_text() {
            String secret = "my very private sentence";
            Journal journal = journalWith(
                    new WinLogged("w1", secret, FocusArea.REST, List.of(secret)),
                    new CheckInRecorded("c1", 2, 3, ToleranceWindow.WITHIN, secret));

            String snapshot =
                    new String(serializer.serialize(journal, byte[].class).getData(), StandardCharsets.UTF_8);

            assertThat(snapshot).contains("w1", "c1", BERLIN).doesNotContain(secret);
        }

        /**
         * Snapshots of revision 1 marked entries with an ambiguous digest, those of revision 2 without kind, version and
         * retraction; Axon skips snapshots of another revision.
         */
        @Test
        void is_of_revision_4() {
            assertThat(serializer.typeForClass(Journal.class).getRevision()).isEqualTo("4");
        }

        @Test
        void keeps_the_focus_and_each_weeks_reflection_as_hashes_only_and_still_recognises_them() {
            String secret = "my very private reflection";
            Journal journal = journalWith(
                    new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                    new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                    new WeeklyReflectionWritten("2026-W48", secret, List.of("w1"), true));

            byte[] snapshot = serializer.serialize(journal, byte[].class).getData();
            Journal restored = serializer.deserialize(serializer.serialize(journal, byte[].class));

            assertThat(new String(snapshot, StandardCharsets.UTF_8))
                    .contains("journal:focus", "journal:reflection:2026-W48")
                    .doesNotContain(secret, "BOUNDARIES", "CONTEMPLATION");
            assertThat(restored.decide(focus(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), CLOCK, "r"))
                    .isEqualTo(EntryOutcome.ALREADY_RECORDED);
            assertThat(restored.decide(reflection("2026-W48", secret, true, "w1"), CLOCK, "r"))
                    .isEqualTo(EntryOutcome.ALREADY_RECORDED);
        }

        @Test
        void keeps_each_entrys_version_and_retraction_across_a_snapshot() {
            Journal journal = journalWith(
                    new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                    new org.smallwins.contract.WinCorrected("w1", 2, "I rested well", FocusArea.REST, List.of()),
                    new CheckInRecorded("c1", 2, 3, ToleranceWindow.WITHIN, null),
                    new org.smallwins.contract.EntryRetracted(
                            "c1", 2, org.smallwins.contract.EntryKind.CHECK_IN, null));

            Journal restored = serializer.deserialize(serializer.serialize(journal, byte[].class));

            var sameAgain = new org.smallwins.journal.CorrectWin(
                    "w1", 1, "I rested well", FocusArea.REST, List.of(), Optional.empty(), Optional.empty());
            assertThat(restored.decide(new ForJournal(USER, sameAgain), CLOCK, "r"))
                    .isEqualTo(EntryOutcome.ALREADY_RECORDED);
            var stale = new org.smallwins.journal.CorrectWin(
                    "w1", 1, "I rested better", FocusArea.REST, List.of(), Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> restored.decide(new ForJournal(USER, stale), CLOCK, "r"))
                    .isInstanceOfSatisfying(
                            org.smallwins.journal.EntryVersionMismatchException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(2));
            assertThatThrownBy(() -> restored.decide(
                            checkIn("c1", 2, 3, ToleranceWindow.WITHIN, null, NOW.toString(), BERLIN), CLOCK, "r"))
                    .isInstanceOf(org.smallwins.journal.EntryRetractedException.class);
        }
    }

    @Test
    void commands_never_print_what_was_written() {
        String secret = "my very private sentence";
        assertThat(win("w1", secret, FocusArea.REST, List.of(secret), null, BERLIN)
                        .toString())
                .doesNotContain(secret);
        assertThat(checkIn("c1", 1, 1, ToleranceWindow.WITHIN, secret, null, BERLIN)
                        .toString())
                .doesNotContain(secret);
    }

    static ForJournal focus(FocusArea area, StageOfChange stage) {
        return new ForJournal(USER, new ChooseFocusArea(area, stage, Optional.empty()));
    }

    static ForJournal reflection(String week, String answer, boolean proud, String... winIds) {
        return new ForJournal(
                USER,
                new WriteWeeklyReflection(week, Optional.ofNullable(answer), List.of(winIds), proud, Optional.empty()));
    }

    @Nested
    class The_practice {

        final EventMessage<?> rested =
                stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today("Pacific/Auckland"));

        @Test
        void a_focus_choice_is_recorded_in_the_latest_zone_and_answers_with_the_sequence_and_its_version() {
            fixture.given(rested)
                    .when(focus(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), CORRELATION)
                    .expectEvents(expected(
                            new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                            today("Pacific/Auckland")))
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 2, 1));
        }

        @Test
        void the_same_choice_again_records_nothing_and_a_new_stage_is_the_next_version() {
            EventMessage<?> chosen =
                    stored(new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), today(BERLIN));
            fixture.given(rested, chosen)
                    .when(focus(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION), CORRELATION)
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 2, 1));
            fixture.given(rested, chosen)
                    .when(focus(FocusArea.BOUNDARIES, StageOfChange.ACTION), CORRELATION)
                    .expectEvents(
                            expected(new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.ACTION), today(BERLIN)))
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 3, 2));
        }

        @Test
        void a_focus_choice_made_in_a_zone_is_the_default_zone_of_the_next_win() {
            fixture.given(stored(new FocusAreaChosen(FocusArea.REST, StageOfChange.ACTION), today("Asia/Tokyo")))
                    .when(win("w1", "I rested", FocusArea.REST, List.of(), null, null), CORRELATION)
                    .expectEvents(
                            expected(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today("Asia/Tokyo")));
        }

        @Test
        void a_reflection_is_recorded_and_another_for_the_same_week_replaces_it_as_the_next_version() {
            EventMessage<?> written =
                    stored(new WeeklyReflectionWritten("2026-W48", "I rested", List.of("w1"), true), today(BERLIN));
            fixture.given(rested)
                    .when(reflection("2026-W48", " I rested ", true, "w1"), CORRELATION)
                    .expectEvents(expected(
                            new WeeklyReflectionWritten("2026-W48", "I rested", List.of("w1"), true),
                            today("Pacific/Auckland")))
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 2, 1));
            fixture.given(rested, written)
                    .when(reflection("2026-W48", "I rested", true, "w1"), CORRELATION)
                    .expectNoEvents()
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 2, 1));
            fixture.given(rested, written)
                    .when(reflection("2026-W48", "I rested", false, "w1"), CORRELATION)
                    .expectEvents(expected(
                            new WeeklyReflectionWritten("2026-W48", "I rested", List.of("w1"), false), today(BERLIN)))
                    .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 3, 2));
        }

        @Test
        void a_reflection_choosing_a_win_the_journal_does_not_hold_is_refused_by_position() {
            fixture.given(rested)
                    .when(reflection("2026-W48", null, true, "w1", "w-elsewhere"), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("winIds.not-in-week"));
        }

        @Test
        void after_an_erasure_the_focus_and_reflections_are_forgotten_with_the_entries() {
            fixture.given(
                            rested,
                            stored(new FocusAreaChosen(FocusArea.REST, StageOfChange.ACTION), today(BERLIN)),
                            new GenericEventMessage<>(
                                    new JournalErased("e-1", "k-1", 2, 2, "x"),
                                    JournalMetaData.of(USER, today("UTC"), "req-0")))
                    .when(focus(FocusArea.REST, StageOfChange.ACTION), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("zone.required"));
        }
    }

    @Nested
    class The_consent_to_analytics {

        final EventMessage<?> rested =
                stored(new WinLogged("w1", "I rested", FocusArea.REST, List.of()), today("Pacific/Auckland"));

        ForConsent consent(boolean analytics) {
            return new ForConsent(USER, new SetAnalyticsConsent(analytics));
        }

        @Test
        void withdrawing_in_a_journal_without_any_event_records_nothing_and_answers_sequence_0() {
            fixture.givenNoPriorActivity()
                    .when(consent(false), CORRELATION)
                    .expectNoEvents()
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.ALREADY_RECORDED, false, 0));
        }

        @Test
        void giving_it_is_recorded_in_the_latest_zone_and_giving_it_again_records_nothing() {
            fixture.given(rested)
                    .when(consent(true), CORRELATION)
                    .expectEvents(expected(new AnalyticsConsentGiven(), today("Pacific/Auckland")))
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.RECORDED, true, 2));
            fixture.given(rested, stored(new AnalyticsConsentGiven(), today(BERLIN)))
                    .when(consent(true), CORRELATION)
                    .expectNoEvents()
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.ALREADY_RECORDED, true, 2));
        }

        @Test
        void withdrawing_a_given_consent_is_recorded_and_never_becomes_the_default_zone() {
            fixture.given(rested, stored(new AnalyticsConsentGiven(), today("UTC")))
                    .when(consent(false), CORRELATION)
                    .expectEvents(expected(new AnalyticsConsentWithdrawn(), today("Pacific/Auckland")))
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.RECORDED, false, 3));
        }

        @Test
        void a_first_consent_without_any_entry_is_made_in_utc_and_a_first_win_still_needs_a_zone() {
            fixture.givenNoPriorActivity()
                    .when(consent(true), CORRELATION)
                    .expectEvents(expected(new AnalyticsConsentGiven(), today("UTC")))
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.RECORDED, true, 1));
            fixture.given(stored(new AnalyticsConsentGiven(), today("UTC")))
                    .when(win("w1", "I rested", FocusArea.REST, List.of(), null, null), CORRELATION)
                    .expectNoEvents()
                    .expectException(refusedFor("zone.required"));
        }

        @Test
        void after_an_erasure_nobody_consents_until_they_say_so_again() {
            fixture.given(
                            rested,
                            stored(new AnalyticsConsentGiven(), today(BERLIN)),
                            new GenericEventMessage<>(
                                    new JournalErased("e-1", "k-1", 2, 2, "x"),
                                    JournalMetaData.of(USER, today("UTC"), "req-0")))
                    .when(consent(false), CORRELATION)
                    .expectNoEvents()
                    .expectResultMessagePayload(new ConsentAccepted(EntryOutcome.ALREADY_RECORDED, false, 3));
        }
    }
}
