package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalErased;
import org.smallwins.query.readstore.ReadStore;

/**
 * One read model: which of its documents an event changes, and how. {@link #apply} is a plain function of the document
 * as it stands (null before its first event) and returns it changed; it never touches the read store. Reading, the
 * sequence guard and writing are {@link JournalProjection}'s. A read model that depends on the event's type handles it
 * through {@link org.smallwins.contract.JournalEvent.Handler}, so a new event type stops it compiling until it says what
 * it does with it.
 */
abstract class ReadModel {

    /**
     * The sequence of the last event of the person that this document has seen, on every read-model document: an event
     * is applied to a document only if its sequence is greater.
     */
    static final String POSITION = "lastSequence";

    abstract MongoCollection<Document> collection(ReadStore store);

    /**
     * The {@code _id}s of the documents the event changes (one, or two for a week when a correction moves an entry to
     * another week), given what the event did to its entry ({@link EntryTransition#NONE} for the timeline itself, which
     * is projected first and is where the transitions are read from).
     */
    abstract List<String> documentIds(EventEnvelope envelope, EntryTransition transition);

    /** The document {@code id} after the event (never an erasure: see {@link #ofPerson}). */
    abstract Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document);

    /**
     * Every document of this person in this read model: what a {@link JournalErased} deletes (see
     * {@link JournalProjection}), whatever documents the person's events made.
     */
    abstract Bson ofPerson(String userId);

    static IllegalStateException erasureIsNotOneDocument() {
        // An erasure changes every document of the person, not one: JournalProjection deletes ofPerson(...).
        return new IllegalStateException("an erasure is applied by JournalProjection to all of a person's documents");
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
