package org.smallwins.command.eventstore;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.command.keys.DataKey;
import org.smallwins.command.keys.DataKeys;
import org.smallwins.command.keys.KeyLookup;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.SealedEnvelope;

/**
 * The event store holds ciphertext: this decorator of Axon's storage engine seals every journal event's payload on
 * append (as a {@link SealedPayload}, with the person's data key, created with their first event in the same
 * transaction) and every snapshot (as a {@link SealedSnapshot}), and opens them when an aggregate is loaded. What
 * routing, ordering and auditing need stays readable: ids, sequence, times, type, metadata.
 *
 * <ul>
 *   <li>Loading an aggregate ({@link #readEvents(String, long)}, {@link #readSnapshot}) opens sealed payloads. Events
 *       whose key was destroyed (erasure) are skipped, a snapshot whose key was destroyed is ignored. Events and
 *       snapshots stored before sealing existed (older data directories) are read as they are.
 *   <li>The event stream ({@link #readEvents(TrackingToken, boolean)}, the relay's tracking processor) is passed on
 *       unopened: the relay forwards the stored ciphertext to the topic and never needs a key.
 * </ul>
 *
 * Payloads other than journal events (none today) are stored as they are, and so is a {@link JournalErased}: it holds
 * no content, and must stay readable after the erasure has destroyed the person's key (in the same transaction).
 */
public final class SealingEventStorageEngine implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(SealingEventStorageEngine.class);

    private final EventStorageEngine delegate;
    private final DataKeys keys;
    private final Serializer snapshotSerializer;
    private final JournalEventCodec codec = new JournalEventCodec();

    public SealingEventStorageEngine(EventStorageEngine delegate, DataKeys keys, Serializer snapshotSerializer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.snapshotSerializer = Objects.requireNonNull(snapshotSerializer, "snapshotSerializer");
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, DataKey> keyOf = new HashMap<>();
        List<EventMessage<?>> sealed = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain
                    && domain.getPayload() instanceof JournalEvent payload
                    && !(payload instanceof JournalErased)) {
                DataKey key = keyOf.computeIfAbsent(domain.getAggregateIdentifier(), keys::forWriting);
                sealed.add(withPayload(domain, seal(domain, payload, key)));
            } else {
                sealed.add(event);
            }
        }
        delegate.appendEvents(sealed);
    }

    private SealedPayload seal(DomainEventMessage<?> event, JournalEvent payload, DataKey key) {
        byte[] aad = SealedEnvelope.associatedData(
                event.getIdentifier(), event.getAggregateIdentifier(), payload.type(), payload.typeVersion());
        return new SealedPayload(
                payload.type(),
                payload.typeVersion(),
                key.keyId(),
                key.keyset().seal(codec.encodePayload(payload), aad));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        if (snapshot.getPayload() instanceof SealedSnapshot) {
            delegate.storeSnapshot(snapshot);
            return;
        }
        Optional<DataKey> key = keys.live(snapshot.getAggregateIdentifier());
        if (key.isEmpty()) {
            // Erased (or never written): nothing may be stored readable, so no snapshot.
            return;
        }
        SerializedObject<byte[]> state = snapshotSerializer.serialize(snapshot.getPayload(), byte[].class);
        SerializedType type = state.getType();
        byte[] aad = SealedSnapshot.associatedData(
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), type.getName(), type.getRevision());
        delegate.storeSnapshot(withPayload(
                snapshot,
                new SealedSnapshot(
                        type.getName(),
                        type.getRevision(),
                        key.get().keyId(),
                        key.get().keyset().seal(state.getData(), aad))));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier).flatMap(this::openSnapshot);
    }

    private Optional<DomainEventMessage<?>> openSnapshot(DomainEventMessage<?> stored) {
        if (!SealedSnapshot.class.equals(stored.getPayloadType())) {
            return Optional.of(stored);
        }
        SealedSnapshot sealed = (SealedSnapshot) stored.getPayload();
        SerializedType type = new SimpleSerializedType(sealed.payloadType(), sealed.payloadRevision());
        if (!Objects.equals(
                snapshotSerializer
                        .typeForClass(snapshotSerializer.classForType(type))
                        .getRevision(),
                sealed.payloadRevision())) {
            // An older shape of the aggregate: load it from its events instead.
            return Optional.empty();
        }
        KeyLookup found = keys.find(sealed.keyId());
        if (!(found instanceof KeyLookup.Live live)) {
            return Optional.empty();
        }
        byte[] state;
        try {
            state = live.key()
                    .keyset()
                    .open(
                            sealed.ciphertext(),
                            SealedSnapshot.associatedData(
                                    stored.getAggregateIdentifier(),
                                    stored.getSequenceNumber(),
                                    sealed.payloadType(),
                                    sealed.payloadRevision()));
        } catch (GeneralSecurityException e) {
            log.warn(
                    "The snapshot of aggregate {} at {} does not open with its key; loading from events",
                    stored.getAggregateIdentifier(),
                    stored.getSequenceNumber());
            return Optional.empty();
        }
        Object aggregate = snapshotSerializer.deserialize(new SimpleSerializedObject<>(state, byte[].class, type));
        return Optional.of(withPayload(stored, aggregate));
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stored = delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        Map<String, KeyLookup> lookups = new HashMap<>();
        Stream<? extends DomainEventMessage<?>> opened =
                stored.asStream().map(event -> open(event, lookups)).filter(Objects::nonNull);
        return DomainEventStream.of(opened, stored::getLastSequenceNumber);
    }

    /** The event with its payload opened; {@code null} (skipped) if its key was destroyed. */
    private DomainEventMessage<?> open(DomainEventMessage<?> stored, Map<String, KeyLookup> lookups) {
        if (!SealedPayload.class.equals(stored.getPayloadType())) {
            return stored;
        }
        SealedPayload sealed = (SealedPayload) stored.getPayload();
        KeyLookup found = lookups.computeIfAbsent(sealed.keyId(), keys::find);
        if (found instanceof KeyLookup.Destroyed) {
            return null;
        }
        if (!(found instanceof KeyLookup.Live live)) {
            throw new IllegalStateException(
                    "event " + stored.getIdentifier() + " names an unknown data key " + sealed.keyId());
        }
        byte[] plaintext;
        try {
            plaintext = live.key()
                    .keyset()
                    .open(
                            sealed.ciphertext(),
                            SealedEnvelope.associatedData(
                                    stored.getIdentifier(),
                                    stored.getAggregateIdentifier(),
                                    sealed.type(),
                                    sealed.typeVersion()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("event " + stored.getIdentifier() + " does not open with its key", e);
        }
        return withPayload(stored, codec.decodePayload(sealed.type(), sealed.typeVersion(), plaintext));
    }

    private static <T> DomainEventMessage<T> withPayload(DomainEventMessage<?> message, T payload) {
        Instant timestamp = message.getTimestamp();
        return new GenericDomainEventMessage<>(
                message.getType(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                payload,
                message.getMetaData(),
                message.getIdentifier(),
                timestamp);
    }

    /** Unopened: the relay forwards the stored ciphertext. */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
