package org.smallwins.command.eventstore;

import java.util.Arrays;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * What the event store holds as the payload of a journal event: its type, version and data key id in the clear, and
 * the payload sealed with that key ({@code DataKeyset}, AEAD associated data = {@code SealedEnvelope.associatedData} of
 * the event's id, user, type and version). The relay puts these bytes on the topic as they are.
 *
 * @param ciphertext Tink AEAD ciphertext of the contract's JSON payload object ({@code JournalEventCodec.encodePayload})
 */
@Revision("1")
public record SealedPayload(String type, int typeVersion, String keyId, byte[] ciphertext) {

    public SealedPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedPayload that
                && typeVersion == that.typeVersion
                && type.equals(that.type)
                && keyId.equals(that.keyId)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, typeVersion, keyId) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedPayload[type=" + type + "/" + typeVersion + ", keyId=" + keyId + "]";
    }
}
