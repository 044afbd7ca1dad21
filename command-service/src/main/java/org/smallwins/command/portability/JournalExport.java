package org.smallwins.command.portability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's journal, taken out (GDPR articles 15 and 20): every event they recorded, as recorded, with its envelope
 * and its payload in the contract's JSON shape ({@link JournalEventCodec}); or one spreadsheet row per entry.
 *
 * <p>Both are written while the events are read: the event store hands them over in batches
 * ({@code EventStore.readEvents(userId, from)}: the events alone, never a snapshot, from just after the journal's latest
 * erasure), and each is written to the response
 * before the next is read, so a journal of any length exports in constant memory. Payloads are read through the event
 * store, so they arrive decrypted.
 *
 * <p>JSON: {@code {"format":"smallwins-journal-export","formatVersion":1,"exportedAt":…,"events":[…],"eventCount":n}};
 * each event is exactly what the codec writes for the topic with {@code payloadEncoding: "json"} (eventId, type,
 * typeVersion, userId, sequence, occurred {instant, localDate, zone}, recordedAt, correlationId, payloadEncoding,
 * payload). This is what {@link JournalImport} reads.
 *
 * <p>CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes
 * doubled): a header, then one row per event: each logged, corrected or retracted entry (wins and check-ins), each
 * focus choice ({@code FOCUS}: {@code focusArea}, {@code stage}) and each weekly reflection ({@code REFLECTION}: the
 * answer in {@code text}, {@code week}, {@code winIds} joined by {@code ; }, {@code proudOfShowingUp}); their
 * {@code version} counts the choices, or the reflections of that week, so far. A cell a person wrote that starts with {@code = + - @}, a tab or a carriage return is
 * written with a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV
 * injection; the OWASP advice).
 */
@Component
public class JournalExport {

    public static final String FORMAT = "smallwins-journal-export";
    public static final int FORMAT_VERSION = 1;

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of(
            "kind",
            "id",
            "day",
            "occurredAt",
            "zone",
            "text",
            "focusArea",
            "tags",
            "mood",
            "energy",
            "window",
            "note",
            "recordedAt",
            "sequence",
            "change",
            "version",
            "reason",
            "stage",
            "week",
            "winIds",
            "proudOfShowingUp");

    /** The cells of the last four columns (the practice's) in an entry's row. */
    private static final List<String> NO_PRACTICE = List.of("", "", "", "");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JournalEventCodec codec = new JournalEventCodec();

    JournalExport(EventStore eventStore, JdbcTemplate jdbc, Clock clock) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the person's journal as JSON; answers how many events were written. */
    public long writeJson(String userId, OutputStream out) throws IOException {
        return writeJson(eventsOf(userId), out, clock.instant());
    }

    /** Writes one CSV row per entry of the person's journal; answers how many rows (entries) were written. */
    public long writeCsv(String userId, OutputStream out) throws IOException {
        return writeCsv(eventsOf(userId), out);
    }

    /** The person's current journal: the events after its latest erasure, if any (an erased journal is gone). */
    Iterator<? extends DomainEventMessage<?>> eventsOf(String userId) {
        return eventStore.readEvents(userId, erasedThrough(userId));
    }

    /**
     * The aggregate sequence (from 0) just after the journal's latest {@link JournalErased}, or 0. The erasure's event
     * is never sealed, so the event store's own columns find it, by the journal's key, without reading the events
     * before it (whose key is gone, or which predate encryption).
     */
    long erasedThrough(String userId) {
        Long latest = jdbc.queryForObject(
                "SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?",
                Long.class,
                userId,
                JournalErased.class.getName());
        return latest == null ? 0 : latest + 1;
    }

    long writeJson(Iterator<? extends DomainEventMessage<?>> events, OutputStream out, Instant exportedAt)
            throws IOException {
        long count = 0;
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeNumberProperty("formatVersion", FORMAT_VERSION);
            json.writeStringProperty("exportedAt", exportedAt.toString());
            json.writeName("events");
            json.writeStartArray();
            while (events.hasNext()) {
                EventEnvelope envelope = envelope(events.next());
                if (envelope != null) {
                    json.writeRawValue(new String(codec.encode(envelope), StandardCharsets.UTF_8));
                    count++;
                    if (count % 256 == 0) {
                        json.flush();
                    }
                }
            }
            json.writeEndArray();
            json.writeNumberProperty("eventCount", count);
            json.writeEndObject();
        }
        return count;
    }

    long writeCsv(Iterator<? extends DomainEventMessage<?>> events, OutputStream out) throws IOException {
        long rows = 0;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(CSV_COLUMNS.toArray(String[]::new))
                        .get())) {
            Map<String, Integer> subjectVersions = new HashMap<>();
            while (events.hasNext()) {
                EventEnvelope envelope = envelope(events.next());
                if (envelope == null) {
                    continue;
                }
                int subjectVersion = envelope.payload().aboutAnEntry()
                        ? 0
                        : subjectVersions.merge(envelope.payload().entryId(), 1, Integer::sum);
                csv.printRecord(row(envelope, subjectVersion));
                rows++;
                if (rows % 256 == 0) {
                    csv.flush();
                }
            }
        }
        return rows;
    }

    /** The event's row; {@code subjectVersion}: for a focus choice or reflection, how many of its kind so far. */
    private static List<String> row(EventEnvelope e, int subjectVersion) {
        return e.payload().handleWith(new JournalEvent.Handler<>() {
            @Override
            public List<String> winLogged(WinLogged win) {
                return winRow(e, win.winId(), win.text(), win.focusArea().name(), win.tags(), "LOGGED", 1);
            }

            @Override
            public List<String> checkInRecorded(CheckInRecorded c) {
                return checkInRow(
                        e, c.checkInId(), c.mood(), c.energy(), c.window().name(), c.note(), "LOGGED", 1);
            }

            @Override
            public List<String> journalErased(JournalErased erased) {
                throw new IllegalArgumentException("an erasure is not exported");
            }

            @Override
            public List<String> winCorrected(WinCorrected win) {
                return winRow(
                        e, win.winId(), win.text(), win.focusArea().name(), win.tags(), "CORRECTED", win.version());
            }

            @Override
            public List<String> checkInCorrected(CheckInCorrected c) {
                return checkInRow(
                        e, c.checkInId(), c.mood(), c.energy(), c.window().name(), c.note(), "CORRECTED", c.version());
            }

            @Override
            public List<String> entryRetracted(EntryRetracted retracted) {
                String reason =
                        retracted.reason() == null ? "" : retracted.reason().name();
                return columns(
                        e,
                        retracted.kind().name(),
                        retracted.entryId(),
                        List.of("", "", "", "", "", "", ""),
                        "RETRACTED",
                        retracted.version(),
                        reason,
                        NO_PRACTICE);
            }

            @Override
            public List<String> focusAreaChosen(FocusAreaChosen chosen) {
                return columns(
                        e,
                        "FOCUS",
                        "",
                        List.of("", chosen.area().name(), "", "", "", "", ""),
                        "CHOSEN",
                        subjectVersion,
                        "",
                        List.of(chosen.stage().name(), "", "", ""));
            }

            @Override
            public List<String> weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                return columns(
                        e,
                        "REFLECTION",
                        "",
                        List.of(reflection.answer() == null ? "" : cell(reflection.answer()), "", "", "", "", "", ""),
                        "WRITTEN",
                        subjectVersion,
                        "",
                        List.of(
                                "",
                                reflection.isoWeek(),
                                cell(String.join("; ", reflection.winIds())),
                                Boolean.toString(reflection.proudOfShowingUp())));
            }

            @Override
            public List<String> analyticsConsentGiven(AnalyticsConsentGiven given) {
                return consentRow("GIVEN");
            }

            @Override
            public List<String> analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                return consentRow("WITHDRAWN");
            }

            /** Issue 16: a row per consent given or withdrawn (no content; its version counts the person's answers). */
            private List<String> consentRow(String change) {
                return columns(
                        e, "CONSENT", "", List.of("", "", "", "", "", "", ""), change, subjectVersion, "", NO_PRACTICE);
            }
        });
    }

    private static List<String> winRow(
            EventEnvelope e, String id, String text, String area, List<String> tags, String change, int version) {
        return columns(
                e,
                "WIN",
                id,
                List.of(cell(text), area, cell(String.join("; ", tags)), "", "", "", ""),
                change,
                version,
                "",
                NO_PRACTICE);
    }

    private static List<String> checkInRow(
            EventEnvelope e, String id, int mood, int energy, String window, String note, String change, int version) {
        return columns(
                e,
                "CHECK_IN",
                id,
                List.of(
                        "",
                        "",
                        "",
                        Integer.toString(mood),
                        Integer.toString(energy),
                        window,
                        note == null ? "" : cell(note)),
                change,
                version,
                "",
                NO_PRACTICE);
    }

    /**
     * One CSV row: kind, id, placement, the seven content cells, recorded, sequence, change, version, reason, and the
     * four cells of the practice (stage, week, winIds, proudOfShowingUp).
     */
    private static List<String> columns(
            EventEnvelope e,
            String kind,
            String id,
            List<String> content,
            String change,
            int version,
            String reason,
            List<String> practice) {
        List<String> row = new java.util.ArrayList<>(CSV_COLUMNS.size());
        row.add(kind);
        row.add(cell(id));
        row.add(e.occurred().localDate().toString());
        row.add(e.occurred().instant().toString());
        row.add(e.occurred().zone());
        row.addAll(content);
        row.add(e.recordedAt().toString());
        row.add(Long.toString(e.sequence()));
        row.add(change);
        row.add(Integer.toString(version));
        row.add(reason);
        row.addAll(practice);
        return row;
    }

    /**
     * A cell a person wrote, safe to open in a spreadsheet: a leading apostrophe before {@code = + - @}, tab or
     * carriage return, so it is shown as text and never evaluated as a formula. (Quoting is the CSV printer's.)
     */
    static String cell(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /**
     * The stored event as the contract's envelope, or null for an event that is not one the person recorded (an
     * erasure: it is in the person's access log, and an export holds exactly what they recorded).
     */
    static EventEnvelope envelope(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof JournalEvent payload) || payload instanceof JournalErased) {
            return null;
        }
        MetaData meta = message.getMetaData();
        Object correlationId = meta.get(JournalMetaData.CORRELATION_ID);
        return new EventEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                JournalMetaData.sequenceOf(message.getSequenceNumber()),
                JournalMetaData.occurred(meta),
                message.getTimestamp(),
                correlationId != null ? correlationId.toString() : message.getIdentifier(),
                EventEnvelope.PLAIN_JSON,
                payload);
    }
}
