package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.readstore.ReadStore;
import org.threeten.extra.YearWeek;

/** A person's ISO week (of the entries' local days): counts, sums and the week's wins. */
class WeeklyTrendsReadModel extends ReadModel {

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.weeks();
    }

    @Override
    String documentId(EventEnvelope envelope) {
        return envelope.userId() + "|" + YearWeek.from(envelope.occurred().localDate());
    }

    @Override
    Document on(WinLogged win, EventEnvelope envelope, Document document) {
        Document week = entered(envelope, document);
        increment(week, "wins", 1);
        increment(subDocument(week, "winsByFocusArea"), win.focusArea().name(), 1);
        List<Document> wins = new ArrayList<>(week.getList("winList", Document.class, List.of()));
        wins.add(new Document("winId", win.winId())
                .append("day", envelope.occurred().localDate().toString())
                .append("sortKey", JournalProjection.sortKey(envelope))
                .append("text", win.text())
                .append("focusArea", win.focusArea().name())
                .append("tags", win.tags()));
        week.put("winList", wins);
        return week;
    }

    @Override
    Document on(CheckInRecorded checkIn, EventEnvelope envelope, Document document) {
        Document week = entered(envelope, document);
        increment(week, "checkIns", 1);
        increment(week, "moodSum", checkIn.mood());
        Integer min = week.getInteger("moodMin");
        week.put("moodMin", min == null ? checkIn.mood() : Math.min(min, checkIn.mood()));
        Integer max = week.getInteger("moodMax");
        week.put("moodMax", max == null ? checkIn.mood() : Math.max(max, checkIn.mood()));
        increment(week, "energySum", checkIn.energy());
        increment(subDocument(week, "windows"), checkIn.window().name(), 1);
        return week;
    }

    /** The week with the entry's day counted; a new week if this is its first entry. */
    private Document entered(EventEnvelope envelope, Document document) {
        Document week = document;
        if (week == null) {
            YearWeek yearWeek = YearWeek.from(envelope.occurred().localDate());
            week = new Document("_id", documentId(envelope))
                    .append("userId", envelope.userId())
                    .append("week", yearWeek.toString())
                    .append("weekStart", yearWeek.atDay(DayOfWeek.MONDAY).toString());
        }
        increment(
                subDocument(week, "entriesByDay"),
                envelope.occurred().localDate().toString(),
                1);
        return week;
    }

    /** {@inheritDoc}: every week of the person (weeks are keyed {@code userId|week} and carry {@code userId}; erasures are rare, so no index is kept for this). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("userId", userId);
    }
}
