package org.smallwins.query.projection;

import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.SealedEnvelope;

/**
 * A journal topic record as {@link JournalEventDeserializer} reads it, without any IO: an event that can be projected
 * as it is ({@code json}), or one whose payload is still sealed ({@code tink-aead}) and is opened with its person's data
 * key in the projection's batch step ({@link SealedPayloads}).
 */
public sealed interface ReceivedEvent {

    record Readable(EventEnvelope envelope) implements ReceivedEvent {}

    /** @param bytes the record as it came, for the dead-letter topic should it not open */
    record Sealed(SealedEnvelope envelope, byte[] bytes) implements ReceivedEvent {}
}
