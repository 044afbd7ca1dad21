package org.smallwins.command.portability;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.smallwins.command.journal.ImportAccepted;
import org.smallwins.command.journal.ImportChunk;
import org.smallwins.command.journal.ImportedEntry;
import org.smallwins.command.journal.JournalHoldsOtherEntriesException;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.journal.Decision;
import org.smallwins.journal.EntryMark;
import org.smallwins.journal.JournalDecider;
import org.smallwins.journal.JournalPolicies;
import org.smallwins.journal.JournalState;
import org.smallwins.journal.Refusal;
import org.smallwins.journal.SubjectMark;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A journal export brought into the caller's journal (GDPR article 20): another account's, or another installation's.
 *
 * <p>The body is spooled (see {@link Spool}) and read twice. The first pass checks everything and stores nothing: the
 * file's shape, each event's contract shape, and each entry through the journal's own decider, with a clock standing
 * at the instant the entry first happened, against the entries before it in the file; an entry must come out exactly
 * as it is in the file (same content, day, zone and instant). The second pass sends the entries, in order, to the
 * journal in chunks of {@code smallwins.import.chunk-size} (one command and one transaction each): each entry is
 * decided again there as the same command, so ids, days, zones and instants are kept, and the journal's rules hold.
 *
 * <p>The first chunk carries the marks of the whole file, and the journal refuses it
 * ({@link JournalHoldsOtherEntriesException}, 409) if it holds any entry that is not exactly in the file. So an import
 * goes into an empty journal; the same file again records nothing (every entry is already recorded); and an import
 * that stopped part way (a lost connection, a restart) completes when it is sent again. Another entry written to the
 * journal while an import runs can make a later chunk conflict: the chunks before it stay, and sending the file again
 * completes it.
 *
 * <p>The imported events are new events of this journal: new event ids, sequences and recording times, and the
 * correlation id of the import request.
 */
@Component
public class JournalImport {

    /** What an import did. */
    public record Result(long events, long recorded, long alreadyRecorded, long sequence) {}

    private final CommandGateway commands;
    private final JournalExport export;
    private final Clock clock;
    private final int chunkSize;
    private final ExportReader reader = new ExportReader();

    JournalImport(
            CommandGateway commands,
            JournalExport export,
            Clock clock,
            @Value("${smallwins.import.chunk-size:2000}") int chunkSize) {
        this.commands = commands;
        this.export = export;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    public Result importInto(String userId, InputStream body, String correlationId) throws IOException {
        try (Spool spool = Spool.of(body)) {
            FileMarks wholeFile;
            try (InputStream in = spool.open()) {
                wholeFile = check(in);
            }
            if (wholeFile.isEmpty()) {
                if (holdsEntries(userId)) {
                    throw new JournalHoldsOtherEntriesException();
                }
                return new Result(0, 0, 0, 0);
            }
            try (InputStream in = spool.open()) {
                return send(userId, in, correlationId, wholeFile);
            }
        }
    }

    /** Whether the journal holds any entry (since its latest erasure, if any). */
    private boolean holdsEntries(String userId) {
        var events = export.eventsOf(userId);
        while (events.hasNext()) {
            if (JournalExport.envelope(events.next()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a file holds, as the journal will remember it: the mark of every entry, and every mark of each journal-level
     * subject (the focus, a week's reflection), version 1 first.
     */
    record FileMarks(Map<String, EntryMark> entries, Map<String, List<SubjectMark>> subjects) {

        boolean isEmpty() {
            return entries.isEmpty() && subjects.isEmpty();
        }
    }

    /** The first pass: everything checked, nothing stored; answers the marks of everything in the file. */
    FileMarks check(InputStream in) {
        Instant latest = clock.instant().plus(JournalPolicies.CLOCK_SKEW);
        Map<String, EntryMark> marks = new HashMap<>();
        Map<String, List<SubjectMark>> subjects = new HashMap<>();
        JournalState state = JournalState.of(
                marks::get,
                subject -> {
                    List<SubjectMark> history = subjects.get(subject);
                    return history == null ? null : history.get(history.size() - 1);
                },
                () -> null);
        reader.read(in, item -> {
            String at = "events[" + item.position() + "]";
            if (item.entry().decidedAt().isAfter(latest)) {
                throw ImportRefusedException.invalid(
                        at + ".occurred.instant", "occurred.future", "An imported entry cannot lie in the future.");
            }
            Decision decision = JournalDecider.decide(
                    item.entry().command(), state, Clock.fixed(item.entry().decidedAt(), ZoneOffset.UTC));
            if (decision instanceof Decision.Record record) {
                Decision.Event event = record.events().get(0);
                if (record.events().size() != 1
                        || !event.payload().equals(item.envelope().payload())
                        || !event.occurred().equals(item.envelope().occurred())) {
                    throw ImportRefusedException.invalid(
                            at,
                            "event.as-recorded",
                            "This event is not as the journal records it (its content, day, zone or instant).");
                }
                String entryId = event.payload().entryId();
                if (SubjectMark.setsASubject(event.payload())) {
                    List<SubjectMark> history = subjects.computeIfAbsent(entryId, id -> new ArrayList<>());
                    history.add(SubjectMark.evolve(
                            history.isEmpty() ? null : history.get(history.size() - 1), event.payload()));
                } else {
                    marks.put(entryId, EntryMark.evolve(marks.get(entryId), event.payload(), event.occurred()));
                }
            } else if (decision instanceof Decision.Conflict) {
                throw ImportRefusedException.invalid(
                        at + ".payload",
                        "id.reused",
                        "An earlier event in the file has this entry id with other content.");
            } else if (decision instanceof Decision.Retracted) {
                throw ImportRefusedException.invalid(
                        at + ".payload", "id.retracted", "An earlier event in the file retracted this entry.");
            } else if (decision instanceof Decision.NotFound || decision instanceof Decision.VersionMismatch) {
                throw ImportRefusedException.invalid(
                        at + ".payload.version",
                        "version.out-of-order",
                        "This change does not follow the entry's previous version in the file.");
            } else if (decision instanceof Decision.Refused refused) {
                throw new ImportRefusedException(
                        ImportRefusedException.Kind.INVALID,
                        refused.refusals().stream().map(r -> fault(at, r)).toList());
            }
            // Decision.AlreadyRecorded: the same entry twice in one file is recorded once; a focus choice or a
            // reflection equal to the current one (which an export never holds) likewise.
        });
        return new FileMarks(marks, subjects);
    }

    private static ImportRefusedException.Fault fault(String at, Refusal refusal) {
        return new ImportRefusedException.Fault(at + ".payload." + refusal.field(), refusal.rule(), refusal.detail());
    }

    /** The second pass: the entries, in order, to the journal in chunks. */
    private Result send(String userId, InputStream in, String correlationId, FileMarks wholeFile) {
        long[] totals = new long[4];
        List<ImportedEntry> chunk = new ArrayList<>(chunkSize);
        int events = reader.read(in, item -> {
            chunk.add(item.entry());
            if (chunk.size() == chunkSize) {
                sendChunk(userId, chunk, totals[0] == 0 ? wholeFile : null, correlationId, totals);
            }
        });
        if (!chunk.isEmpty() || totals[0] == 0) {
            sendChunk(userId, chunk, totals[0] == 0 ? wholeFile : null, correlationId, totals);
        }
        return new Result(events, totals[1], totals[2], totals[3]);
    }

    private void sendChunk(
            String userId, List<ImportedEntry> chunk, FileMarks wholeFile, String correlationId, long[] totals) {
        var message = GenericCommandMessage.asCommandMessage(new ImportChunk(
                        userId,
                        chunk,
                        wholeFile == null ? null : wholeFile.entries(),
                        wholeFile == null ? null : wholeFile.subjects()))
                .andMetaData(Map.of(JournalMetaData.CORRELATION_ID, correlationId));
        ImportAccepted accepted = commands.sendAndWait(message);
        totals[0]++;
        totals[1] += accepted.recorded();
        totals[2] += accepted.alreadyRecorded();
        totals[3] = accepted.sequence();
        chunk.clear();
    }
}
