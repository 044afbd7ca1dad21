package org.smallwins.journal.week;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.threeten.extra.YearWeek;

/**
 * The journal's weekly vocabulary, in one place. A week is an ISO-8601 week (Monday to Sunday) of the person's local
 * days, a {@link YearWeek}; its id on the API and in the read models is {@code 2026-W48} ({@link YearWeek#toString()}).
 * Its first and last days are {@code week.atDay(MONDAY)} and {@code week.atDay(SUNDAY)}. Weeks are computed here, from
 * local days, never by a database.
 */
public final class Weeks {

    /** The name a request may use for this week in the person's own zone. */
    public static final String CURRENT = "current";

    /** What a caller is told when a week cannot be read. */
    public static final String FORMAT_HINT = "Use an ISO week such as 2026-W48.";

    /** Exactly the API's form: four-digit week-based year, {@code -W}, two-digit week. */
    private static final Pattern ID = Pattern.compile("(\\d{4})-W(\\d{2})");

    private Weeks() {}

    /**
     * Reads a week id such as {@code 2026-W48}.
     *
     * @throws NotAWeekException for anything else, including week 53 of a year that has 52 weeks
     */
    public static YearWeek parse(String id) {
        var match = id == null ? null : ID.matcher(id);
        if (match == null || !match.matches()) {
            throw new NotAWeekException();
        }
        int year = Integer.parseInt(match.group(1));
        int week = Integer.parseInt(match.group(2));
        // YearWeek.of quietly turns week 53 of a 52-week year into week 1 of the next year; a request means what it
        // says.
        if (week == 53 && !YearWeek.of(year, 1).is53WeekYear()) {
            throw new NotAWeekException();
        }
        try {
            return YearWeek.of(year, week);
        } catch (DateTimeException e) {
            throw new NotAWeekException();
        }
    }

    /**
     * A week named in a request: {@value #CURRENT}, answered by {@code current} (only asked then), or a week id.
     *
     * @throws NotAWeekException if it is neither
     */
    public static YearWeek named(String name, Supplier<YearWeek> current) {
        return CURRENT.equals(name) ? current.get() : parse(name);
    }

    /** This week for a person in {@code zone}. */
    public static YearWeek current(Clock clock, ZoneId zone) {
        return YearWeek.now(clock.withZone(zone));
    }

    /** The {@code count} weeks ending with {@code last}, oldest first. */
    public static List<YearWeek> ending(YearWeek last, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a series has at least one week");
        }
        List<YearWeek> series = new ArrayList<>(count);
        for (YearWeek week = last.minusWeeks(count - 1L); !week.isAfter(last); week = week.plusWeeks(1)) {
            series.add(week);
        }
        return series;
    }

    /**
     * A text that is not a week id. Carries the rule it broke ({@link #rule()}, always {@code format}), never the text.
     */
    public static final class NotAWeekException extends IllegalArgumentException {

        public static final String RULE = "format";

        NotAWeekException() {
            super("not an ISO week id");
        }

        /** The rule broken, to be prefixed with the request field's name: {@code week.format}, {@code until.format}. */
        public String rule() {
            return RULE;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
