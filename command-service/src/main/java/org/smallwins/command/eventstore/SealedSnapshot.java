package org.smallwins.command.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;

/**
 * What the event store holds as a snapshot's payload: the aggregate's serialized type and revision in the clear, and
 * its serialized state sealed with the person's data key. A journal's snapshot holds only hashes of its entries, but
 * hashes of short texts can be guessed, so they are sealed like the events.
 *
 * @param ciphertext Tink AEAD ciphertext of the aggregate serialized by the snapshot serializer; associated data
 *                   {@link #associatedData}
 */
@Revision("1")
public record SealedSnapshot(String payloadType, String payloadRevision, String keyId, byte[] ciphertext) {

    public SealedSnapshot {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /**
     * A snapshot filter that admits sealed snapshots (their revision is checked once opened, against the aggregate's
     * current one) and asks {@code unsealed} about any other (for example Axon's {@code RevisionSnapshotFilter}).
     */
    public static SnapshotFilter sealedOr(SnapshotFilter unsealed) {
        return snapshot -> isSealed(snapshot) || unsealed.allow(snapshot);
    }

    static boolean isSealed(DomainEventData<?> snapshot) {
        return SealedSnapshot.class
                .getName()
                .equals(snapshot.getPayload().getType().getName());
    }

    /**
     * UTF-8 of {@code "snapshot" \n aggregateIdentifier \n sequenceNumber \n payloadType \n payloadRevision}: a sealed
     * snapshot opens only as the snapshot of this aggregate at this position.
     */
    static byte[] associatedData(
            String aggregateIdentifier, long sequenceNumber, String payloadType, String payloadRevision) {
        return ("snapshot\n" + aggregateIdentifier + "\n" + sequenceNumber + "\n" + payloadType + "\n"
                        + payloadRevision)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSnapshot that
                && payloadType.equals(that.payloadType)
                && Objects.equals(payloadRevision, that.payloadRevision)
                && keyId.equals(that.keyId)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, payloadRevision, keyId) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSnapshot[payloadType=" + payloadType + ", revision=" + payloadRevision + ", keyId=" + keyId + "]";
    }
}
