package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.query.readstore.ReadStore;

/**
 * Each person's journal summary: the zone of their latest event (their "this week") and when it was recorded. Its
 * {@value ReadModel#POSITION} is the person's latest projected sequence (what read-your-writes and the history's first
 * page start from).
 */
class JournalSummaryReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.journals();
    }

    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        return List.of(envelope.userId());
    }

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        Document journal = document != null ? document : new Document("_id", envelope.userId());
        journal.put("zone", envelope.occurred().zone());
        journal.put("lastRecordedAt", Date.from(envelope.recordedAt()));
        return journal;
    }

    /** {@inheritDoc}: the person's summary (the projection writes it again with only the erasure's sequence, the person's position). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("_id", userId);
    }
}
