package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;

/** Each person's journal summary: the zone of their latest entry (their "this week") and when it was recorded. */
class JournalSummaryReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.journals();
    }

    @Override
    String documentId(EventEnvelope envelope) {
        return envelope.userId();
    }

    @Override
    Document on(WinLogged win, EventEnvelope envelope, Document document) {
        return latest(envelope, document);
    }

    @Override
    Document on(CheckInRecorded checkIn, EventEnvelope envelope, Document document) {
        return latest(envelope, document);
    }

    private static Document latest(EventEnvelope envelope, Document document) {
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
