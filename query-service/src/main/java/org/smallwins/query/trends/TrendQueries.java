package org.smallwins.query.trends;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
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
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The week with its wins, for the weekly review: its reflection, and the focus area and stage current at its end.
     * Two reads by exact {@code _id}: the week's document and the person's focus history.
     */
    public WeekTrend week(String userId, YearWeek week) {
        Document doc = store.weeks().find(eq("_id", userId + "|" + week)).first();
        return toTrend(week, doc, true, focusHistory(userId));
    }

    /**
     * These weeks in full, in the order given, as the single-week view shows each (wins of the week, reflection, focus
     * area at the week's end; quiet weeks as zeros): one {@code $in} read of the weeks' {@code _id}s and one read of the
     * focus history. For views over many weeks (the patterns).
     */
    public List<WeekTrend> weeks(String userId, List<YearWeek> weeks) {
        Map<String, Document> found = read(userId, weeks);
        List<FocusChoice> focus = focusHistory(userId);
        List<WeekTrend> trends = new ArrayList<>(weeks.size());
        for (YearWeek week : weeks) {
            trends.add(toTrend(week, found.get(week.toString()), true, focus));
        }
        return trends;
    }

    /** Every focus area and stage the person chose, oldest first (empty if none): one read by {@code _id}. */
    public List<FocusChoice> focusHistory(String userId) {
        Document doc = store.focus().find(eq("_id", userId)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("choices", Document.class, List.of()).stream()
                .map(choice -> new FocusChoice(
                        choice.get("sequence", Number.class).longValue(),
                        choice.getString("week"),
                        choice.getString("day"),
                        choice.getString("area"),
                        choice.getString("stage"),
                        choice.getDate("recordedAt").toInstant()))
                .toList();
    }

    /** The {@code count} weeks ending with {@code last} (default: this week in the person's zone), oldest first. */
    public List<WeekTrend> series(String userId, YearWeek last, int count) {
        List<YearWeek> weeks = Weeks.ending(last != null ? last : currentWeek(userId), count);
        Map<String, Document> found = read(userId, weeks);
        List<WeekTrend> series = new ArrayList<>(count);
        for (YearWeek week : weeks) {
            series.add(toTrend(week, found.get(week.toString()), false, null));
        }
        return series;
    }

    /** The weeks' documents by week id: their own ids, from the primary index (a range over weekStart scans on the stand-in). */
    private Map<String, Document> read(String userId, List<YearWeek> weeks) {
        Map<String, Document> found = new HashMap<>();
        store.weeks()
                .find(in("_id", weeks.stream().map(week -> userId + "|" + week).toList()))
                .forEach(doc -> found.put(doc.getString("week"), doc));
        return found;
    }

    /** This week in the zone of the person's latest entry (UTC before their first). */
    public YearWeek currentWeek(String userId) {
        Document journal = store.journals().find(eq("_id", userId)).first();
        ZoneId zone = journal != null && journal.getString("zone") != null
                ? ZoneId.of(journal.getString("zone"))
                : ZoneOffset.UTC;
        return Weeks.current(clock, zone);
    }

    /**
     * @param focus the person's focus history, or null when the view shows no focus area (the series)
     */
    static WeekTrend toTrend(YearWeek week, Document doc, boolean withWins, List<FocusChoice> focus) {
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
        WeekTrend.Reflection reflection = null;
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
            reflection = reflection(d.get("reflection", Document.class), wins);
        }
        WeekTrend.Focus current = null;
        Integer winsInFocusArea = null;
        if (focus != null) {
            Optional<FocusChoice> choice = FocusChoice.currentAt(focus, week);
            if (choice.isPresent()) {
                current = new WeekTrend.Focus(
                        choice.get().area(), choice.get().stage(), choice.get().week());
                winsInFocusArea = intValue(areaDoc, choice.get().area());
            }
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
                current,
                winsInFocusArea,
                wins,
                reflection,
                WeekTrend.CLOSING_LINE);
    }

    /**
     * The reflection as written, with the chosen wins that are still this week's wins now, in the order chosen and as
     * they are now: a win retracted or moved to another week since is left out. Null when none was written.
     */
    private static WeekTrend.Reflection reflection(Document written, List<WeekTrend.Win> winsOfTheWeek) {
        if (written == null) {
            return null;
        }
        Map<String, WeekTrend.Win> byId = new HashMap<>();
        winsOfTheWeek.forEach(win -> byId.put(win.id(), win));
        List<WeekTrend.Win> chosen = written.getList("winIds", String.class, List.of()).stream()
                .map(byId::get)
                .filter(Objects::nonNull)
                .toList();
        return new WeekTrend.Reflection(
                written.getString("answer"),
                chosen,
                written.getBoolean("proudOfShowingUp", false),
                written.getDate("recordedAt").toInstant());
    }

    private static int intValue(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
