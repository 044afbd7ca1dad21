package org.smallwins.contract;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person wrote their weekly reflection for an ISO week: their answer to "How did I learn to honor myself this
 * week?", up to five of that week's wins they chose as its wins (in the order chosen), and whether they affirm "I'm
 * proud of myself for showing up". Writing it again for the same week is a new event that replaces the earlier one
 * (the latest for a week is current). It is about the week, not an entry: {@link #entryId()} is
 * {@code journal:reflection:<isoWeek>}. The envelope's {@link Occurred} is when and where it was written (not the week
 * it is about, which is {@link #isoWeek()}); {@code recordedAt} is when it was stored.
 *
 * <p>Personal data ({@link #containsPersonalData()} is {@code true}, sealed): the answer is text the person wrote.
 *
 * @param isoWeek          the week it reflects on, as {@code 2026-W48} (four-digit week-based year, two-digit week)
 * @param answer           the answer as written (trimmed, at most 2,000 characters); null when the person wrote none
 * @param winIds           the chosen wins' ids, at most five, in the order chosen; empty when none were chosen
 * @param proudOfShowingUp whether the person affirmed "I'm proud of myself for showing up"
 */
public record WeeklyReflectionWritten(String isoWeek, String answer, List<String> winIds, boolean proudOfShowingUp)
        implements JournalEvent {

    public static final String TYPE = "WeeklyReflectionWritten";
    public static final int VERSION = 1;

    /** The shape of {@link #isoWeek()} (whether the week exists is the decider's rule, as for every request). */
    public static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private static final String SUBJECT_PREFIX = "journal:reflection:";

    public WeeklyReflectionWritten {
        Objects.requireNonNull(isoWeek, "isoWeek");
        if (!ISO_WEEK.matcher(isoWeek).matches()) {
            throw new IllegalArgumentException("isoWeek is an ISO week such as 2026-W48");
        }
        winIds = winIds == null ? List.of() : List.copyOf(winIds);
    }

    /** The subject of the reflection of {@code isoWeek}: what {@link #entryId()} answers. */
    public static String subject(String isoWeek) {
        return SUBJECT_PREFIX + isoWeek;
    }

    /**
     * {@code journal:reflection:<isoWeek>}: one subject per week, so a reflection written again for the week is a new
     * version of the same subject. The {@code ':'} is outside the alphabet of client-chosen entry ids, so it never names
     * an entry (see {@link JournalEvent#aboutAnEntry()}).
     */
    @Override
    public String entryId() {
        return subject(isoWeek);
    }

    @Override
    public boolean aboutAnEntry() {
        return false;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.weeklyReflectionWritten(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Never prints the answer: journal content must not reach logs by accident. */
    @Override
    public String toString() {
        return "WeeklyReflectionWritten[isoWeek=" + isoWeek + ", answered=" + (answer != null) + ", winIds="
                + winIds.size() + ", proudOfShowingUp=" + proudOfShowingUp + "]";
    }
}
