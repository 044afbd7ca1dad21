package org.smallwins.command.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.smallwins.command.accesslog.AccessLog;
import org.smallwins.command.accesslog.AccessRecord;
import org.smallwins.command.journal.EraseJournal;
import org.smallwins.command.journal.ErasureAccepted;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.JournalErased;
import org.springframework.stereotype.Component;

/**
 * Erases a person's journal (GDPR article 17) by crypto-shredding: the journal destroys its data key, deletes its
 * snapshots and records a content-free {@link JournalErased}, in one transaction (see {@code Journal}); every read
 * model purges the person on that event, and whatever was sealed with the key (events in PostgreSQL, records on the
 * topic, backups of either) can no longer be read. The request and its receipt go to the person's access log, which
 * the erasure leaves in place.
 */
@Component
public class JournalErasure {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AccessLog accessLog;
    private final Clock clock;

    JournalErasure(CommandGateway commands, EventStore eventStore, AccessLog accessLog, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public ErasureReceipt erase(String userId, String correlationId) {
        String erasureId = UUID.randomUUID().toString();
        Instant at = clock.instant();
        ErasureAccepted accepted = eventStore
                .lastSequenceNumberFor(userId)
                .map(last -> send(userId, erasureId, correlationId))
                .orElse(new ErasureAccepted(null, 0));
        ErasureReceipt receipt = ErasureReceipt.of(erasureId, at, accepted, chainHead(userId, accepted.sequence()));
        accessLog.record(
                userId,
                AccessRecord.Action.ERASURE,
                correlationId,
                null,
                receipt.erasedEvents(),
                receipt.outcome(),
                receipt.destroyedKeyId());
        return receipt;
    }

    /**
     * The journal's hash-chain head after the erasure: the hash of its last event (the {@code JournalErased}, stored
     * unsealed, so it is read even though the key is gone); null when the journal holds no event.
     */
    private String chainHead(String userId, long sequence) {
        if (sequence < 1) {
            return null;
        }
        var events = eventStore.readEvents(userId, sequence - 1);
        while (events.hasNext()) {
            var event = events.next();
            if (event.getSequenceNumber() == sequence - 1) {
                Object hash = event.getMetaData().get(JournalMetaData.HASH);
                return hash != null ? hash.toString() : null;
            }
        }
        return null;
    }

    private ErasureAccepted send(String userId, String erasureId, String correlationId) {
        var message = GenericCommandMessage.asCommandMessage(new EraseJournal(userId, erasureId))
                .andMetaData(Map.of(JournalMetaData.CORRELATION_ID, correlationId));
        try {
            return commands.sendAndWait(message);
        } catch (AggregateNotFoundException e) {
            return new ErasureAccepted(null, 0);
        }
    }
}
