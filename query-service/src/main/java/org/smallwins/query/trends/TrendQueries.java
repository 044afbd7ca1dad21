package org.smallwins.query.trends;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.week.Weeks;
import org.smallwins.query.readstore.ReadStore;
import org.threeten.extra.YearWeek;

/** Reads weekly trends. Weeks are ISO weeks of the entries' local days, computed in Java. */
public class TrendQueries {

    public static final int MAX_WEEKS = 104;

    private final ReadStore store;
    private final Clock clock;

    public TrendQueries(ReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The week with its wins, for the weekly review. */
    public WeekTrend week(String userId, YearWeek week) {
        Document doc = store.weeks().find(eq("_id", userId + "|" + week)).first();
        return toTrend(week, doc, true);
    }

    /** The {@code count} weeks ending with {@code last} (default: this week in the person's zone), oldest first. */
    public List<WeekTrend> series(String userId, YearWeek last, int count) {
        List<YearWeek> weeks = Weeks.ending(last != null ? last : currentWeek(userId), count);
        Map<String, Document> found = new HashMap<>();
        store.weeks()
                .find(and(
                        eq("userId", userId),
                        gte("weekStart", weeks.get(0).atDay(MONDAY).toString()),
                        lte(
                                "weekStart",
                                weeks.get(weeks.size() - 1).atDay(MONDAY).toString())))
                .forEach(doc -> found.put(doc.getString("week"), doc));
        List<WeekTrend> series = new ArrayList<>(count);
        for (YearWeek week : weeks) {
            series.add(toTrend(week, found.get(week.toString()), false));
        }
        return series;
    }

    /** This week in the zone of the person's latest entry (UTC before their first). */
    public YearWeek currentWeek(String userId) {
        Document journal = store.journals().find(eq("_id", userId)).first();
        ZoneId zone = journal != null && journal.getString("zone") != null
                ? ZoneId.of(journal.getString("zone"))
                : ZoneOffset.UTC;
        return Weeks.current(clock, zone);
    }

    static WeekTrend toTrend(YearWeek week, Document doc, boolean withWins) {
        Document d = doc != null ? doc : new Document();
        int checkIns = intValue(d, "checkIns");
        WeekTrend.Mood mood = null;
        Double energy = null;
        if (checkIns > 0) {
            mood = new WeekTrend.Mood(
                    round(intValue(d, "moodSum") / (double) checkIns), intValue(d, "moodMin"), intValue(d, "moodMax"));
            energy = round(intValue(d, "energySum") / (double) checkIns);
        }
        Map<String, Integer> areas = new LinkedHashMap<>();
        Document areaDoc = d.get("winsByFocusArea", new Document());
        for (FocusArea area : FocusArea.values()) {
            int n = intValue(areaDoc, area.name());
            if (n > 0) {
                areas.put(area.name(), n);
            }
        }
        Map<String, Integer> windows = new LinkedHashMap<>();
        Document windowDoc = d.get("windows", new Document());
        for (ToleranceWindow window : ToleranceWindow.values()) {
            windows.put(window.name(), intValue(windowDoc, window.name()));
        }
        int days = d.get("entriesByDay", new Document()).size();
        List<WeekTrend.Win> wins = null;
        if (withWins) {
            wins = d.getList("winList", Document.class, List.of()).stream()
                    .sorted(Comparator.comparing(w -> w.getString("sortKey")))
                    .map(w -> new WeekTrend.Win(
                            w.getString("winId"),
                            w.getString("day"),
                            w.getString("text"),
                            w.getString("focusArea"),
                            w.getList("tags", String.class)))
                    .toList();
        }
        return new WeekTrend(
                week.toString(),
                week.atDay(MONDAY).toString(),
                week.atDay(SUNDAY).toString(),
                intValue(d, "wins"),
                areas,
                checkIns,
                mood,
                energy,
                windows,
                days,
                wins,
                WeekTrend.CLOSING_LINE);
    }

    private static int intValue(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
