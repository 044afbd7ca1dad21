package org.smallwins.command.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.EntryMark;

/**
 * The first pass of an import: the whole file is checked, through the journal's own decider, before anything is sent;
 * every refusal names a position in the file and a rule, never a value from it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckingAnImportTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    static final String SECRET = "Today I cried at the bus stop";

    final JournalImport journalImport = new JournalImport(null, null, NOW, 500);

    static String exportOf(List<DomainEventMessage<?>> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JournalExport(null, null, null).writeJson(events.iterator(), out, NOW.instant());
        return out.toString(StandardCharsets.UTF_8);
    }

    Map<String, EntryMark> check(String file) {
        return marks(file).entries();
    }

    JournalImport.FileMarks marks(String file) {
        return journalImport.check(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    ImportRefusedException refusal(String file) {
        ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> check(file));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.faults().toString()).doesNotContain(SECRET).doesNotContain("bus stop");
        return refused;
    }

    @Test
    void an_export_checks_as_every_entry_with_the_mark_the_journal_will_hold() throws IOException {
        Map<String, EntryMark> marks = check(exportOf(JournalExportTest.journal()));

        assertThat(marks).containsOnlyKeys("w1", "c1", "w2");
        assertThat(marks.get("c1").when()).isEqualTo("2026-11-21T07:30:00Z");
        assertThat(marks.get("c1").zone()).isEqualTo("Asia/Tokyo");
    }

    /** The export's journal, then w1 corrected and moved to Monday 16 November, and c1 retracted. */
    static List<DomainEventMessage<?>> corrected() {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>(JournalExportTest.journal());
        events.add(JournalExportTest.stored(
                3,
                new WinCorrected("w1", 2, SECRET, FocusArea.SELF_COMPASSION, List.of()),
                Instant.parse("2026-11-15T23:00:00Z"),
                "Europe/Berlin"));
        events.add(JournalExportTest.stored(
                4,
                new EntryRetracted("c1", 2, EntryKind.CHECK_IN, RetractionReason.WRONG_DAY),
                Instant.parse("2026-11-21T07:30:00Z"),
                "Asia/Tokyo"));
        return events;
    }

    @Test
    void corrections_and_retractions_check_through_the_decider_to_the_marks_the_journal_will_hold() throws IOException {
        Map<String, EntryMark> marks = check(exportOf(corrected()));

        assertThat(marks.get("w1").version()).isEqualTo(2);
        assertThat(marks.get("w1").when()).isEqualTo("2026-11-16");
        assertThat(marks.get("c1").retracted()).isTrue();
        assertThat(marks.get("c1").version()).isEqualTo(2);
        assertThat(marks.get("w2").version()).isEqualTo(1);
    }

    @Test
    void a_correction_that_does_not_follow_the_entrys_version_in_the_file_is_refused() throws IOException {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>(JournalExportTest.journal());
        events.add(JournalExportTest.stored(
                3,
                new WinCorrected("w1", 3, SECRET, FocusArea.REST, List.of()),
                Instant.parse("2026-11-22T10:00:00Z"),
                "Europe/Berlin"));

        ImportRefusedException refused = refusal(exportOf(events));

        assertThat(refused.faults().get(0).field()).isEqualTo("events[3].payload.version");
        assertThat(refused.faults().get(0).rule()).isEqualTo("version.out-of-order");
    }

    @Test
    void a_file_that_is_not_json_is_malformed_naming_line_and_column_only() {
        ImportRefusedException refused =
                refusal("{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,\n \"events\": [" + SECRET);

        assertThat(refused.kind()).isEqualTo(ImportRefusedException.Kind.MALFORMED);
        assertThat(refused.faults().get(0).field()).startsWith("line 2, column ");
        assertThat(refused.faults().get(0).rule()).isEqualTo("json.syntax");
    }

    @Test
    void json_that_is_not_an_export_is_refused_naming_the_format() {
        ImportRefusedException refused = refusal("{\"events\":[]}");

        assertThat(refused.kind()).isEqualTo(ImportRefusedException.Kind.INVALID);
        assertThat(refused.faults().get(0).field()).isEqualTo("format");
        assertThat(refusal("[1,2]").faults().get(0).rule()).isEqualTo("format.export");
    }

    @Test
    void an_export_of_a_later_format_version_is_refused() {
        ImportRefusedException refused =
                refusal("{\"format\":\"smallwins-journal-export\",\"formatVersion\":2,\"events\":[]}");

        assertThat(refused.faults().get(0).rule()).isEqualTo("formatVersion.unsupported");
    }

    @Test
    void an_event_the_contract_cannot_read_is_refused_naming_its_position_and_the_codecs_reason() throws IOException {
        String file = exportOf(JournalExportTest.journal()).replace("\"focusArea\":\"REST\"", "\"focusArea\":\"NAPS\"");

        ImportRefusedException refused = refusal(file);

        assertThat(refused.faults())
                .extracting(ImportRefusedException.Fault::field, ImportRefusedException.Fault::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events[2]", "invalid-field:focusArea"));
    }

    @Test
    void an_entry_that_breaks_a_journal_rule_is_refused_naming_position_field_and_rule() throws IOException {
        String file = exportOf(List.of(JournalExportTest.stored(
                0,
                new WinLogged("w1", SECRET + " " + "a".repeat(500), FocusArea.REST, List.of()),
                Instant.parse("2026-11-20T18:00:00Z"),
                "Europe/Berlin")));

        ImportRefusedException refused = refusal(file);

        assertThat(refused.kind()).isEqualTo(ImportRefusedException.Kind.INVALID);
        assertThat(refused.faults())
                .extracting(ImportRefusedException.Fault::field, ImportRefusedException.Fault::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events[0].payload.text", "text.too-long"));
    }

    @Test
    void an_entry_whose_day_does_not_match_its_instant_is_not_as_recorded() throws IOException {
        String file = exportOf(JournalExportTest.journal())
                .replace("\"localDate\":\"2026-11-20\"", "\"localDate\":\"2026-11-19\"");

        assertThat(refusal(file).faults().get(0).field()).isEqualTo("events[0]");
        assertThat(refusal(file).faults().get(0).rule()).isEqualTo("event.as-recorded");
    }

    @Test
    void an_entry_in_the_future_is_refused() throws IOException {
        String file = exportOf(List.of(JournalExportTest.stored(
                0,
                new WinLogged("w1", SECRET, FocusArea.REST, List.of()),
                NOW.instant().plusSeconds(3600),
                "Europe/Berlin")));

        assertThat(refusal(file).faults().get(0).rule()).isEqualTo("occurred.future");
    }

    @Test
    void the_same_id_twice_with_other_content_is_refused_at_the_second() throws IOException {
        String file = exportOf(List.of(
                JournalExportTest.stored(
                        0,
                        new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
                        Instant.parse("2026-11-20T18:00:00Z"),
                        "Europe/Berlin"),
                JournalExportTest.stored(
                        1,
                        new WinLogged("w1", SECRET, FocusArea.REST, List.of()),
                        Instant.parse("2026-11-20T18:00:00Z"),
                        "Europe/Berlin")));

        assertThat(refusal(file).faults())
                .extracting(ImportRefusedException.Fault::field, ImportRefusedException.Fault::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events[1].payload", "id.reused"));
    }

    @Test
    void a_sealed_record_as_on_the_topic_is_refused_as_not_an_export_payload() {
        org.smallwins.contract.JournalEventCodec codec = new org.smallwins.contract.JournalEventCodec();
        var envelope = org.smallwins.command.portability.JournalExport.envelope(
                JournalExportTest.journal().get(0));
        String sealed = new String(
                codec.encode(codec.seal(envelope, "k-1", org.smallwins.contract.DataKeyset.generate())),
                StandardCharsets.UTF_8);

        ImportRefusedException refused =
                refusal("{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,\"events\":[" + sealed + "]}");

        assertThat(refused.faults().get(0).field()).isEqualTo("events[0].payloadEncoding");
        assertThat(refused.faults().get(0).rule()).isEqualTo("payloadEncoding.json");
    }

    @Test
    void focus_choices_and_a_reflection_check_through_the_decider_to_every_mark_of_their_subjects() throws IOException {
        JournalImport.FileMarks marks = marks(exportOf(JournalExportTest.withThePractice()));

        assertThat(marks.entries()).containsOnlyKeys("w1", "c1", "w2");
        assertThat(marks.subjects()).containsOnlyKeys("journal:focus", "journal:reflection:2026-W47");
        assertThat(marks.subjects().get("journal:focus"))
                .extracting(org.smallwins.journal.SubjectMark::version)
                .containsExactly(1, 2);
        assertThat(marks.subjects().get("journal:reflection:2026-W47")).hasSize(1);
    }

    @Test
    void a_reflection_choosing_an_entry_that_is_no_win_of_its_week_in_the_file_is_refused_by_position()
            throws IOException {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>(JournalExportTest.journal());
        events.add(JournalExportTest.stored(
                3,
                new org.smallwins.contract.WeeklyReflectionWritten("2026-W47", SECRET, List.of("w2", "c1"), true),
                Instant.parse("2026-11-22T11:00:00Z"),
                "Europe/Berlin"));

        ImportRefusedException refused = refusal(exportOf(events));

        assertThat(refused.faults().get(0).field()).isEqualTo("events[3].payload.winIds[1]");
        assertThat(refused.faults().get(0).rule()).isEqualTo("winIds.not-in-week");
    }
}
