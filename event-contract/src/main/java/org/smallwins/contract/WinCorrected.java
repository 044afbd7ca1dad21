package org.smallwins.contract;

import java.util.List;
import java.util.Objects;

/**
 * A person corrected a win: its full new content. The day the win belongs to after the correction is the envelope's
 * {@link Occurred#localDate()} (in {@link Occurred#zone()}), exactly as for {@link WinLogged}: a correction that moves
 * the win to another day carries that day there, one that keeps the day repeats it. The time of the correction itself
 * is the envelope's {@code recordedAt}.
 *
 * @param winId   the win corrected
 * @param version the win's version after this correction (it was version 1 as first logged, so the first correction is
 *                2)
 */
public record WinCorrected(String winId, int version, String text, FocusArea focusArea, List<String> tags)
        implements JournalEvent {

    public static final String TYPE = "WinCorrected";
    public static final int VERSION = 1;

    public WinCorrected {
        Objects.requireNonNull(winId, "winId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(focusArea, "focusArea");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (version < 2) {
            throw new IllegalArgumentException("a correction follows at least the first version");
        }
    }

    @Override
    public String entryId() {
        return winId;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.winCorrected(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Never prints the text: journal content must not reach logs by accident. */
    @Override
    public String toString() {
        return "WinCorrected[winId=" + winId + ", version=" + version + ", focusArea=" + focusArea + ", tags="
                + tags.size() + "]";
    }
}
