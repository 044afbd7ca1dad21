package org.smallwins.query.patterns;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.week.Weeks;
import org.smallwins.query.readstore.ReadStore;
import org.smallwins.query.trends.TrendQueries;
import org.threeten.extra.YearWeek;

/**
 * Reads what a person's patterns are computed from, and has {@link Patterns} compute them. The weeks are known in Java
 * (the person's current week in their own zone, and the ones before it), so the week documents are read in one query of
 * their exact {@code _id}s ({@code userId|2026-W48}); weeks without a document are quiet.
 */
public class PatternQueries {

    /** The most weeks a request may ask for: two years, as for the weekly series. */
    public static final int MAX_WEEKS = TrendQueries.MAX_WEEKS;

    private final ReadStore store;
    private final TrendQueries trends;

    public PatternQueries(ReadStore store, TrendQueries trends) {
        this.store = store;
        this.trends = trends;
    }

    /** The person's patterns over their last {@code count} weeks, ending with this week in their zone. */
    public PersonPatterns patterns(String userId, int count) {
        List<YearWeek> weeks = Weeks.ending(trends.currentWeek(userId), count);
        Map<String, Document> found = new HashMap<>();
        store.weeks()
                .find(in("_id", weeks.stream().map(week -> userId + "|" + week).toList()))
                .forEach(doc -> found.put(doc.getString("week"), doc));
        List<WeekFigures> figures = new ArrayList<>(count);
        for (YearWeek week : weeks) {
            Document doc = found.get(week.toString());
            figures.add(doc == null ? WeekFigures.quiet(week) : figures(week, doc));
        }
        return Patterns.of(figures, focusChoices(userId));
    }

    /** The person's focus choices in the order made. */
    List<FocusChoice> focusChoices(String userId) {
        return List.of(); // until the read side keeps them (h14-read)
    }

    static WeekFigures figures(YearWeek week, Document doc) {
        List<WeekFigures.Win> wins = doc.getList("winList", Document.class, List.of()).stream()
                .sorted(Comparator.comparing(win -> win.getString("sortKey")))
                .map(win -> new WeekFigures.Win(
                        win.getString("winId"),
                        win.getString("day"),
                        win.getString("text"),
                        FocusArea.valueOf(win.getString("focusArea"))))
                .toList();
        return new WeekFigures(
                week,
                doc.get("entriesByDay", new Document()).size(),
                intValue(doc, "checkIns"),
                intValue(doc, "moodSum"),
                intValue(doc, "energySum"),
                intValue(doc.get("windows", new Document()), ToleranceWindow.WITHIN.name()),
                doc.get("reflection") != null,
                wins);
    }

    private static int intValue(Document doc, String field) {
        return doc.get(field) instanceof Number n ? n.intValue() : 0;
    }
}
