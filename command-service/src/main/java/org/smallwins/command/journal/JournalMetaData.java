package org.smallwins.command.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.smallwins.command.eventstore.StoredEnvelopes;
import org.smallwins.contract.Occurred;

/**
 * The envelope fields the journal stores beside each event's payload in the event store. The payload stays the
 * contract's record, so the envelope and the payload can be protected separately.
 */
public final class JournalMetaData {

    public static final String USER_ID = StoredEnvelopes.USER_ID;
    public static final String CORRELATION_ID = StoredEnvelopes.CORRELATION_ID;
    public static final String OCCURRED_AT = StoredEnvelopes.OCCURRED_AT;
    public static final String OCCURRED_DATE = StoredEnvelopes.OCCURRED_DATE;
    public static final String OCCURRED_ZONE = StoredEnvelopes.OCCURRED_ZONE;
    /** The event's hash-chain link, added by the event store at append (see {@code SealingEventStorageEngine}). */
    public static final String HASH = StoredEnvelopes.HASH;

    private JournalMetaData() {}

    static MetaData of(String userId, Occurred occurred, String correlationId) {
        Map<String, String> values = new HashMap<>();
        values.put(USER_ID, userId);
        values.put(OCCURRED_AT, occurred.instant().toString());
        values.put(OCCURRED_DATE, occurred.localDate().toString());
        values.put(OCCURRED_ZONE, occurred.zone());
        if (correlationId != null) {
            values.put(CORRELATION_ID, correlationId);
        }
        return MetaData.from(values);
    }

    /**
     * The journal's sequence (the envelope's gap-free per-person number, from 1) of the event Axon stored with this
     * aggregate sequence number (from 0).
     */
    public static long sequenceOf(long aggregateSequence) {
        return aggregateSequence + 1;
    }

    /** When the event stored with this metadata happened. */
    public static Occurred occurred(MetaData metaData) {
        return new Occurred(
                Instant.parse((String) metaData.get(OCCURRED_AT)),
                LocalDate.parse((String) metaData.get(OCCURRED_DATE)),
                (String) metaData.get(OCCURRED_ZONE));
    }
}
