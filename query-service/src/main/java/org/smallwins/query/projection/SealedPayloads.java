package org.smallwins.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.SealedEnvelope;
import org.smallwins.query.keys.DataKey;
import org.smallwins.query.keys.DataKeyAccess;
import org.smallwins.query.keys.KeyServiceUnavailable;

/**
 * Opens the sealed payloads of a batch, in the projection's batch step (the deserializer does no IO): the batch's
 * distinct key ids are looked up once ({@link DataKeyAccess}, which keeps keys a short while), then every record is
 * sorted into one of three: an event to project (readable, or opened with its person's key); an erased one (its key was
 * destroyed: skipped, never dead-lettered, its position still advances, so a rebuild after an erasure brings nothing
 * back); or poison for the dead-letter topic (a key nobody knows, a key of another person, a ciphertext that does not
 * open with its key, a payload that does not read). If the key service cannot answer, {@link KeyServiceUnavailable}
 * leaves the batch untouched, to be retried.
 */
class SealedPayloads {

    /** An event of the batch, readable now, with the record it came in. */
    record Opened(ConsumerRecord<String, ReceivedEvent> record, EventEnvelope envelope) {}

    /** A record that will never open: its bytes as they came and why, free of content. */
    record Poison(ConsumerRecord<String, ReceivedEvent> record, byte[] bytes, String reason) {}

    record Batch(List<Opened> events, List<Poison> poison, int erased) {

        List<EventEnvelope> envelopes() {
            return events.stream().map(Opened::envelope).toList();
        }
    }

    private final DataKeyAccess keys;
    private final JournalEventCodec codec = new JournalEventCodec();

    SealedPayloads(DataKeyAccess keys) {
        this.keys = keys;
    }

    /**
     * @param records readable records (values not null), in the order they came
     * @throws KeyServiceUnavailable if the keys of the batch cannot be had now
     */
    Batch open(List<ConsumerRecord<String, ReceivedEvent>> records) {
        Set<String> keyIds = new LinkedHashSet<>();
        for (ConsumerRecord<String, ReceivedEvent> record : records) {
            if (record.value() instanceof ReceivedEvent.Sealed sealed) {
                keyIds.add(sealed.envelope().keyId());
            }
        }
        Map<String, DataKey> found = keyIds.isEmpty() ? Map.of() : keys.find(keyIds);
        List<Opened> events = new ArrayList<>(records.size());
        List<Poison> poison = new ArrayList<>();
        int erased = 0;
        for (ConsumerRecord<String, ReceivedEvent> record : records) {
            if (record.value() instanceof ReceivedEvent.Readable readable) {
                events.add(new Opened(record, readable.envelope()));
                continue;
            }
            ReceivedEvent.Sealed sealed = (ReceivedEvent.Sealed) record.value();
            SealedEnvelope envelope = sealed.envelope();
            DataKey key = found.get(envelope.keyId());
            if (key == null) {
                throw new KeyServiceUnavailable("the key service gave no answer for key " + envelope.keyId());
            }
            if (key instanceof DataKey.Destroyed) {
                erased++;
            } else if (key instanceof DataKey.Unknown) {
                poison.add(new Poison(record, sealed.bytes(), "unknown-key"));
            } else {
                DataKey.Available available = (DataKey.Available) key;
                if (!available.userId().equals(envelope.userId())) {
                    poison.add(new Poison(record, sealed.bytes(), "key-of-another-person"));
                    continue;
                }
                DecodeResult result = codec.open(envelope, available.keyset());
                if (result instanceof DecodeResult.Decoded decoded) {
                    events.add(new Opened(record, decoded.envelope()));
                } else {
                    poison.add(new Poison(record, sealed.bytes(), ((DecodeResult.Rejected) result).reason()));
                }
            }
        }
        return new Batch(events, poison, erased);
    }
}
