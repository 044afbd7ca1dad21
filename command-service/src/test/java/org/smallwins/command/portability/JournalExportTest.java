package org.smallwins.command.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export's two formats, written from a stream of stored events. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalExportTest {

    static final String USER = "user-a";
    static final Instant EXPORTED_AT = Instant.parse("2026-11-30T07:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final JournalExport export = new JournalExport(null, null, null);

    /** The event stored at this aggregate sequence (from 0), as the event store hands it over. */
    static DomainEventMessage<?> stored(long aggregateSequence, JournalEvent payload, Instant at, String zone) {
        Occurred occurred = Occurred.at(at, ZoneId.of(zone));
        MetaData meta = MetaData.from(java.util.Map.of(
                JournalMetaData.USER_ID, USER,
                JournalMetaData.CORRELATION_ID, "corr-" + aggregateSequence,
                JournalMetaData.OCCURRED_AT, occurred.instant().toString(),
                JournalMetaData.OCCURRED_DATE, occurred.localDate().toString(),
                JournalMetaData.OCCURRED_ZONE, occurred.zone()));
        return new GenericDomainEventMessage<>(
                "Journal", USER, aggregateSequence, payload, meta, "event-" + aggregateSequence, at.plusSeconds(1));
    }

    static List<DomainEventMessage<?>> journal() {
        return List.of(
                stored(
                        0,
                        new WinLogged("w1", "Today I said \"no\", kindly", FocusArea.BOUNDARIES, List.of("work", "x")),
                        Instant.parse("2026-11-20T18:00:00Z"),
                        "Europe/Berlin"),
                stored(
                        1,
                        new CheckInRecorded(
                                "c1", 2, 4, ToleranceWindow.HYPOAROUSED, "=HYPERLINK(\"http://x\")\nline 2"),
                        Instant.parse("2026-11-21T07:30:00Z"),
                        "Asia/Tokyo"),
                stored(
                        2,
                        new WinLogged("w2", "+1 for resting; @me -tired", FocusArea.REST, List.of("-a")),
                        Instant.parse("2026-11-22T09:00:00Z"),
                        "Europe/Berlin"));
    }

    @Test
    void json_holds_a_format_marker_and_every_event_in_the_contracts_shape_with_its_envelope() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = export.writeJson(journal().iterator(), out, EXPORTED_AT);

        JsonNode root = JSON.readTree(out.toByteArray());
        assertThat(written).isEqualTo(3);
        assertThat(root.path("format").asString()).isEqualTo("smallwins-journal-export");
        assertThat(root.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.path("exportedAt").asString()).isEqualTo("2026-11-30T07:00:00Z");
        assertThat(root.path("eventCount").asInt()).isEqualTo(3);
        JsonNode first = root.path("events").get(0);
        assertThat(first.path("eventId").asString()).isEqualTo("event-0");
        assertThat(first.path("type").asString()).isEqualTo("WinLogged");
        assertThat(first.path("typeVersion").asInt()).isEqualTo(1);
        assertThat(first.path("sequence").asLong()).isEqualTo(1);
        assertThat(first.path("occurred").path("localDate").asString()).isEqualTo("2026-11-20");
        assertThat(first.path("occurred").path("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(first.path("recordedAt").asString()).isEqualTo("2026-11-20T18:00:01Z");
        assertThat(first.path("correlationId").asString()).isEqualTo("corr-0");
        assertThat(first.path("payload").path("text").asString()).isEqualTo("Today I said \"no\", kindly");
        // Each event reads back through the contract's codec to exactly what was stored.
        JournalEventCodec codec = new JournalEventCodec();
        for (int i = 0; i < 3; i++) {
            DecodeResult decoded =
                    codec.decode(JSON.writeValueAsBytes(root.path("events").get(i)));
            assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
            EventEnvelope envelope = ((DecodeResult.Decoded) decoded).envelope();
            assertThat(envelope.payload()).isEqualTo(journal().get(i).getPayload());
            assertThat(envelope.sequence()).isEqualTo(i + 1);
        }
    }

    @Test
    void an_empty_journal_exports_as_an_empty_list_with_its_format_marker() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.writeJson(List.<DomainEventMessage<?>>of().iterator(), out, EXPORTED_AT);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,"
                        + "\"exportedAt\":\"2026-11-30T07:00:00Z\",\"events\":[],\"eventCount\":0}");
    }

    /**
     * 100,000 events are made one at a time as the export asks for them and are never kept; the output goes to a
     * stream that keeps only a count. Each time the export asks for the next event, what it has written so far must
     * already have reached the output, but for the last few hundred events: so it holds a bounded window, whatever the
     * journal's length.
     */
    @Test
    void a_journal_of_100000_events_is_written_while_it_is_read_holding_only_a_few_events_at_a_time()
            throws IOException {
        int total = 100_000;
        CountingOutput out = new CountingOutput();
        long[] largestLag = {0};
        Iterator<DomainEventMessage<?>> events = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public DomainEventMessage<?> next() {
                if (next >= total) {
                    throw new NoSuchElementException();
                }
                // Every event is at least 300 bytes of JSON; this many bytes were read but are not yet out.
                long lag = (long) next * 300 - out.count;
                largestLag[0] = Math.max(largestLag[0], lag);
                return stored(
                        next++,
                        new WinLogged("w" + next, "Today I kept a long journal " + next, FocusArea.REST, List.of()),
                        Instant.parse("2026-01-01T10:00:00Z").plusSeconds(next),
                        "Europe/Berlin");
            }
        };

        long written = export.writeJson(events, out, EXPORTED_AT);

        assertThat(written).isEqualTo(total);
        assertThat(out.count).isGreaterThan(total * 300L);
        // At most the events of one flush interval (256) and the generator's buffer are held back.
        assertThat(largestLag[0]).isLessThan(300L * 300);
    }

    @Test
    void csv_is_one_row_per_entry_quoted_as_rfc_4180_and_a_cell_that_looks_like_a_formula_is_text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = export.writeCsv(journal().iterator(), out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(3);
        assertThat(csv).startsWith(String.join(",", JournalExport.CSV_COLUMNS) + "\r\n");
        // Quotes doubled inside a quoted field; a line break stays inside its quoted cell.
        assertThat(csv).contains("\"Today I said \"\"no\"\", kindly\"");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records).hasSize(3);
        CSVRecord win = records.get(0);
        assertThat(win.get("kind")).isEqualTo("WIN");
        assertThat(win.get("id")).isEqualTo("w1");
        assertThat(win.get("day")).isEqualTo("2026-11-20");
        assertThat(win.get("occurredAt")).isEqualTo("2026-11-20T18:00:00Z");
        assertThat(win.get("zone")).isEqualTo("Europe/Berlin");
        assertThat(win.get("text")).isEqualTo("Today I said \"no\", kindly");
        assertThat(win.get("focusArea")).isEqualTo("BOUNDARIES");
        assertThat(win.get("tags")).isEqualTo("work; x");
        assertThat(win.get("sequence")).isEqualTo("1");
        CSVRecord checkIn = records.get(1);
        assertThat(checkIn.get("kind")).isEqualTo("CHECK_IN");
        assertThat(checkIn.get("day")).isEqualTo("2026-11-21");
        assertThat(checkIn.get("mood")).isEqualTo("2");
        assertThat(checkIn.get("energy")).isEqualTo("4");
        assertThat(checkIn.get("window")).isEqualTo("HYPOAROUSED");
        assertThat(checkIn.get("note")).isEqualTo("'=HYPERLINK(\"http://x\")\nline 2");
        CSVRecord second = records.get(2);
        assertThat(second.get("text")).isEqualTo("'+1 for resting; @me -tired");
        assertThat(second.get("tags")).isEqualTo("'-a");
    }

    @Test
    void every_cell_a_person_wrote_that_a_spreadsheet_would_run_starts_with_an_apostrophe() {
        assertThat(JournalExport.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(JournalExport.cell("+1")).isEqualTo("'+1");
        assertThat(JournalExport.cell("-1")).isEqualTo("'-1");
        assertThat(JournalExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(JournalExport.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(JournalExport.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(JournalExport.cell("Today I = rested")).isEqualTo("Today I = rested");
        assertThat(JournalExport.cell("")).isEmpty();
    }

    /** The export's journal, then a focus chosen and moved on, and the reflection of week 47 choosing w2 and w1. */
    static List<DomainEventMessage<?>> withThePractice() {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>(journal());
        events.add(stored(
                3,
                new org.smallwins.contract.FocusAreaChosen(
                        FocusArea.BOUNDARIES, org.smallwins.contract.StageOfChange.CONTEMPLATION),
                Instant.parse("2026-11-22T10:00:00Z"),
                "Europe/Berlin"));
        events.add(stored(
                4,
                new org.smallwins.contract.FocusAreaChosen(
                        FocusArea.BOUNDARIES, org.smallwins.contract.StageOfChange.ACTION),
                Instant.parse("2026-11-22T10:30:00Z"),
                "Europe/Berlin"));
        events.add(stored(
                5,
                new org.smallwins.contract.WeeklyReflectionWritten(
                        "2026-W47", "=I said \"no\"", List.of("w2", "w1"), true),
                Instant.parse("2026-11-22T11:00:00Z"),
                "Europe/Berlin"));
        return events;
    }

    @Test
    void csv_has_a_row_per_focus_choice_and_reflection_with_the_practices_own_columns() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = export.writeCsv(withThePractice().iterator(), out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(6);
        assertThat(csv).startsWith(String.join(",", JournalExport.CSV_COLUMNS) + "\r\n");
        assertThat(JournalExport.CSV_COLUMNS).endsWith("reason", "stage", "week", "winIds", "proudOfShowingUp");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records.get(0).get("stage")).isEmpty();
        CSVRecord first = records.get(3);
        assertThat(first.get("kind")).isEqualTo("FOCUS");
        assertThat(first.get("id")).isEmpty();
        assertThat(first.get("day")).isEqualTo("2026-11-22");
        assertThat(first.get("focusArea")).isEqualTo("BOUNDARIES");
        assertThat(first.get("stage")).isEqualTo("CONTEMPLATION");
        assertThat(first.get("change")).isEqualTo("CHOSEN");
        assertThat(first.get("version")).isEqualTo("1");
        assertThat(records.get(4).get("stage")).isEqualTo("ACTION");
        assertThat(records.get(4).get("version")).isEqualTo("2");
        CSVRecord reflection = records.get(5);
        assertThat(reflection.get("kind")).isEqualTo("REFLECTION");
        assertThat(reflection.get("text")).isEqualTo("'=I said \"no\"");
        assertThat(reflection.get("week")).isEqualTo("2026-W47");
        assertThat(reflection.get("winIds")).isEqualTo("w2; w1");
        assertThat(reflection.get("proudOfShowingUp")).isEqualTo("true");
        assertThat(reflection.get("change")).isEqualTo("WRITTEN");
        assertThat(reflection.get("version")).isEqualTo("1");
        assertThat(reflection.get("sequence")).isEqualTo("6");
    }

    @Test
    void json_holds_the_focus_choices_and_the_reflection_as_recorded() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = export.writeJson(withThePractice().iterator(), out, EXPORTED_AT);

        JsonNode events =
                JsonMapper.builder().build().readTree(out.toByteArray()).path("events");
        assertThat(written).isEqualTo(6);
        assertThat(events.get(3).path("type").asString()).isEqualTo("FocusAreaChosen");
        assertThat(events.get(5).path("payload").path("winIds").toString()).isEqualTo("[\"w2\",\"w1\"]");
        assertThat(events.get(5).path("payload").path("answer").asString()).isEqualTo("=I said \"no\"");
    }

    /** Keeps nothing but how many bytes went through. */
    static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
