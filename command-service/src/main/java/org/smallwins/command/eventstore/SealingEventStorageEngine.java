package org.smallwins.command.eventstore;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * Payloads other than journal events, and journal events free of personal data
 * ({@link JournalEvent#containsPersonalData()} false, such as an erasure record that must outlive the key), are stored
 * as they are. Skipped events still count for the aggregate's version (the stream's last sequence number is the
 * stored one), so the next event never reuses a sequence number.
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
        Map<String, String> headOf = new HashMap<>();
        List<EventMessage<?>> stored = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof JournalEvent payload) {
                // Axon's JDBC store keeps milliseconds: hash the timestamp as it will be read back.
                DomainEventMessage<?> asStored;
                if (payload.containsPersonalData()) {
                    DataKey key = keyOf.computeIfAbsent(domain.getAggregateIdentifier(), keys::forWriting);
                    asStored = withPayload(domain, seal(domain, payload, key), true);
                } else {
                    asStored = withPayload(domain, payload, true);
                }
                stored.add(chained(asStored, headOf));
            } else {
                stored.add(event);
            }
        }
        delegate.appendEvents(stored);
    }

    /**
     * The event with its hash-chain link in its metadata: the hash of the journal's previous event (from this batch,
     * or the last stored one: appends of one journal are serialised by Axon's aggregate lock and the unique
     * (aggregate, sequence) key, so the previous event is final) and its own hash over what is stored.
     */
    private DomainEventMessage<?> chained(DomainEventMessage<?> event, Map<String, String> headOf) {
        String journal = event.getAggregateIdentifier();
        String previousHash = headOf.containsKey(journal)
                ? headOf.get(journal)
                : storedHashBefore(journal, event.getSequenceNumber());
        String hash = StoredEnvelopes.computeHash(event, previousHash);
        headOf.put(journal, hash);
        Map<String, String> link = new HashMap<>();
        link.put(StoredEnvelopes.HASH, hash);
        if (previousHash != null) {
            link.put(StoredEnvelopes.PREVIOUS_HASH, previousHash);
        }
        return event.withMetaData(event.getMetaData()
                .withoutKeys(Set.of(StoredEnvelopes.HASH, StoredEnvelopes.PREVIOUS_HASH))
                .mergedWith(link));
    }

    /**
     * The chain hash of the stored event just before this sequence number (null at the start of a journal). An event
     * stored before the chain existed has none: the chain then is computed on the fly from the journal's first event
     * (genesis: empty previous hash at sequence 1), once, when the journal is next written.
     */
    private String storedHashBefore(String journal, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return null;
        }
        DomainEventStream previous = delegate.readEvents(journal, sequenceNumber - 1);
        if (previous.hasNext()) {
            Object carried = previous.peek().getMetaData().get(StoredEnvelopes.HASH);
            if (carried != null) {
                return carried.toString();
            }
        }
        String hash = null;
        DomainEventStream all = delegate.readEvents(journal, 0);
        while (all.hasNext()) {
            DomainEventMessage<?> event = all.next();
            if (event.getSequenceNumber() >= sequenceNumber) {
                break;
            }
            if (StoredEnvelopes.isJournalEvent(event)) {
                hash = StoredEnvelopes.hashOf(event, hash);
            }
        }
        return hash;
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
        return withPayload(message, payload, false);
    }

    private static <T> DomainEventMessage<T> withPayload(
            DomainEventMessage<?> message, T payload, boolean millisecondTimestamp) {
        Instant timestamp =
                millisecondTimestamp ? message.getTimestamp().truncatedTo(ChronoUnit.MILLIS) : message.getTimestamp();
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
