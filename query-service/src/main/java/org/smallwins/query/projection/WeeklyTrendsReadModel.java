package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.query.readstore.ReadStore;
import org.threeten.extra.YearWeek;

/**
 * A person's ISO week (of the entries' local days): counts, sums and the week's wins. A week keeps what it counted per
 * entry ({@value #COUNTED}, keyed by entry id), and its totals are always recomputed from that list, so an entry that a
 * correction changes or moves to another week, or that is retracted, is subtracted exactly (a minimum or a maximum
 * cannot be subtracted from a total). An event touches the week its entry was in before it and the week it is in after
 * it ({@link EntryTransition}); each week applies it once, under its own {@value ReadModel#POSITION}.
 *
 * <p>A {@link WeeklyReflectionWritten} replaces the week's {@value #REFLECTION} as written (answer, the chosen win ids in
 * the order chosen, the affirmation): which of those wins are still in the week, and their text, is read from the
 * week's {@code winList} when the week is read, so a chosen win corrected, moved to another week or retracted later is
 * shown exactly as it stands (or left out) without touching the reflection. The focus area current at the end of the
 * week is not kept here but in {@link FocusHistoryReadModel}.
 */
class WeeklyTrendsReadModel extends ReadModel {

    static final String COUNTED = "counted";
    static final String REFLECTION = "reflection";

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.weeks();
    }

    static String id(String userId, String day) {
        return userId + "|" + YearWeek.from(LocalDate.parse(day));
    }

    static String id(String userId, YearWeek week) {
        return userId + "|" + week;
    }

    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        if (envelope.payload() instanceof WeeklyReflectionWritten reflection) {
            return List.of(id(envelope.userId(), YearWeek.parse(reflection.isoWeek())));
        }
        if (!envelope.payload().aboutAnEntry()) {
            return List.of(); // a focus area chosen (see FocusHistoryReadModel); an erasure (JournalProjection)
        }
        List<String> ids = new ArrayList<>(2);
        if (transition.before() != null) {
            ids.add(id(envelope.userId(), transition.before().getString("day")));
        }
        if (transition.after() != null) {
            String after = id(envelope.userId(), transition.after().getString("day"));
            if (!ids.contains(after)) {
                ids.add(after);
            }
        }
        return ids;
    }

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        if (envelope.payload() instanceof WeeklyReflectionWritten reflection) {
            Document week = document != null
                    ? document
                    : totals(started(id, envelope.userId(), YearWeek.parse(reflection.isoWeek())), List.of());
            Document written = new Document("winIds", List.copyOf(reflection.winIds()))
                    .append("proudOfShowingUp", reflection.proudOfShowingUp())
                    .append("sequence", envelope.sequence())
                    .append("recordedAt", Date.from(envelope.recordedAt()));
            if (reflection.answer() != null) {
                written.append("answer", reflection.answer());
            }
            week.put(REFLECTION, written);
            return week;
        }
        String entryId = envelope.payload().entryId();
        Document week = document;
        if (week == null) {
            Document state = transition.after() != null
                            && id.equals(
                                    id(envelope.userId(), transition.after().getString("day")))
                    ? transition.after()
                    : transition.before();
            week = started(id, envelope.userId(), YearWeek.from(LocalDate.parse(state.getString("day"))));
        }
        List<Document> counted = new ArrayList<>(week.getList(COUNTED, Document.class, List.of()));
        counted.removeIf(entry -> entryId.equals(entry.getString("entryId")));
        List<Document> wins = new ArrayList<>(week.getList("winList", Document.class, List.of()));
        wins.removeIf(win -> entryId.equals(win.getString("winId")));
        Document after = transition.after();
        if (after != null && id.equals(id(envelope.userId(), after.getString("day")))) {
            Document contribution = new Document("entryId", entryId)
                    .append("kind", after.getString("kind"))
                    .append("day", after.getString("day"));
            if ("WIN".equals(after.getString("kind"))) {
                Document win = after.get("win", Document.class);
                contribution.append("focusArea", win.getString("focusArea"));
                wins.add(new Document("winId", entryId)
                        .append("day", after.getString("day"))
                        .append("sortKey", after.getString("sortKey"))
                        .append("text", win.getString("text"))
                        .append("focusArea", win.getString("focusArea"))
                        .append("tags", win.getList("tags", String.class)));
            } else {
                Document checkIn = after.get("checkIn", Document.class);
                contribution
                        .append("mood", checkIn.getInteger("mood"))
                        .append("energy", checkIn.getInteger("energy"))
                        .append("window", checkIn.getString("window"));
            }
            counted.add(contribution);
        }
        week.put(COUNTED, counted);
        week.put("winList", wins);
        return totals(week, counted);
    }

    private static Document started(String id, String userId, YearWeek yearWeek) {
        return new Document("_id", id)
                .append("userId", userId)
                .append("week", yearWeek.toString())
                .append("weekStart", yearWeek.atDay(DayOfWeek.MONDAY).toString());
    }

    /** The week's totals, from what it counts now. */
    private static Document totals(Document week, List<Document> counted) {
        int winCount = 0;
        int checkIns = 0;
        int moodSum = 0;
        int energySum = 0;
        Integer moodMin = null;
        Integer moodMax = null;
        Document areas = new Document();
        Document windows = new Document();
        Document days = new Document();
        for (Document entry : counted) {
            increment(days, entry.getString("day"), 1);
            if ("WIN".equals(entry.getString("kind"))) {
                winCount++;
                increment(areas, entry.getString("focusArea"), 1);
            } else {
                checkIns++;
                int mood = entry.getInteger("mood");
                moodSum += mood;
                energySum += entry.getInteger("energy");
                moodMin = moodMin == null ? mood : Math.min(moodMin, mood);
                moodMax = moodMax == null ? mood : Math.max(moodMax, mood);
                increment(windows, entry.getString("window"), 1);
            }
        }
        week.put("wins", winCount);
        week.put("winsByFocusArea", areas);
        week.put("checkIns", checkIns);
        week.put("moodSum", moodSum);
        week.put("energySum", energySum);
        putOrRemove(week, "moodMin", moodMin);
        putOrRemove(week, "moodMax", moodMax);
        week.put("windows", windows);
        week.put("checkInsWithinWindow", intValue(windows, "WITHIN"));
        week.put("entriesByDay", days);
        week.put("daysShownUp", days.size());
        return week;
    }

    private static int intValue(Document document, String field) {
        return document.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static void putOrRemove(Document document, String field, Object value) {
        if (Objects.isNull(value)) {
            document.remove(field);
        } else {
            document.put(field, value);
        }
    }

    /** {@inheritDoc}: every week of the person (weeks are keyed {@code userId|week} and carry {@code userId}; erasures are rare, so no index is kept for this). */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("userId", userId);
    }
}
