package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;
import org.threeten.extra.YearWeek;

/**
 * Projects journal events into the timeline, the weekly trends and each journal's summary. Idempotent per document
 * (the stand-in and a plain MongoDB deployment offer no multi-document transactions): the timeline entry is keyed by
 * event id and rewritten identically; a week applies an event only if its id is not yet in the week's {@code applied}
 * list; a journal summary only moves forward in sequence. Applying an event twice therefore changes nothing.
 */
public class JournalProjection {

    /** Fixed-width UTC instant, so sort keys compare correctly as strings. */
    static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ReadStore store;

    public JournalProjection(ReadStore store) {
        this.store = store;
    }

    public void apply(EventEnvelope envelope) {
        writeTimelineEntry(envelope);
        envelope.payload().handleWith(new JournalEvent.Handler<Void>() {
            @Override
            public Void winLogged(WinLogged win) {
                applyToWeek(
                        envelope,
                        List.of(
                                Updates.inc("wins", 1),
                                Updates.inc("winsByFocusArea." + win.focusArea().name(), 1),
                                Updates.push(
                                        "winList",
                                        new Document("winId", win.winId())
                                                .append(
                                                        "day",
                                                        envelope.occurred()
                                                                .localDate()
                                                                .toString())
                                                .append("sortKey", sortKey(envelope))
                                                .append("text", win.text())
                                                .append(
                                                        "focusArea",
                                                        win.focusArea().name())
                                                .append("tags", win.tags()))));
                return null;
            }

            @Override
            public Void checkInRecorded(CheckInRecorded checkIn) {
                applyToWeek(
                        envelope,
                        List.of(
                                Updates.inc("checkIns", 1),
                                Updates.inc("moodSum", checkIn.mood()),
                                Updates.min("moodMin", checkIn.mood()),
                                Updates.max("moodMax", checkIn.mood()),
                                Updates.inc("energySum", checkIn.energy()),
                                Updates.inc("windows." + checkIn.window().name(), 1)));
                return null;
            }
        });
        advanceJournal(envelope);
    }

    static String sortKey(EventEnvelope envelope) {
        return envelope.occurred().localDate() + "|"
                + SORTABLE_INSTANT.format(envelope.occurred().instant()) + "|"
                + String.format("%012d", envelope.sequence());
    }

    private void writeTimelineEntry(EventEnvelope envelope) {
        Document entry = new Document("_id", envelope.eventId())
                .append("userId", envelope.userId())
                .append("entryId", envelope.payload().entryId())
                .append("sortKey", sortKey(envelope))
                .append("day", envelope.occurred().localDate().toString())
                .append("occurredAt", Date.from(envelope.occurred().instant()))
                .append("zone", envelope.occurred().zone())
                .append("sequence", envelope.sequence())
                .append("recordedAt", Date.from(envelope.recordedAt()));
        envelope.payload().handleWith(new JournalEvent.Handler<Void>() {
            @Override
            public Void winLogged(WinLogged win) {
                entry.append("kind", "WIN")
                        .append(
                                "win",
                                new Document("text", win.text())
                                        .append("focusArea", win.focusArea().name())
                                        .append("tags", win.tags()));
                return null;
            }

            @Override
            public Void checkInRecorded(CheckInRecorded checkIn) {
                Document values = new Document("mood", checkIn.mood())
                        .append("energy", checkIn.energy())
                        .append("window", checkIn.window().name());
                if (checkIn.note() != null) {
                    values.append("note", checkIn.note());
                }
                entry.append("kind", "CHECK_IN").append("checkIn", values);
                return null;
            }
        });
        store.timeline().replaceOne(eq("_id", envelope.eventId()), entry, new ReplaceOptions().upsert(true));
    }

    private void applyToWeek(EventEnvelope envelope, List<Bson> changes) {
        YearWeek week = YearWeek.from(envelope.occurred().localDate());
        String id = envelope.userId() + "|" + week;
        List<Bson> updates = new ArrayList<>(changes);
        updates.add(Updates.set("userId", envelope.userId()));
        updates.add(Updates.set("week", week.toString()));
        updates.add(Updates.set("weekStart", week.atDay(DayOfWeek.MONDAY).toString()));
        updates.add(Updates.inc("entriesByDay." + envelope.occurred().localDate(), 1));
        updates.add(Updates.push("applied", envelope.eventId()));
        // A plain equality document (not Filters.and, which renders $and) so the upsert inserts with this _id.
        upsertUnlessApplied(
                store.weeks(),
                new Document("_id", id).append("applied", new Document("$ne", envelope.eventId())),
                Updates.combine(updates));
    }

    private void advanceJournal(EventEnvelope envelope) {
        upsertUnlessApplied(
                store.journals(),
                new Document("_id", envelope.userId()).append("lastSequence", new Document("$lt", envelope.sequence())),
                Updates.combine(
                        Updates.set("lastSequence", envelope.sequence()),
                        Updates.set("zone", envelope.occurred().zone()),
                        Updates.set("lastRecordedAt", Date.from(envelope.recordedAt()))));
    }

    /**
     * Updates the document if the guard in {@code filter} still holds; if it exists but the guard fails, the upsert
     * collides on {@code _id} and the event has been applied already.
     */
    private static void upsertUnlessApplied(
            com.mongodb.client.MongoCollection<Document> collection, Bson filter, Bson update) {
        try {
            collection.updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
