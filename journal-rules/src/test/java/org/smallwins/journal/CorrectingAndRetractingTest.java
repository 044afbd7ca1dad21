package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smallwins.journal.JournalDeciderTest.BERLIN;
import static org.smallwins.journal.JournalDeciderTest.NOW;
import static org.smallwins.journal.JournalDeciderTest.decide;
import static org.smallwins.journal.JournalDeciderTest.given;
import static org.smallwins.journal.JournalDeciderTest.nothing;
import static org.smallwins.journal.JournalDeciderTest.recorded;
import static org.smallwins.journal.JournalDeciderTest.refusedRules;
import static org.smallwins.journal.JournalDeciderTest.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;

/**
 * Given a journal, when a person corrects or retracts one of its entries, then this decision. The order of the answers:
 * broken rules, no such entry (of that kind), retracted, identical content (so a retry is done, not stale), stale
 * version, recorded as the next version.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorrectingAndRetractingTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate LAST_WEEK = LocalDate.of(2026, 11, 16);
    static final WinLogged RESTED = new WinLogged("w1", "I rested", FocusArea.REST, List.of("evening"));
    static final CheckInRecorded TIRED = new CheckInRecorded("c1", 2, 3, ToleranceWindow.HYPOAROUSED, "tired");
    static final Instant NINE = Instant.parse("2026-11-23T08:00:00Z");

    static JournalDeciderTest.Given journal() {
        return given(RESTED, today("Europe/Berlin")).entry(TIRED, Occurred.at(NINE, BERLIN));
    }

    static CorrectWin correctWin(int expected, String text, FocusArea area, List<String> tags, String day) {
        return new CorrectWin(
                "w1", expected, text, area, tags, Optional.ofNullable(day).map(LocalDate::parse), Optional.empty());
    }

    static CorrectWin correctWin(int expected, String text) {
        return correctWin(expected, text, FocusArea.REST, List.of("evening"), null);
    }

    static CorrectCheckIn correctCheckIn(String id, int expected, int mood, String note, String at) {
        return new CorrectCheckIn(
                id,
                expected,
                mood,
                3,
                ToleranceWindow.HYPOAROUSED,
                Optional.ofNullable(note),
                Optional.ofNullable(at).map(Instant::parse),
                Optional.empty());
    }

    static RetractEntry retract(String id, int expected, RetractionReason reason) {
        return new RetractEntry(id, expected, Optional.ofNullable(reason));
    }

    @Nested
    class Correcting_a_win {

        @Test
        void records_the_full_new_content_as_version_2_on_its_own_day_and_zone() {
            assertThat(decide(correctWin(1, "  I rested without guilt "), journal()))
                    .isEqualTo(recorded(
                            new WinCorrected("w1", 2, "I rested without guilt", FocusArea.REST, List.of("evening")),
                            today("Europe/Berlin")));
        }

        @Test
        void moved_to_last_week_carries_that_day_in_its_occurred_placed_at_the_days_start() {
            assertThat(decide(correctWin(1, "I rested", FocusArea.REST, List.of("evening"), "2026-11-16"), journal()))
                    .isEqualTo(recorded(
                            new WinCorrected("w1", 2, "I rested", FocusArea.REST, List.of("evening")),
                            new Occurred(LAST_WEEK.atStartOfDay(BERLIN).toInstant(), LAST_WEEK, "Europe/Berlin")));
        }

        @Test
        void a_second_correction_is_version_3_and_needs_version_2() {
            JournalDeciderTest.Given corrected = journal()
                    .entry(
                            new WinCorrected("w1", 2, "I rested well", FocusArea.REST, List.of()),
                            today("Europe/Berlin"));

            assertThat(decide(correctWin(1, "I rested very well"), corrected))
                    .isEqualTo(new Decision.VersionMismatch("w1", 2));
            assertThat(decide(correctWin(2, "I rested very well"), corrected))
                    .isEqualTo(recorded(
                            new WinCorrected("w1", 3, "I rested very well", FocusArea.REST, List.of("evening")),
                            today("Europe/Berlin")));
        }

        @Test
        void identical_to_the_current_content_records_nothing_whatever_version_it_names() {
            assertThat(decide(correctWin(1, "I rested"), journal())).isEqualTo(new Decision.AlreadyRecorded("w1"));
            assertThat(decide(correctWin(7, "I rested"), journal())).isEqualTo(new Decision.AlreadyRecorded("w1"));
        }

        @Test
        void retried_after_it_was_recorded_with_the_old_version_is_done_not_stale() {
            Decision first = decide(correctWin(1, "I rested without guilt"), journal());
            JournalDeciderTest.Given after = journal();
            first.eventsOrThrow().forEach(e -> after.entry(e.payload(), e.occurred()));

            assertThat(decide(correctWin(1, "I rested without guilt"), after))
                    .isEqualTo(new Decision.AlreadyRecorded("w1"));
            assertThat(decide(correctWin(1, "I rested differently"), after))
                    .isEqualTo(new Decision.VersionMismatch("w1", 2));
        }

        @Test
        void with_the_same_content_on_another_day_is_a_change() {
            assertThat(decide(correctWin(1, "I rested", FocusArea.REST, List.of("evening"), "2026-11-22"), journal()))
                    .isInstanceOf(Decision.Record.class);
        }

        @Test
        void from_a_stale_version_is_refused_with_the_current_one() {
            assertThat(decide(correctWin(0, "I rested a lot"), journal()))
                    .isEqualTo(new Decision.VersionMismatch("w1", 1));
            assertThat(decide(correctWin(2, "I rested a lot"), journal()))
                    .isEqualTo(new Decision.VersionMismatch("w1", 1));
        }

        @Test
        void keeps_the_rules_of_logging_text_tags_and_day() {
            assertThat(refusedRules(decide(correctWin(1, "a".repeat(501)), journal())))
                    .containsExactly("text.too-long");
            assertThat(refusedRules(
                            decide(correctWin(1, "I rested", FocusArea.REST, List.of(" "), "2026-11-24"), journal())))
                    .containsExactly("tags.blank", "day.in-future");
            assertThat(refusedRules(decide(correctWin(1, " "), nothing()))).containsExactly("text.required");
        }

        @Test
        void of_an_unknown_id_or_of_a_check_in_is_not_found() {
            assertThat(decide(correctWin(1, "I rested a lot"), nothing())).isEqualTo(new Decision.NotFound("w1"));
            CorrectWin checkInsId =
                    new CorrectWin("c1", 1, "I rested", FocusArea.REST, List.of(), Optional.empty(), Optional.empty());
            assertThat(decide(checkInsId, journal())).isEqualTo(new Decision.NotFound("c1"));
        }

        @Test
        void of_a_retracted_win_is_a_conflict_even_with_the_right_version() {
            JournalDeciderTest.Given retracted =
                    journal().entry(new EntryRetracted("w1", 2, EntryKind.WIN, null), today("Europe/Berlin"));

            assertThat(decide(correctWin(2, "I rested a lot"), retracted)).isEqualTo(new Decision.Retracted("w1"));
            assertThatThrownBy(() ->
                            decide(correctWin(2, "I rested a lot"), retracted).eventsOrThrow())
                    .isInstanceOf(EntryRetractedException.class)
                    .isInstanceOf(EntryConflictException.class);
        }

        @Test
        void in_another_zone_keeps_its_day_in_that_zone() {
            CorrectWin paris = new CorrectWin(
                    "w1",
                    1,
                    "I rested",
                    FocusArea.REST,
                    List.of("evening"),
                    Optional.empty(),
                    Optional.of(ZoneId.of("Europe/Paris")));
            assertThat(decide(paris, journal()))
                    .isEqualTo(recorded(
                            new WinCorrected("w1", 2, "I rested", FocusArea.REST, List.of("evening")),
                            new Occurred(NOW, MONDAY, "Europe/Paris")));
        }
    }

    @Nested
    class Correcting_a_check_in {

        @Test
        void records_the_new_values_as_version_2_at_its_own_instant() {
            assertThat(decide(correctCheckIn("c1", 1, 4, "tired but ok", null), journal()))
                    .isEqualTo(recorded(
                            new CheckInCorrected("c1", 2, 4, 3, ToleranceWindow.HYPOAROUSED, "tired but ok"),
                            Occurred.at(NINE, BERLIN)));
        }

        @Test
        void moved_to_another_instant_carries_it_in_its_occurred() {
            assertThat(decide(correctCheckIn("c1", 1, 2, "tired", "2026-11-20T18:00:00Z"), journal()))
                    .isEqualTo(recorded(
                            new CheckInCorrected("c1", 2, 2, 3, ToleranceWindow.HYPOAROUSED, "tired"),
                            Occurred.at(Instant.parse("2026-11-20T18:00:00Z"), BERLIN)));
        }

        @Test
        void identical_records_nothing_and_a_stale_version_is_refused() {
            assertThat(decide(correctCheckIn("c1", 5, 2, " tired ", null), journal()))
                    .isEqualTo(new Decision.AlreadyRecorded("c1"));
            assertThat(decide(correctCheckIn("c1", 5, 2, null, null), journal()))
                    .isEqualTo(new Decision.VersionMismatch("c1", 1));
        }

        @Test
        void keeps_the_rules_of_recording_mood_note_and_instant() {
            assertThat(refusedRules(
                            decide(correctCheckIn("c1", 1, 6, "x".repeat(1001), "2026-11-23T11:00:00Z"), journal())))
                    .containsExactly("mood.range", "note.too-long", "at.in-future");
        }

        @Test
        void of_a_win_is_not_found() {
            assertThat(decide(correctCheckIn("w1", 1, 2, null, null), journal()))
                    .isEqualTo(new Decision.NotFound("w1"));
        }
    }

    @Nested
    class Retracting_an_entry {

        @Test
        void records_its_retraction_as_the_next_version_where_the_entry_stood() {
            assertThat(decide(retract("c1", 1, RetractionReason.DUPLICATE), journal()))
                    .isEqualTo(recorded(
                            new EntryRetracted("c1", 2, EntryKind.CHECK_IN, RetractionReason.DUPLICATE),
                            Occurred.at(NINE, BERLIN)));
            assertThat(decide(retract("w1", 1, null), journal()))
                    .isEqualTo(recorded(
                            new EntryRetracted("w1", 2, EntryKind.WIN, null),
                            new Occurred(MONDAY.atStartOfDay(BERLIN).toInstant(), MONDAY, "Europe/Berlin")));
        }

        @Test
        void of_an_unknown_id_is_not_found_and_from_a_stale_version_is_refused() {
            assertThat(decide(retract("nope", 1, null), journal())).isEqualTo(new Decision.NotFound("nope"));
            assertThat(decide(retract("w1", 2, null), journal())).isEqualTo(new Decision.VersionMismatch("w1", 1));
        }

        @Test
        void again_the_same_way_records_nothing_and_with_another_reason_conflicts() {
            JournalDeciderTest.Given retracted = journal()
                    .entry(
                            new EntryRetracted("c1", 2, EntryKind.CHECK_IN, RetractionReason.DUPLICATE),
                            Occurred.at(NINE, BERLIN));

            assertThat(decide(retract("c1", 1, RetractionReason.DUPLICATE), retracted))
                    .isEqualTo(new Decision.AlreadyRecorded("c1"));
            assertThat(decide(retract("c1", 2, RetractionReason.OTHER), retracted))
                    .isEqualTo(new Decision.Retracted("c1"));
        }

        @Test
        void then_logging_a_new_entry_with_its_id_is_a_conflict_even_with_the_same_content() {
            JournalDeciderTest.Given retracted =
                    journal().entry(new EntryRetracted("w1", 2, EntryKind.WIN, null), today("Europe/Berlin"));

            assertThat(decide(JournalDeciderTest.win("w1", "I rested"), retracted))
                    .isEqualTo(new Decision.Retracted("w1"));
            assertThat(decide(
                            JournalDeciderTest.checkIn("w1", 3, 3, ToleranceWindow.WITHIN, null, null, "UTC"),
                            retracted))
                    .isEqualTo(new Decision.Retracted("w1"));
        }

        @Test
        void marks_the_entry_retracted_keeping_its_place_and_kind() {
            EntryMark before = EntryMark.of(TIRED, Occurred.at(NINE, BERLIN));
            EntryMark after = EntryMark.evolve(
                    before, new EntryRetracted("c1", 2, EntryKind.CHECK_IN, null), Occurred.at(NINE, BERLIN));

            assertThat(after.retracted()).isTrue();
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.kind()).isEqualTo(EntryKind.CHECK_IN);
            assertThat(after.when()).isEqualTo(before.when());
            assertThat(before.version()).isEqualTo(1);
            assertThat(before.retracted()).isFalse();
        }
    }

    @Test
    void a_correction_hashes_as_the_same_content_logged_so_identical_is_recognised() {
        assertThat(ContentHash.of(new WinCorrected("w1", 2, "I rested", FocusArea.REST, List.of("evening"))))
                .isEqualTo(ContentHash.of(RESTED));
        assertThat(ContentHash.of(new CheckInCorrected("c1", 4, 2, 3, ToleranceWindow.HYPOAROUSED, "tired")))
                .isEqualTo(ContentHash.of(TIRED));
    }

    @Test
    void commands_never_print_what_was_written() {
        String secret = "my very private sentence";
        assertThat(correctWin(1, secret, FocusArea.REST, List.of(secret), null).toString())
                .doesNotContain(secret);
        assertThat(correctCheckIn("c1", 1, 2, secret, null).toString()).doesNotContain(secret);
    }

    @Test
    void a_retraction_request_names_a_reason_from_the_vocabulary_or_none() {
        assertThat(JournalRequests.retractEntry("w1", 1, " DUPLICATE ").orThrow())
                .isEqualTo(retract("w1", 1, RetractionReason.DUPLICATE));
        assertThat(JournalRequests.retractEntry("w1", 1, null).orThrow()).isEqualTo(retract("w1", 1, null));
        assertThat(JournalRequests.retractEntry("w 1", 1, "I was sad"))
                .isEqualTo(new Parsed.Invalid<RetractEntry>(List.of(
                        new Refusal(
                                "entryId",
                                "id.format",
                                "Use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit."),
                        new Refusal(
                                "reason",
                                "reason.unknown",
                                "Choose one of [DUPLICATE, LOGGED_BY_MISTAKE, WRONG_DAY, OTHER], or none."))));
    }

    @Test
    void a_correction_request_is_read_like_a_logging_request() {
        assertThat(JournalRequests.correctWin("w1", 3, "I rested", "REST", List.of("a"), "2026-11-16", "Europe/Berlin")
                        .orThrow())
                .isEqualTo(new CorrectWin(
                        "w1",
                        3,
                        "I rested",
                        FocusArea.REST,
                        List.of("a"),
                        Optional.of(LAST_WEEK),
                        Optional.of(BERLIN)));
        assertThat(JournalRequests.correctCheckIn("c1", 2, 9, null, "CALM", null, "yesterday", null))
                .isInstanceOf(Parsed.Invalid.class)
                .extracting(p -> ((Parsed.Invalid<?>) p)
                        .refusals().stream().map(Refusal::rule).toList())
                .isEqualTo(List.of("mood.range", "energy.required", "window.unknown", "at.format"));
    }
}
