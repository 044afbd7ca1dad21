package org.smallwins.query.readstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * How far the read models have got for one person: the highest journal sequence the projection has applied for them.
 * The one place that knows where that is stored (the person's journal summary document, read by its exact {@code _id},
 * so MongoDB and the stand-in answer it from the primary index).
 *
 * <p>The projection writes the summary after the person's other documents for the same events, so a sequence seen here
 * means those events are visible in every read model.
 */
public final class JournalPositions {

    static final String SEQUENCE_FIELD = "lastSequence";

    private final ReadStore store;

    public JournalPositions(ReadStore store) {
        this.store = store;
    }

    /** The person's highest applied sequence; 0 before their first event. */
    public long sequenceOf(String userId) {
        Document journal = store.journals()
                .find(eq("_id", userId))
                .projection(Projections.include(SEQUENCE_FIELD))
                .first();
        Number sequence = journal != null ? journal.get(SEQUENCE_FIELD, Number.class) : null;
        return sequence != null ? sequence.longValue() : 0L;
    }
}
