package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;

/**
 * One read model: which of its documents an event changes, and how, one {@code on} per event type (a new event type
 * added to {@link JournalEvent.Handler} stops this class compiling until every read model says what it does with it).
 * The {@code on} methods are plain functions of the document as it stands (null before its first event) and return it
 * changed; they never touch the read store. Reading, the sequence guard and writing are {@link JournalProjection}'s.
 */
abstract class ReadModel {

    /**
     * The sequence of the last event of the person that this document has seen, on every read-model document: an event
     * is applied to a document only if its sequence is greater.
     */
    static final String POSITION = "lastSequence";

    abstract MongoCollection<Document> collection(ReadStore store);

    /** The {@code _id} of the one document the event changes. */
    abstract String documentId(EventEnvelope envelope);

    abstract Document on(WinLogged win, EventEnvelope envelope, Document document);

    abstract Document on(CheckInRecorded checkIn, EventEnvelope envelope, Document document);

    /**
     * Every document of this person in this read model: what a {@link JournalErased} deletes (see
     * {@link JournalProjection}), whatever documents the person's events made.
     */
    abstract Bson ofPerson(String userId);

    final Document apply(EventEnvelope envelope, Document document) {
        return envelope.payload().handleWith(new JournalEvent.Handler<>() {
            @Override
            public Document winLogged(WinLogged win) {
                return on(win, envelope, document);
            }

            @Override
            public Document checkInRecorded(CheckInRecorded checkIn) {
                return on(checkIn, envelope, document);
            }

            @Override
            public Document journalErased(JournalErased erased) {
                // An erasure changes every document of the person, not one: JournalProjection deletes ofPerson(...).
                throw new IllegalStateException(
                        "an erasure is applied by JournalProjection to all of a person's documents");
            }

            @Override
            public Document winCorrected(WinCorrected event) {
                throw new UnsupportedOperationException("issue 13: projected on branch h13-read");
            }

            @Override
            public Document checkInCorrected(CheckInCorrected event) {
                throw new UnsupportedOperationException("issue 13: projected on branch h13-read");
            }

            @Override
            public Document entryRetracted(EntryRetracted event) {
                throw new UnsupportedOperationException("issue 13: projected on branch h13-read");
            }
        });
    }

    /** {@code $inc} in memory, on a field of {@code document} or of a sub-document (created when missing). */
    static void increment(Document document, String field, int by) {
        Object value = document.get(field);
        document.put(field, (value instanceof Number n ? n.intValue() : 0) + by);
    }

    static Document subDocument(Document document, String field) {
        Document sub = document.get(field, Document.class);
        if (sub == null) {
            sub = new Document();
            document.put(field, sub);
        }
        return sub;
    }
}
