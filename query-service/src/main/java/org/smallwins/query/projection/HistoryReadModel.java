package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;

/**
 * A person's journal as recorded: one document per event, keyed {@code userId|sequence} (zero-padded, so a page of the
 * history is read by exact {@code _id}s counting down from the person's latest sequence), with the event's type, type
 * version, times, correlation id and a short summary that names what changed and never holds a value a person wrote or
 * rated. The same document keeps what the event changed for the changes feed ({@link ChangeDocuments}: the entry as the
 * event left it, with its values), which the history's own reads never return. Purged with everything else of the person by {@link JournalErased}; the erasure itself is then its first
 * document.
 */
class HistoryReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.history();
    }

    static String id(String userId, long sequence) {
        return userId + "|" + String.format("%012d", sequence);
    }

    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        return List.of(id(envelope.userId(), envelope.sequence()));
    }

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        Document recorded = new Document("_id", id)
                .append("userId", envelope.userId())
                .append("sequence", envelope.sequence())
                .append("eventId", envelope.eventId())
                .append("type", envelope.type())
                .append("typeVersion", envelope.typeVersion())
                .append("occurredAt", Date.from(envelope.occurred().instant()))
                .append("recordedAt", Date.from(envelope.recordedAt()))
                .append("correlationId", envelope.correlationId())
                .append("summary", summary(envelope, transition))
                .append(ChangeDocuments.FIELD, ChangeDocuments.of(envelope, transition));
        if (envelope.payload().aboutAnEntry()) {
            recorded.append("entryId", envelope.payload().entryId());
        }
        return recorded;
    }

    /** What the event did, in words free of anything the person wrote or rated: field names and fixed vocabulary only. */
    static String summary(EventEnvelope envelope, EntryTransition transition) {
        return envelope.payload().handleWith(new JournalEvent.Handler<>() {
            @Override
            public String winLogged(WinLogged event) {
                return "Win logged";
            }

            @Override
            public String checkInRecorded(CheckInRecorded event) {
                return "Check-in recorded";
            }

            @Override
            public String winCorrected(WinCorrected event) {
                return corrected("Win", transition);
            }

            @Override
            public String checkInCorrected(CheckInCorrected event) {
                return corrected("Check-in", transition);
            }

            @Override
            public String entryRetracted(EntryRetracted event) {
                String what = event.kind() == org.smallwins.contract.EntryKind.WIN ? "Win" : "Check-in";
                return event.reason() == null
                        ? what + " retracted"
                        : what + " retracted: "
                                + event.reason()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ');
            }

            @Override
            public String journalErased(JournalErased event) {
                return "Journal erased: " + event.erasedEvents() + " events";
            }

            @Override
            public String focusAreaChosen(FocusAreaChosen event) {
                return "Focus area chosen";
            }

            @Override
            public String weeklyReflectionWritten(WeeklyReflectionWritten event) {
                return "Weekly reflection written for " + event.isoWeek();
            }

            @Override
            public String analyticsConsentGiven(AnalyticsConsentGiven event) {
                return "Consent to analytics given";
            }

            @Override
            public String analyticsConsentWithdrawn(AnalyticsConsentWithdrawn event) {
                return "Consent to analytics withdrawn";
            }
        });
    }

    static String corrected(String what, EntryTransition transition) {
        List<String> changed = transition.changedFields();
        return changed.isEmpty() ? what + " corrected" : what + " corrected: " + String.join(", ", changed);
    }

    /** {@inheritDoc}: every recorded event of the person. */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("userId", userId);
    }
}
