package org.smallwins.command.relay;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.smallwins.command.eventstore.SealedPayload;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.SealedEnvelope;

/** Turns a stored journal event into the contract's envelope: sealed as stored, or (older events) plain. */
final class EnvelopeMapper {

    private EnvelopeMapper() {}

    /** An event stored before payloads were sealed (older data directories): as it was, {@code json}. */
    static EventEnvelope toEnvelope(DomainEventMessage<?> message) {
        return new EventEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                JournalMetaData.sequenceOf(message.getSequenceNumber()),
                occurred(message.getMetaData()),
                message.getTimestamp(),
                correlationId(message),
                EventEnvelope.PLAIN_JSON,
                (JournalEvent) message.getPayload());
    }

    /** A sealed event: the stored ciphertext as it is, with its envelope (whose fields its associated data binds). */
    static SealedEnvelope toSealedEnvelope(DomainEventMessage<?> message, SealedPayload payload) {
        return new SealedEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                JournalMetaData.sequenceOf(message.getSequenceNumber()),
                occurred(message.getMetaData()),
                message.getTimestamp(),
                correlationId(message),
                payload.type(),
                payload.typeVersion(),
                payload.keyId(),
                payload.ciphertext());
    }

    private static Occurred occurred(MetaData meta) {
        return new Occurred(
                Instant.parse((String) meta.get(JournalMetaData.OCCURRED_AT)),
                LocalDate.parse((String) meta.get(JournalMetaData.OCCURRED_DATE)),
                (String) meta.get(JournalMetaData.OCCURRED_ZONE));
    }

    private static String correlationId(DomainEventMessage<?> message) {
        Object correlationId = message.getMetaData().get(JournalMetaData.CORRELATION_ID);
        return correlationId != null ? correlationId.toString() : message.getIdentifier();
    }
}
