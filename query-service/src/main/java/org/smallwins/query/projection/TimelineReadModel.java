package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;

/**
 * The timeline: one document per journal entry, keyed {@code userId|entryId}, holding the entry's current state at the
 * top (what the timeline shows) and every version it had in {@value #VERSIONS} (its history, and what the weekly trends
 * subtract when a correction moves or changes it, see {@link EntryTransition}). A retracted entry keeps its document,
 * marked {@value #RETRACTED}, so its history can still be told; the timeline's queries leave it out.
 */
class TimelineReadModel extends ReadModel {

    static final String VERSIONS = "versions";
    static final String RETRACTED = "retracted";

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.timeline();
    }

    /** The {@code _id} of a person's entry: exact, so one entry is read or written through the primary index. */
    static String id(String userId, String entryId) {
        return userId + "|" + entryId;
    }

    /** {@inheritDoc}: the entry's document; none for a journal-level event (it is about no entry). */
    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        return envelope.payload().aboutAnEntry()
                ? List.of(id(envelope.userId(), envelope.payload().entryId()))
                : List.of();
    }

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        return envelope.payload().handleWith(new JournalEvent.Handler<>() {
            @Override
            public Document winLogged(WinLogged win) {
                return logged(
                        id,
                        envelope,
                        "WIN",
                        winValues(win.text(), win.focusArea().name(), win.tags()));
            }

            @Override
            public Document checkInRecorded(CheckInRecorded checkIn) {
                return logged(
                        id,
                        envelope,
                        "CHECK_IN",
                        checkInValues(
                                checkIn.mood(),
                                checkIn.energy(),
                                checkIn.window().name(),
                                checkIn.note()));
            }

            @Override
            public Document winCorrected(WinCorrected win) {
                return corrected(
                        id,
                        envelope,
                        win.version(),
                        "WIN",
                        envelope.occurred(),
                        winValues(win.text(), win.focusArea().name(), win.tags()),
                        document);
            }

            @Override
            public Document checkInCorrected(CheckInCorrected checkIn) {
                return corrected(
                        id,
                        envelope,
                        checkIn.version(),
                        "CHECK_IN",
                        envelope.occurred(),
                        checkInValues(
                                checkIn.mood(),
                                checkIn.energy(),
                                checkIn.window().name(),
                                checkIn.note()),
                        document);
            }

            @Override
            public Document entryRetracted(EntryRetracted retraction) {
                return retracted(
                        id,
                        envelope,
                        retraction.version(),
                        retraction.kind().name(),
                        retraction.reason() == null ? null : retraction.reason().name(),
                        document);
            }

            @Override
            public Document journalErased(JournalErased erased) {
                throw erasureIsNotOneDocument();
            }

            @Override
            public Document focusAreaChosen(FocusAreaChosen chosen) {
                throw notAnEntry();
            }

            @Override
            public Document weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                throw notAnEntry();
            }

            @Override
            public Document analyticsConsentGiven(AnalyticsConsentGiven given) {
                throw notAnEntry();
            }

            @Override
            public Document analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                throw notAnEntry();
            }
        });
    }

    private static IllegalStateException notAnEntry() {
        // documentIds names no timeline document for a journal-level event, so it is never applied here
        return new IllegalStateException("a journal-level event has no timeline document");
    }

    static Document winValues(String text, String focusArea, List<String> tags) {
        return new Document("text", text).append("focusArea", focusArea).append("tags", tags);
    }

    static Document checkInValues(int mood, int energy, String window, String note) {
        Document values = new Document("mood", mood).append("energy", energy).append("window", window);
        if (note != null) {
            values.append("note", note);
        }
        return values;
    }

    /** A new entry, version 1. */
    private static Document logged(String id, EventEnvelope envelope, String kind, Document values) {
        Document entry = new Document("_id", id)
                .append("userId", envelope.userId())
                .append("entryId", envelope.payload().entryId())
                .append("kind", kind)
                .append("sequence", envelope.sequence())
                .append("recordedAt", Date.from(envelope.recordedAt()));
        Document state = state(kind, envelope.occurred(), sortKey(envelope.occurred(), envelope.sequence()), values);
        return versioned(entry, envelope, 1, state, null);
    }

    /**
     * The entry after a correction to {@code values} at {@code occurred}: the same place in the sort order for the same
     * moment (the sort key keeps the sequence it was logged with), a new place for a moved day. {@code entry} is null
     * only in a read store emptied under a batch (which {@link JournalProjection#forget} then removes).
     */
    static Document corrected(
            String id,
            EventEnvelope envelope,
            int version,
            String kind,
            Occurred occurred,
            Document values,
            Document entry) {
        Document document = entry != null ? entry : started(id, envelope, kind);
        long loggedAs = document.get("sequence", Number.class).longValue();
        Document state = state(kind, occurred, sortKey(occurred, loggedAs), values);
        document.put("corrected", new Document("at", Date.from(envelope.recordedAt())).append("version", version));
        return versioned(document, envelope, version, state, null);
    }

    /** The entry after its retraction: marked, without a current state, its versions kept. */
    static Document retracted(
            String id, EventEnvelope envelope, int version, String kind, String reason, Document entry) {
        Document document = entry != null ? entry : started(id, envelope, kind);
        document.put(RETRACTED, true);
        return versioned(document, envelope, version, null, reason);
    }

    private static Document started(String id, EventEnvelope envelope, String kind) {
        return new Document("_id", id)
                .append("userId", envelope.userId())
                .append("entryId", envelope.payload().entryId())
                .append("kind", kind)
                .append("sequence", envelope.sequence())
                .append("recordedAt", Date.from(envelope.recordedAt()));
    }

    private static Document state(String kind, Occurred occurred, String sortKey, Document values) {
        return new Document("kind", kind)
                .append("day", occurred.localDate().toString())
                .append("occurredAt", Date.from(occurred.instant()))
                .append("zone", occurred.zone())
                .append("sortKey", sortKey)
                .append("WIN".equals(kind) ? "win" : "checkIn", values);
    }

    /** Appends the version and puts its state (if any) at the top, as the entry's current state. */
    private static Document versioned(
            Document entry, EventEnvelope envelope, int version, Document state, String reason) {
        List<Document> versions = new ArrayList<>(entry.getList(VERSIONS, Document.class, List.of()));
        Document previous =
                versions.isEmpty() ? null : versions.get(versions.size() - 1).get("state", Document.class);
        Document recorded = new Document("version", version)
                .append("sequence", envelope.sequence())
                .append("eventId", envelope.eventId())
                .append("type", envelope.type())
                .append("typeVersion", envelope.typeVersion())
                .append("recordedAt", Date.from(envelope.recordedAt()))
                .append("correlationId", envelope.correlationId())
                .append("changed", new EntryTransition(previous, state).changedFields());
        if (state != null) {
            recorded.append("state", state);
            for (String field : List.of("day", "occurredAt", "zone", "sortKey")) {
                entry.put(field, state.get(field));
            }
            String valuesField = "WIN".equals(state.getString("kind")) ? "win" : "checkIn";
            entry.put(valuesField, state.get(valuesField));
        }
        if (reason != null) {
            recorded.append("reason", reason);
        }
        versions.add(recorded);
        entry.put(VERSIONS, versions);
        entry.put("version", version);
        return entry;
    }

    static String sortKey(Occurred occurred, long sequence) {
        return occurred.localDate() + "|"
                + JournalProjection.SORTABLE_INSTANT.format(occurred.instant()) + "|"
                + String.format("%012d", sequence);
    }

    /** {@inheritDoc}: every entry of the person (a full scan of the {@code userId} prefix of the timeline's index). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("userId", userId);
    }
}
