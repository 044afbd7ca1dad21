package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;

/** The edge: raw request fields become a typed command, or the named rules the request breaks, all at once. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalRequestsTest {

    static List<String> rules(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<?>) parsed)
                .refusals().stream().map(Refusal::rule).toList();
    }

    static List<String> fields(Parsed<?> parsed) {
        return ((Parsed.Invalid<?>) parsed)
                .refusals().stream().map(Refusal::field).toList();
    }

    @Nested
    class A_win {

        @Test
        void is_read_into_typed_values_with_blank_day_and_zone_left_to_their_defaults() {
            assertThat(JournalRequests.logWin(
                            "w1", " I rested ", " REST ", List.of(" a "), "2026-11-22", " Europe/Berlin "))
                    .isEqualTo(new Parsed.Valid<>(new LogWin(
                            "w1",
                            " I rested ",
                            FocusArea.REST,
                            List.of(" a "),
                            Optional.of(LocalDate.of(2026, 11, 22)),
                            Optional.of(ZoneId.of("Europe/Berlin")))));
            assertThat(JournalRequests.logWin("w1", "I rested", "REST", null, " ", null)
                            .orThrow())
                    .isEqualTo(new LogWin(
                            "w1", "I rested", FocusArea.REST, List.of(), Optional.empty(), Optional.empty()));
        }

        @Test
        void with_a_focus_area_outside_the_vocabulary_or_none_is_refused() {
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "SLEEPING_IN", List.of(), null, "UTC")))
                    .containsExactly("focusArea.unknown");
            assertThat(rules(JournalRequests.logWin("w1", "I rested", null, List.of(), null, "UTC")))
                    .containsExactly("focusArea.required");
            assertThat(rules(JournalRequests.logWin("w1", "I rested", " ", List.of(), null, "UTC")))
                    .containsExactly("focusArea.required");
        }

        @Test
        void with_an_unknown_zone_is_refused() {
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "REST", List.of(), null, "Mars/Olympus_Mons")))
                    .containsExactly("zone.unknown");
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "REST", List.of(), null, "GMT+1")))
                    .containsExactly("zone.unknown");
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "REST", List.of(), null, "Europe/")))
                    .containsExactly("zone.unknown");
        }

        @Test
        void with_a_malformed_day_is_refused() {
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "REST", List.of(), "23/11/2026", "UTC")))
                    .containsExactly("day.format");
            assertThat(rules(JournalRequests.logWin("w1", "I rested", "REST", List.of(), "2026-02-30", "UTC")))
                    .containsExactly("day.format");
        }

        @Test
        void with_a_malformed_day_or_id_is_refused_naming_every_field_at_fault() {
            Parsed<LogWin> parsed = JournalRequests.logWin(
                    "not an id!", "", "NAPPING", List.of("ok", ""), "23/11/2026", "Atlantis/Capital");
            assertThat(rules(parsed))
                    .containsExactly(
                            "id.format",
                            "text.required",
                            "focusArea.unknown",
                            "tags.blank",
                            "zone.unknown",
                            "day.format");
            assertThat(fields(parsed)).containsExactly("winId", "text", "focusArea", "tags[1]", "zone", "day");
        }

        @Test
        void refused_throws_the_refusals_for_the_caller_to_answer() {
            assertThatThrownBy(() -> JournalRequests.logWin(null, "I rested", "REST", List.of(), null, "UTC")
                            .orThrow())
                    .isInstanceOfSatisfying(
                            EntryRefusedException.class,
                            e -> assertThat(e.refusals())
                                    .containsExactly(new Refusal(
                                            "winId",
                                            "id.required",
                                            "An id chosen by the client is required, so a retry is recognised.")));
        }

        @Test
        void keeps_the_detail_sentences_clients_show() {
            Parsed<LogWin> parsed = JournalRequests.logWin("w1", "a".repeat(501), "NAPPING", List.of(), "x", "+01:00");
            assertThat(((Parsed.Invalid<LogWin>) parsed).refusals())
                    .containsExactly(
                            new Refusal("text", "text.too-long", "A win is at most 500 characters."),
                            new Refusal(
                                    "focusArea",
                                    "focusArea.unknown",
                                    "Choose one of " + List.of(FocusArea.values()) + "."),
                            new Refusal("zone", "zone.unknown", "Use an IANA time zone id such as Europe/Berlin."),
                            new Refusal("day", "day.format", "Use an ISO date such as 2026-11-23."));
        }
    }

    @Nested
    class A_check_in {

        @Test
        void is_read_into_typed_values() {
            assertThat(JournalRequests.recordCheckIn("c1", 3, 4, " WITHIN", "note", "2026-11-23T09:30:00+01:00", "UTC")
                            .orThrow())
                    .isEqualTo(new RecordCheckIn(
                            "c1",
                            3,
                            4,
                            ToleranceWindow.WITHIN,
                            Optional.of("note"),
                            Optional.of(Instant.parse("2026-11-23T08:30:00Z")),
                            Optional.of(ZoneId.of("UTC"))));
            assertThat(JournalRequests.recordCheckIn("c1", 3, 4, "WITHIN", null, "", "")
                            .orThrow())
                    .isEqualTo(new RecordCheckIn(
                            "c1", 3, 4, ToleranceWindow.WITHIN, Optional.empty(), Optional.empty(), Optional.empty()));
        }

        @Test
        void without_mood_energy_or_window_or_with_an_unknown_window_is_refused() {
            assertThat(rules(JournalRequests.recordCheckIn("c1", null, null, null, null, null, "UTC")))
                    .containsExactly("mood.required", "energy.required", "window.required");
            assertThat(rules(JournalRequests.recordCheckIn("c1", 3, 3, "CALM", null, null, "UTC")))
                    .containsExactly("window.unknown");
        }

        @Test
        void with_a_malformed_instant_is_refused() {
            assertThat(rules(JournalRequests.recordCheckIn("c1", 3, 3, "WITHIN", null, "yesterday", "UTC")))
                    .containsExactly("at.format");
            assertThat(rules(JournalRequests.recordCheckIn("c1", 3, 3, "WITHIN", null, "2026-11-23T08:30:00", "UTC")))
                    .containsExactly("at.format");
        }

        @Test
        void names_every_field_at_fault_at_once() {
            assertThat(rules(JournalRequests.recordCheckIn(
                            "c 1", 0, null, "CALM", "n".repeat(1001), "soon", "Nowhere/Else")))
                    .containsExactly(
                            "id.format",
                            "mood.range",
                            "energy.required",
                            "window.unknown",
                            "note.too-long",
                            "at.format",
                            "zone.unknown");
        }
    }
}
