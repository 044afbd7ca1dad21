package org.smallwins.command.relay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.smallwins.command.eventstore.SealedPayload;
import org.smallwins.command.eventstore.StoredEnvelopes;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.SealedEnvelope;

/**
 * Turns a stored journal event into the contract's envelope (version 2, with the hash-chain link stored with it):
 * sealed as stored, or plain.
 */
final class EnvelopeMapper {

    private EnvelopeMapper() {}

    /** An event stored unsealed (free of personal data, or stored before payloads were sealed): {@code json}. */
    static EventEnvelope toEnvelope(DomainEventMessage<?> message) {
        return StoredEnvelopes.plain(message);
    }

    /** A sealed event: the stored ciphertext as it is, with its envelope (whose fields its associated data binds). */
    static SealedEnvelope toSealedEnvelope(DomainEventMessage<?> message, SealedPayload payload) {
        return StoredEnvelopes.sealed(message, payload);
    }
}
