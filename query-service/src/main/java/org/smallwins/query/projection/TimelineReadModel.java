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

/** The timeline: one entry per event, keyed by event id. */
class TimelineReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.timeline();
    }

    @Override
    String documentId(EventEnvelope envelope) {
        return envelope.eventId();
    }

    @Override
    Document on(WinLogged win, EventEnvelope envelope, Document document) {
        return entry(envelope)
                .append("kind", "WIN")
                .append(
                        "win",
                        new Document("text", win.text())
                                .append("focusArea", win.focusArea().name())
                                .append("tags", win.tags()));
    }

    @Override
    Document on(CheckInRecorded checkIn, EventEnvelope envelope, Document document) {
        Document values = new Document("mood", checkIn.mood())
                .append("energy", checkIn.energy())
                .append("window", checkIn.window().name());
        if (checkIn.note() != null) {
            values.append("note", checkIn.note());
        }
        return entry(envelope).append("kind", "CHECK_IN").append("checkIn", values);
    }

    private static Document entry(EventEnvelope envelope) {
        return new Document("_id", envelope.eventId())
                .append("userId", envelope.userId())
                .append("entryId", envelope.payload().entryId())
                .append("sortKey", JournalProjection.sortKey(envelope))
                .append("day", envelope.occurred().localDate().toString())
                .append("occurredAt", Date.from(envelope.occurred().instant()))
                .append("zone", envelope.occurred().zone())
                .append("sequence", envelope.sequence())
                .append("recordedAt", Date.from(envelope.recordedAt()));
    }

    /** {@inheritDoc}: every entry of the person (a full scan of the {@code userId} prefix of the timeline's index). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("userId", userId);
    }
}
