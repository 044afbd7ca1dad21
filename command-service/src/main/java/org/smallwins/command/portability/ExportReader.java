package org.smallwins.command.portability;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.smallwins.command.journal.ImportedEntry;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.ChooseFocusArea;
import org.smallwins.journal.CorrectCheckIn;
import org.smallwins.journal.CorrectWin;
import org.smallwins.journal.JournalCommand;
import org.smallwins.journal.LogWin;
import org.smallwins.journal.RecordCheckIn;
import org.smallwins.journal.RetractEntry;
import org.smallwins.journal.SubjectMark;
import org.smallwins.journal.WriteWeeklyReflection;
import org.smallwins.platform.WellFormedText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a journal export ({@link JournalExport}'s JSON) as a stream, one event at a time: each event is decoded with
 * the contract's codec and turned back into the command that records it. Nothing but the current event is held. The
 * format marker and version must come before the events (as an export writes them). A fault is an
 * {@link ImportRefusedException} naming its position; values from the file are never quoted.
 */
final class ExportReader {

    /** One event of the file: its position in {@code events} and the entry it records. */
    record Item(int position, EventEnvelope envelope, ImportedEntry entry) {}

    /** Reads one event at a time from the middle of the file, so what follows an event is no error. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JournalEventCodec codec = new JournalEventCodec();

    /** Calls {@code each} for every event, in order; answers how many there were. */
    int read(InputStream in, Consumer<Item> each) {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnExport("The file is a journal export: a JSON object with format, formatVersion and events.");
            }
            String format = null;
            Integer version = null;
            int events = -1;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    case "formatVersion" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                    case "events" -> {
                        requireFormat(format, version);
                        if (value != JsonToken.START_ARRAY) {
                            throw ImportRefusedException.invalid(
                                    "events", "events.array", "events is a list of events.");
                        }
                        events = readEvents(parser, each);
                    }
                    default -> parser.skipChildren();
                }
            }
            requireFormat(format, version);
            if (events < 0) {
                throw ImportRefusedException.invalid("events", "events.required", "The export has no events list.");
            }
            if (parser.nextToken() != null) {
                throw malformed(parser.currentLocation(), "There is more after the export's closing brace.");
            }
            return events;
        } catch (StreamReadException e) {
            // The parser's message may quote the file; only where it stopped is told.
            throw malformed(e.getLocation(), "The file is not valid JSON.");
        } catch (JacksonException e) {
            throw malformed(e.getLocation(), "The file cannot be read.");
        }
    }

    private int readEvents(JsonParser parser, Consumer<Item> each) {
        int position = 0;
        // How many events of each journal-level subject (the focus, a week's reflection) the file has had so far.
        Map<String, Integer> subjectVersions = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            String field = "events[" + position + "]";
            if (token != JsonToken.START_OBJECT) {
                throw ImportRefusedException.invalid(field, "event.object", "Each event is a JSON object.");
            }
            JsonNode node = JSON.readTree(parser);
            String invalidText = invalidText(node, field);
            if (invalidText != null) {
                throw new ImportRefusedException(
                        ImportRefusedException.Kind.MALFORMED,
                        List.of(new ImportRefusedException.Fault(
                                invalidText,
                                "text.unicode",
                                "This text is not valid Unicode (it holds a lone surrogate); nothing was imported.")));
            }
            DecodeResult decoded = codec.decode(JSON.writeValueAsBytes(node));
            if (decoded instanceof DecodeResult.Rejected rejected) {
                throw ImportRefusedException.invalid(
                        field,
                        rejected.reason(),
                        "This event is not one the journal can read (" + rejected.reason() + ").");
            }
            if (!(decoded instanceof DecodeResult.Decoded readable)) {
                // An export holds payloads as recorded, readable; a sealed record (as on the topic) has no key here.
                throw ImportRefusedException.invalid(
                        field + ".payloadEncoding",
                        "payloadEncoding.json",
                        "An export holds readable payloads (payloadEncoding json).");
            }
            EventEnvelope envelope = readable.envelope();
            if (envelope.payload() instanceof JournalErased) {
                throw ImportRefusedException.invalid(
                        field + ".type",
                        "type.importable",
                        "Only what a person recorded (entries, focus choices, reflections) is imported.");
            }
            if (SubjectMark.isConsent(envelope.payload())) {
                // Issue 16: a consent to analytics is given afresh in each journal, never carried in by an import.
                position++;
                continue;
            }
            int subjectVersion = envelope.payload().aboutAnEntry()
                    ? 0
                    : subjectVersions.merge(envelope.payload().entryId(), 1, Integer::sum);
            each.accept(new Item(
                    position,
                    envelope,
                    new ImportedEntry(command(envelope), envelope.occurred().instant(), subjectVersion)));
            position++;
        }
        return position;
    }

    /**
     * Where in an event the first text that is not valid Unicode is (a name or a value), or null: such text cannot be
     * kept as it is, so it is refused rather than stored as U+FFFD, like in any other request.
     */
    static String invalidText(JsonNode node, String at) {
        if (node.isString()) {
            return WellFormedText.isWellFormed(node.asString()) ? null : at;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = invalidText(node.get(i), at + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var member : node.properties()) {
                if (!WellFormedText.isWellFormed(member.getKey())) {
                    return at;
                }
                String found = invalidText(member.getValue(), at + "." + member.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The command that records this event's entry again, with every value explicit. */
    static JournalCommand command(EventEnvelope envelope) {
        Optional<ZoneId> zone = Optional.of(ZoneId.of(envelope.occurred().zone()));
        JournalEvent payload = envelope.payload();
        return payload.handleWith(new JournalEvent.Handler<JournalCommand>() {
            @Override
            public JournalCommand winLogged(WinLogged win) {
                return new LogWin(
                        win.winId(),
                        win.text(),
                        win.focusArea(),
                        win.tags(),
                        Optional.of(envelope.occurred().localDate()),
                        zone);
            }

            @Override
            public JournalCommand checkInRecorded(CheckInRecorded checkIn) {
                return new RecordCheckIn(
                        checkIn.checkInId(),
                        checkIn.mood(),
                        checkIn.energy(),
                        checkIn.window(),
                        Optional.ofNullable(checkIn.note()),
                        Optional.of(envelope.occurred().instant()),
                        zone);
            }

            @Override
            public JournalCommand journalErased(JournalErased erased) {
                throw new IllegalArgumentException("an erasure is not imported");
            }

            @Override
            public JournalCommand winCorrected(WinCorrected win) {
                return new CorrectWin(
                        win.winId(),
                        win.version() - 1,
                        win.text(),
                        win.focusArea(),
                        win.tags(),
                        Optional.of(envelope.occurred().localDate()),
                        zone);
            }

            @Override
            public JournalCommand checkInCorrected(CheckInCorrected checkIn) {
                return new CorrectCheckIn(
                        checkIn.checkInId(),
                        checkIn.version() - 1,
                        checkIn.mood(),
                        checkIn.energy(),
                        checkIn.window(),
                        Optional.ofNullable(checkIn.note()),
                        Optional.of(envelope.occurred().instant()),
                        zone);
            }

            @Override
            public JournalCommand entryRetracted(EntryRetracted retracted) {
                return new RetractEntry(
                        retracted.entryId(), retracted.version() - 1, Optional.ofNullable(retracted.reason()));
            }

            @Override
            public JournalCommand focusAreaChosen(FocusAreaChosen chosen) {
                return new ChooseFocusArea(chosen.area(), chosen.stage(), zone);
            }

            @Override
            public JournalCommand weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                return new WriteWeeklyReflection(
                        reflection.isoWeek(),
                        Optional.ofNullable(reflection.answer()),
                        reflection.winIds(),
                        reflection.proudOfShowingUp(),
                        zone);
            }

            @Override
            public JournalCommand analyticsConsentGiven(AnalyticsConsentGiven given) {
                throw new IllegalArgumentException("a consent is not imported (see readEvents)");
            }

            @Override
            public JournalCommand analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                throw new IllegalArgumentException("a consent is not imported (see readEvents)");
            }
        });
    }

    private static void requireFormat(String format, Integer version) {
        if (!JournalExport.FORMAT.equals(format)) {
            throw notAnExport("format must be \"" + JournalExport.FORMAT + "\", before the events.");
        }
        if (version == null || version != JournalExport.FORMAT_VERSION) {
            throw ImportRefusedException.invalid(
                    "formatVersion",
                    "formatVersion.unsupported",
                    "This installation reads exports of formatVersion " + JournalExport.FORMAT_VERSION + ".");
        }
    }

    private static ImportRefusedException notAnExport(String detail) {
        return ImportRefusedException.invalid("format", "format.export", detail);
    }

    private static ImportRefusedException malformed(TokenStreamLocation where, String detail) {
        String field = where == null ? "body" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new ImportRefusedException(
                ImportRefusedException.Kind.MALFORMED,
                List.of(new ImportRefusedException.Fault(field, "json.syntax", detail, false)));
    }
}
