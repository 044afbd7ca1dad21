package org.smallwins.platform;

import java.util.function.Supplier;
import org.smallwins.journal.week.Weeks;
import org.threeten.extra.YearWeek;

/**
 * Weeks named in requests, read through the weekly vocabulary ({@link Weeks}): a text that is not a week is an
 * {@link InvalidQueryException} (400) naming the request field and the rule, {@code week.format} or
 * {@code until.format}, never the text.
 */
public final class RequestedWeeks {

    private RequestedWeeks() {}

    /** A week id such as {@code 2026-W48}, given in the request field {@code field}. */
    public static YearWeek parse(String field, String raw) {
        try {
            return Weeks.parse(raw);
        } catch (Weeks.NotAWeekException e) {
            throw refused(field, e);
        }
    }

    /** A week id, or {@value Weeks#CURRENT} answered by {@code current}, given in the request field {@code field}. */
    public static YearWeek named(String field, String raw, Supplier<YearWeek> current) {
        try {
            return Weeks.named(raw, current);
        } catch (Weeks.NotAWeekException e) {
            throw refused(field, e);
        }
    }

    private static InvalidQueryException refused(String field, Weeks.NotAWeekException e) {
        return new InvalidQueryException(field, field + "." + e.rule(), Weeks.FORMAT_HINT);
    }
}
