package org.smallwins.command.journal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.journal.CorrectCheckIn;
import org.smallwins.journal.CorrectWin;
import org.smallwins.journal.Decision;
import org.smallwins.journal.EntryMark;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.JournalCommand;
import org.smallwins.journal.JournalDecider;
import org.smallwins.journal.JournalState;
import org.smallwins.journal.RetractEntry;
import org.smallwins.journal.SubjectMark;

/**
 * One person's journal: the consistency boundary for everything they record. It holds what the journal's decider needs
 * (a mark per entry, the latest zone), asks the {@link JournalDecider} about each command and applies what it decides.
 * It has no rules of its own.
 *
 * <p>Snapshots hold this object (Jackson, fields only). {@link Revision} names the shape of what it holds: revision 2
 * marks entries with a full SHA-256 of an unambiguous encoding, so snapshots of revision 1 (an ambiguous, shorter
 * digest) are ignored by the revision snapshot filter and the journal is loaded from its events instead. Snapshots are
 * stored sealed with the person's data key (see {@code SealingEventStorageEngine}); their revision is checked once
 * opened. The retry fingerprint ({@code ContentHash} in each {@link EntryMark}) is kept as it is, inside the sealed
 * snapshot. Revision 3 (issue 13) adds each entry's kind, version and retraction to its mark: snapshots of revision 2
 * are ignored and the journal is loaded from its events. Revision 4 (issue 14) adds the journal-level subjects (the
 * focus, each week's reflection: a {@link SubjectMark}, a hash and a count, never their text) and lets them set the
 * latest zone: snapshots of revision 3 are ignored and the journal is loaded from its events.
 */
@Aggregate(
        snapshotTriggerDefinition = "journalSnapshotTrigger",
        cache = "journalCache",
        snapshotFilter = "journalSnapshotFilter")
@Revision("4")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Journal {

    @AggregateIdentifier
    private String userId;
    /** The zone of the latest entry: the default zone for the next one. */
    private String lastZone;

    private Map<String, EntryMark> entries = new HashMap<>();

    /** The journal-level subjects ({@code journal:focus}, {@code journal:reflection:2026-W48}), by subject. */
    private Map<String, SubjectMark> subjects = new HashMap<>();

    /**
     * The sequence of the journal's latest {@code JournalErased} (0 if never erased): entries before it are forgotten.
     * Snapshots of revision 2 predate erasures, so their 0 is right.
     */
    private long erasedThrough;

    protected Journal() {
        // for Axon
    }

    /**
     * Decides the command and applies what was decided; the answer carries the journal's sequence after it, read from
     * the aggregate's own version (no second read), so a client can ask a read to wait until it is visible.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryAccepted handle(
            ForJournal command, Clock clock, @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        EntryOutcome outcome = decide(command, clock, correlationId);
        String id = command.command().entryId();
        int version = entries.containsKey(id)
                ? entries.get(id).version()
                : subjects.get(id).version();
        return new EntryAccepted(outcome, JournalMetaData.sequenceOf(AggregateLifecycle.getVersion()), version);
    }

    /**
     * Gives or withdraws the consent to analytics (issue 16). Created if missing: a journal without any event may say
     * either; withdrawing there records nothing and leaves no journal behind.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ConsentAccepted handle(
            ForConsent command, Clock clock, @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        EntryOutcome outcome = decide(new ForJournal(command.userId(), command.consent()), clock, correlationId);
        Long version = AggregateLifecycle.getVersion();
        return new ConsentAccepted(
                outcome,
                JournalDecider.consents(JournalState.of(entries::get, subjects::get, () -> lastZone)),
                JournalMetaData.sequenceOf(version == null ? -1 : version));
    }

    /** Asks the decider about the command and applies the events it decides on. */
    EntryOutcome decide(ForJournal command, Clock clock, String correlationId) {
        Decision decision = JournalDecider.decide(
                command.command(), JournalState.of(entries::get, subjects::get, () -> lastZone), clock);
        for (Decision.Event event : decision.eventsOrThrow()) {
            apply(event.payload(), JournalMetaData.of(command.userId(), event.occurred(), correlationId));
        }
        return decision instanceof Decision.AlreadyRecorded ? EntryOutcome.ALREADY_RECORDED : EntryOutcome.RECORDED;
    }

    /**
     * Imports a chunk of an exported journal: each entry is decided as its command, with a clock standing at the instant
     * it first happened (so its day, zone and instant are kept and the rules are those of then). An entry the journal
     * already holds exactly so is a retry; a different entry with a taken id, or a broken rule, refuses the whole chunk.
     * The first chunk of an import is refused if the journal holds any entry not exactly in the whole file.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportAccepted handle(
            ImportChunk chunk, @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        if (chunk.wholeFile() != null) {
            for (Map.Entry<String, EntryMark> held : entries.entrySet()) {
                EntryMark inFile = chunk.wholeFile().get(held.getKey());
                // As in the file, or an earlier version of it (an import that stopped part way and is sent again).
                boolean earlier = inFile != null
                        && !held.getValue().retracted()
                        && held.getValue().kind() == inFile.kind()
                        && held.getValue().version() < inFile.version();
                if (!held.getValue().equals(inFile) && !earlier) {
                    throw new JournalHoldsOtherEntriesException();
                }
            }
            for (Map.Entry<String, SubjectMark> held : subjects.entrySet()) {
                if (AnalyticsConsentGiven.SUBJECT.equals(held.getKey())) {
                    continue; // a consent is the journal's own, never in an import (issue 16)
                }
                // The focus or a reflection as the file had it at the same version (all of it, or part of it).
                List<SubjectMark> inFile = chunk.wholeFileSubjects().getOrDefault(held.getKey(), List.of());
                int version = held.getValue().version();
                if (version > inFile.size() || !inFile.get(version - 1).equals(held.getValue())) {
                    throw new JournalHoldsOtherEntriesException();
                }
            }
        }
        int recorded = 0;
        int already = 0;
        for (ImportedEntry entry : chunk.entries()) {
            SubjectMark subject = subjects.get(entry.command().entryId());
            if (entry.subjectVersion() > 0 && subject != null && subject.version() >= entry.subjectVersion()) {
                // This focus choice or reflection (or a later one of its subject) is here: sent before, got further.
                already++;
                continue;
            }
            EntryMark held = entries.get(entry.command().entryId());
            if (held != null && held.version() > versionAfter(entry.command())) {
                // A later version of this entry is already here: this import was sent before and got further.
                already++;
                continue;
            }
            ForJournal command = new ForJournal(chunk.userId(), entry.command());
            EntryOutcome outcome = decide(command, Clock.fixed(entry.decidedAt(), ZoneOffset.UTC), correlationId);
            if (outcome == EntryOutcome.RECORDED) {
                recorded++;
            } else {
                already++;
            }
        }
        long version = AggregateLifecycle.getVersion() == null ? -1 : AggregateLifecycle.getVersion();
        return new ImportAccepted(recorded, already, JournalMetaData.sequenceOf(version));
    }

    /**
     * Erases the journal: the shredder destroys its data key and deletes its snapshots, and a {@link JournalErased}
     * (no content) is applied, all in this command's transaction. The journal then holds no entries: the same person
     * writing again starts a new journal (a new key, no default zone). A journal with no event since its last erasure
     * has nothing to erase, and records nothing (a repeated request).
     */
    @CommandHandler
    public ErasureAccepted handle(
            EraseJournal command,
            JournalShredder shredder,
            Clock clock,
            @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        long sequence = JournalMetaData.sequenceOf(AggregateLifecycle.getVersion());
        if (sequence == erasedThrough) {
            return new ErasureAccepted(null, sequence);
        }
        JournalShredder.Shredded shredded = shredder.shred(command.userId(), sequence);
        JournalErased erased = new JournalErased(
                command.erasureId(),
                shredded.keyId().orElse(null),
                sequence - erasedThrough,
                sequence,
                shredded.lastEventId().orElse(null));
        apply(
                erased,
                JournalMetaData.of(
                        command.userId(), Occurred.at(clock.instant(), java.time.ZoneId.of("UTC")), correlationId));
        return new ErasureAccepted(erased, sequence + 1);
    }

    @EventSourcingHandler
    void on(JournalEvent event, MetaData metaData, @SequenceNumber long aggregateSequence) {
        this.userId = (String) metaData.get(JournalMetaData.USER_ID);
        if (event instanceof JournalErased) {
            entries = new HashMap<>();
            subjects = new HashMap<>();
            lastZone = null;
            erasedThrough = JournalMetaData.sequenceOf(aggregateSequence);
            return;
        }
        Occurred occurred = JournalMetaData.occurred(metaData);
        if (JournalState.setsTheLatestZone(event)) {
            this.lastZone = occurred.zone();
        }
        if (SubjectMark.setsASubject(event)) {
            subjects.put(event.entryId(), SubjectMark.evolve(subjects.get(event.entryId()), event));
        } else {
            entries.put(event.entryId(), EntryMark.evolve(entries.get(event.entryId()), event, occurred));
        }
    }

    /** The version an entry has after this command records it. */
    private static int versionAfter(JournalCommand command) {
        if (command instanceof CorrectWin correction) {
            return correction.expectedVersion() + 1;
        }
        if (command instanceof CorrectCheckIn correction) {
            return correction.expectedVersion() + 1;
        }
        if (command instanceof RetractEntry retraction) {
            return retraction.expectedVersion() + 1;
        }
        return 1;
    }
}
