package org.smallwins.command.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.smallwins.contract.EventChain;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.SealedEnvelope;

/**
 * The contract's envelope of a journal event as the event store holds it: the payload as stored (a
 * {@link SealedPayload}, or a plain {@link JournalEvent} for events free of personal data and events stored before
 * sealing), and the envelope fields in the event's clear metadata, including its hash-chain link ({@link #HASH},
 * {@link #PREVIOUS_HASH}, written once at append by {@link SealingEventStorageEngine}). The relay sends exactly this.
 */
public final class StoredEnvelopes {

    public static final String USER_ID = "userId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String OCCURRED_DATE = "occurredDate";
    public static final String OCCURRED_ZONE = "occurredZone";
    /** The {@link EventChain} hash of the same journal's previous event (absent on the first event). */
    public static final String PREVIOUS_HASH = "previousHash";
    /** This event's {@link EventChain} hash (absent on events stored before the chain existed). */
    public static final String HASH = "hash";

    private StoredEnvelopes() {}

    /** A sealed event: the stored ciphertext as it is, with its envelope and chain link. */
    public static SealedEnvelope sealed(DomainEventMessage<?> message, SealedPayload payload) {
        return new SealedEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber() + 1,
                occurred(message.getMetaData()),
                message.getTimestamp(),
                correlationId(message),
                payload.type(),
                payload.typeVersion(),
                payload.keyId(),
                payload.ciphertext(),
                text(message.getMetaData(), PREVIOUS_HASH),
                text(message.getMetaData(), HASH));
    }

    /** An event stored unsealed: as it was stored, {@code json}, with its chain link. */
    public static EventEnvelope plain(DomainEventMessage<?> message) {
        return new EventEnvelope(
                message.getIdentifier(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber() + 1,
                occurred(message.getMetaData()),
                message.getTimestamp(),
                correlationId(message),
                EventEnvelope.PLAIN_JSON,
                (JournalEvent) message.getPayload(),
                text(message.getMetaData(), PREVIOUS_HASH),
                text(message.getMetaData(), HASH));
    }

    /**
     * The chain hash of a stored journal event (over its payload as stored), given its previous event's hash; the
     * hash it carries if it has one.
     */
    static String hashOf(DomainEventMessage<?> stored, String previousHash) {
        String carried = text(stored.getMetaData(), HASH);
        return carried != null ? carried : computeHash(stored, previousHash);
    }

    /** The chain hash of a journal event as it is stored (its payload as stored), given its previous event's hash. */
    static String computeHash(DomainEventMessage<?> stored, String previousHash) {
        if (stored.getPayload() instanceof SealedPayload sealed) {
            return EventChain.hash(sealed(stored, sealed), previousHash);
        }
        return EventChain.hash(plain(stored), previousHash);
    }

    static boolean isJournalEvent(DomainEventMessage<?> stored) {
        return stored.getPayload() instanceof SealedPayload || stored.getPayload() instanceof JournalEvent;
    }

    private static Occurred occurred(MetaData meta) {
        return new Occurred(
                Instant.parse((String) meta.get(OCCURRED_AT)),
                LocalDate.parse((String) meta.get(OCCURRED_DATE)),
                (String) meta.get(OCCURRED_ZONE));
    }

    private static String correlationId(DomainEventMessage<?> message) {
        Object correlationId = message.getMetaData().get(CORRELATION_ID);
        return correlationId != null ? correlationId.toString() : message.getIdentifier();
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value != null ? value.toString() : null;
    }
}
