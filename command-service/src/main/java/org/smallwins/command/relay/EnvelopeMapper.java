package org.smallwins.command.relay;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;

/** Turns a stored journal event into the contract's envelope. */
final class EnvelopeMapper {

    private EnvelopeMapper() {}

    static EventEnvelope toEnvelope(DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        Occurred occurred = new Occurred(
                Instant.parse((String) meta.get(JournalMetaData.OCCURRED_AT)),
                LocalDate.parse((String) meta.get(JournalMetaData.OCCURRED_DATE)),
                (String) meta.get(JournalMetaData.OCCURRED_ZONE));
        Object correlationId = meta.get(JournalMetaData.CORRELATION_ID);
        return new EventEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                JournalMetaData.sequenceOf(message.getSequenceNumber()),
                occurred,
                message.getTimestamp(),
                correlationId != null ? correlationId.toString() : message.getIdentifier(),
                EventEnvelope.PLAIN_JSON,
                (JournalEvent) message.getPayload());
    }
}
