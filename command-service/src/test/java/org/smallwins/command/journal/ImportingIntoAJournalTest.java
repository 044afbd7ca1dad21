package org.smallwins.command.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.Decision;
import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryMark;
import org.smallwins.journal.LogWin;
import org.smallwins.journal.RecordCheckIn;

/**
 * An import chunk is decided entry by entry by the journal's decider, with a clock standing at each entry's own
 * instant: days, zones and instants of the export are kept, a repeated import records nothing, and the first chunk is
 * refused when the journal holds anything not in the file.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImportingIntoAJournalTest {

    static final String USER = "user-b";
    static final String BERLIN = "Europe/Berlin";
    static final Map<String, String> CORRELATION = Map.of(JournalMetaData.CORRELATION_ID, "import-1");

    /** A win logged on its own day at 21:15 Berlin time, a win back-dated to the day before, a check-in with a note. */
    static final Instant WIN_AT = Instant.parse("2025-03-04T20:15:00Z");

    static final Occurred WIN_OCCURRED = Occurred.at(WIN_AT, ZoneId.of(BERLIN));
    static final LocalDate BACK_DAY = LocalDate.of(2025, 3, 3);
    static final Occurred BACK_OCCURRED =
            new Occurred(BACK_DAY.atStartOfDay(ZoneId.of(BERLIN)).toInstant(), BACK_DAY, BERLIN);
    static final Instant CHECK_IN_AT = Instant.parse("2025-03-05T06:40:00Z");
    static final Occurred CHECK_IN_OCCURRED = Occurred.at(CHECK_IN_AT, ZoneId.of("Asia/Tokyo"));

    static final WinLogged WIN = new WinLogged("w1", "Today I asked for help", FocusArea.ASKING_FOR_HELP, List.of("a"));
    static final WinLogged BACK = new WinLogged("w0", "I said no", FocusArea.BOUNDARIES, List.of());
    static final CheckInRecorded CHECK_IN = new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPERAROUSED, "tired");

    FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(java.time.Clock.systemUTC());
    }

    static ImportedEntry imported(WinLogged win, Occurred occurred) {
        return new ImportedEntry(
                new LogWin(
                        win.winId(),
                        win.text(),
                        win.focusArea(),
                        win.tags(),
                        Optional.of(occurred.localDate()),
                        Optional.of(ZoneId.of(occurred.zone()))),
                occurred.instant());
    }

    static ImportedEntry imported(CheckInRecorded checkIn, Occurred occurred) {
        return new ImportedEntry(
                new RecordCheckIn(
                        checkIn.checkInId(),
                        checkIn.mood(),
                        checkIn.energy(),
                        checkIn.window(),
                        Optional.ofNullable(checkIn.note()),
                        Optional.of(occurred.instant()),
                        Optional.of(ZoneId.of(occurred.zone()))),
                occurred.instant());
    }

    static List<ImportedEntry> all() {
        return List.of(
                imported(BACK, BACK_OCCURRED), imported(WIN, WIN_OCCURRED), imported(CHECK_IN, CHECK_IN_OCCURRED));
    }

    static Map<String, EntryMark> marks() {
        return Map.of(
                "w0", EntryMark.of(new Decision.Event(BACK, BACK_OCCURRED)),
                "w1", EntryMark.of(new Decision.Event(WIN, WIN_OCCURRED)),
                "c1", EntryMark.of(new Decision.Event(CHECK_IN, CHECK_IN_OCCURRED)));
    }

    static EventMessage<?> event(Object payload, Occurred occurred, String correlationId) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, correlationId));
    }

    @Test
    void into_an_empty_journal_records_every_entry_with_its_own_day_zone_and_instant() {
        fixture.givenNoPriorActivity()
                .when(new ImportChunk(USER, all(), marks()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(3, 0, 3))
                .expectEvents(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"));
    }

    @Test
    void the_same_file_again_records_nothing_and_says_every_entry_was_already_there() {
        fixture.given(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, all(), marks()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(0, 3, 3))
                .expectNoEvents();
    }

    @Test
    void an_import_that_stopped_part_way_completes_when_sent_again() {
        fixture.given(event(BACK, BACK_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, all(), marks()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(2, 1, 3))
                .expectEvents(event(WIN, WIN_OCCURRED, "import-1"), event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"));
    }

    @Test
    void a_journal_holding_an_entry_that_is_not_in_the_file_refuses_the_import_and_records_nothing() {
        fixture.given(event(new WinLogged("mine", "Today I rested", FocusArea.REST, List.of()), WIN_OCCURRED, "r"))
                .when(new ImportChunk(USER, all(), marks()), CORRELATION)
                .expectNoEvents()
                .expectException(JournalHoldsOtherEntriesException.class);
    }

    @Test
    void a_journal_holding_the_same_id_with_other_content_refuses_the_import_and_records_nothing() {
        fixture.given(event(new WinLogged("w1", "Today I rested", FocusArea.REST, List.of()), WIN_OCCURRED, "r"))
                .when(new ImportChunk(USER, all(), marks()), CORRELATION)
                .expectNoEvents()
                .expectException(JournalHoldsOtherEntriesException.class);
    }

    @Test
    void a_later_chunk_that_meets_a_changed_entry_is_refused_whole() {
        fixture.given(event(new WinLogged("w1", "Today I rested", FocusArea.REST, List.of()), WIN_OCCURRED, "r"))
                .when(new ImportChunk(USER, all(), null), CORRELATION)
                .expectNoEvents()
                .expectException(EntryConflictException.class);
    }

    // Issue 13: an export holds corrections and retractions; they are replayed through the same commands.
    static final org.smallwins.contract.WinCorrected MOVED = new org.smallwins.contract.WinCorrected(
            "w1", 2, "Today I asked for help twice", FocusArea.ASKING_FOR_HELP, List.of("a"));
    static final org.smallwins.contract.EntryRetracted TAKEN_BACK = new org.smallwins.contract.EntryRetracted(
            "c1", 2, org.smallwins.contract.EntryKind.CHECK_IN, org.smallwins.contract.RetractionReason.DUPLICATE);

    static List<ImportedEntry> withChanges() {
        return List.of(
                imported(BACK, BACK_OCCURRED),
                imported(WIN, WIN_OCCURRED),
                new ImportedEntry(
                        new org.smallwins.journal.CorrectWin(
                                "w1",
                                1,
                                MOVED.text(),
                                MOVED.focusArea(),
                                MOVED.tags(),
                                Optional.of(BACK_DAY),
                                Optional.of(ZoneId.of(BERLIN))),
                        BACK_OCCURRED.instant()),
                imported(CHECK_IN, CHECK_IN_OCCURRED),
                new ImportedEntry(
                        new org.smallwins.journal.RetractEntry(
                                "c1", 1, Optional.of(org.smallwins.contract.RetractionReason.DUPLICATE)),
                        CHECK_IN_AT));
    }

    static Map<String, EntryMark> marksWithChanges() {
        return Map.of(
                "w0", EntryMark.of(new Decision.Event(BACK, BACK_OCCURRED)),
                "w1", EntryMark.evolve(EntryMark.of(WIN, WIN_OCCURRED), MOVED, BACK_OCCURRED),
                "c1", EntryMark.evolve(EntryMark.of(CHECK_IN, CHECK_IN_OCCURRED), TAKEN_BACK, CHECK_IN_OCCURRED));
    }

    @Test
    void corrections_and_retractions_are_replayed_through_their_commands_with_their_own_days() {
        fixture.givenNoPriorActivity()
                .when(new ImportChunk(USER, withChanges(), marksWithChanges()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(5, 0, 5))
                .expectEvents(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(MOVED, BACK_OCCURRED, "import-1"),
                        event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"),
                        event(TAKEN_BACK, CHECK_IN_OCCURRED, "import-1"));
    }

    @Test
    void a_file_with_corrections_imported_again_records_nothing() {
        fixture.given(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(MOVED, BACK_OCCURRED, "import-1"),
                        event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"),
                        event(TAKEN_BACK, CHECK_IN_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, withChanges(), marksWithChanges()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(0, 5, 5))
                .expectNoEvents();
    }

    @Test
    void an_import_with_corrections_that_stopped_part_way_completes_when_sent_again() {
        fixture.given(event(BACK, BACK_OCCURRED, "import-1"), event(WIN, WIN_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, withChanges(), marksWithChanges()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(3, 2, 5))
                .expectEvents(
                        event(MOVED, BACK_OCCURRED, "import-1"),
                        event(CHECK_IN, CHECK_IN_OCCURRED, "import-1"),
                        event(TAKEN_BACK, CHECK_IN_OCCURRED, "import-1"));
    }

    // Issue 14: focus choices and weekly reflections are replayed through the same commands, each with its version in
    // the file, so a resent import skips what is there even when a choice repeats an earlier one (A, B, A).
    static final Instant LATER = Instant.parse("2025-03-06T09:00:00Z");
    static final Occurred LATER_OCCURRED = Occurred.at(LATER, ZoneId.of(BERLIN));
    static final org.smallwins.contract.FocusAreaChosen CONTEMPLATING = new org.smallwins.contract.FocusAreaChosen(
            FocusArea.BOUNDARIES, org.smallwins.contract.StageOfChange.CONTEMPLATION);
    static final org.smallwins.contract.FocusAreaChosen ACTING = new org.smallwins.contract.FocusAreaChosen(
            FocusArea.BOUNDARIES, org.smallwins.contract.StageOfChange.ACTION);
    static final org.smallwins.contract.WeeklyReflectionWritten REFLECTED =
            new org.smallwins.contract.WeeklyReflectionWritten("2025-W10", "I asked", List.of("w1", "w0"), true);

    static ImportedEntry imported(org.smallwins.contract.FocusAreaChosen chosen, int version) {
        return new ImportedEntry(
                new org.smallwins.journal.ChooseFocusArea(
                        chosen.area(), chosen.stage(), Optional.of(ZoneId.of(BERLIN))),
                LATER,
                version);
    }

    static List<ImportedEntry> practice() {
        return List.of(
                imported(BACK, BACK_OCCURRED),
                imported(WIN, WIN_OCCURRED),
                imported(CONTEMPLATING, 1),
                imported(ACTING, 2),
                imported(CONTEMPLATING, 3),
                new ImportedEntry(
                        new org.smallwins.journal.WriteWeeklyReflection(
                                "2025-W10",
                                Optional.of("I asked"),
                                List.of("w1", "w0"),
                                true,
                                Optional.of(ZoneId.of(BERLIN))),
                        LATER,
                        1));
    }

    static org.smallwins.journal.SubjectMark subject(Object event, int version) {
        return new org.smallwins.journal.SubjectMark(
                org.smallwins.journal.ContentHash.of((org.smallwins.contract.JournalEvent) event), version);
    }

    static Map<String, List<org.smallwins.journal.SubjectMark>> subjects() {
        return Map.of(
                "journal:focus",
                List.of(subject(CONTEMPLATING, 1), subject(ACTING, 2), subject(CONTEMPLATING, 3)),
                "journal:reflection:2025-W10",
                List.of(subject(REFLECTED, 1)));
    }

    static Map<String, EntryMark> practiceMarks() {
        return Map.of(
                "w0", EntryMark.of(new Decision.Event(BACK, BACK_OCCURRED)),
                "w1", EntryMark.of(new Decision.Event(WIN, WIN_OCCURRED)));
    }

    @Test
    void focus_choices_and_a_reflection_are_recorded_in_the_files_order_as_they_were_made() {
        fixture.givenNoPriorActivity()
                .when(new ImportChunk(USER, practice(), practiceMarks(), subjects()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(6, 0, 6))
                .expectEvents(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"),
                        event(ACTING, LATER_OCCURRED, "import-1"),
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"),
                        event(REFLECTED, LATER_OCCURRED, "import-1"));
    }

    @Test
    void an_import_stopped_after_an_earlier_choice_that_is_made_again_later_completes_without_repeating_it() {
        fixture.given(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"),
                        event(ACTING, LATER_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, practice(), practiceMarks(), subjects()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(2, 4, 6))
                .expectEvents(
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"), event(REFLECTED, LATER_OCCURRED, "import-1"));
    }

    @Test
    void the_same_file_with_its_focus_and_reflection_again_records_nothing() {
        fixture.given(
                        event(BACK, BACK_OCCURRED, "import-1"),
                        event(WIN, WIN_OCCURRED, "import-1"),
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"),
                        event(ACTING, LATER_OCCURRED, "import-1"),
                        event(CONTEMPLATING, LATER_OCCURRED, "import-1"),
                        event(REFLECTED, LATER_OCCURRED, "import-1"))
                .when(new ImportChunk(USER, practice(), practiceMarks(), subjects()), CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(0, 6, 6))
                .expectNoEvents();
    }

    @Test
    void a_journal_holding_a_focus_of_its_own_refuses_the_import_and_records_nothing() {
        fixture.given(event(ACTING, LATER_OCCURRED, "r"))
                .when(new ImportChunk(USER, practice(), practiceMarks(), subjects()), CORRELATION)
                .expectNoEvents()
                .expectException(JournalHoldsOtherEntriesException.class);
        fixture.given(event(CONTEMPLATING, LATER_OCCURRED, "r"))
                .when(new ImportChunk(USER, all(), marks()), CORRELATION) // a file without a focus
                .expectNoEvents()
                .expectException(JournalHoldsOtherEntriesException.class);
    }
}
