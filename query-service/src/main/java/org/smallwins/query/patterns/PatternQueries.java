package org.smallwins.query.patterns;

import java.util.List;
import org.smallwins.journal.week.Weeks;
import org.smallwins.query.trends.TrendQueries;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/**
 * Reads what a person's patterns are computed from, through the weekly trends (the one reader of the week documents),
 * and has {@link Patterns} compute them. The weeks are known in Java (the person's current week in their own zone, and
 * the ones before it), so a request costs exact-{@code _id} reads only: the person's journal summary (their zone), one
 * {@code $in} of the weeks' {@code _id}s ({@code userId|2026-W48}; weeks without a document are quiet) and the person's
 * focus history (by {@code _id}, once for the weeks' focus and once for the focus over time).
 */
public class PatternQueries {

    /** The most weeks a request may ask for: two years, as for the weekly series. */
    public static final int MAX_WEEKS = TrendQueries.MAX_WEEKS;

    private final TrendQueries trends;

    public PatternQueries(TrendQueries trends) {
        this.trends = trends;
    }

    /** The person's patterns over their last {@code count} weeks, ending with this week in their zone. */
    public PersonPatterns patterns(String userId, int count) {
        List<YearWeek> range = Weeks.ending(trends.currentWeek(userId), count);
        List<WeekTrend> weeks = trends.weeks(userId, range);
        return Patterns.of(weeks, trends.focusHistory(userId));
    }
}
