package org.smallwins.contract;

import java.util.Objects;

/** A person checked in: mood and energy 1–5, their window of tolerance, an optional note. */
public record CheckInRecorded(String checkInId, int mood, int energy, ToleranceWindow window, String note)
        implements JournalEvent {

    public static final String TYPE = "CheckInRecorded";
    public static final int VERSION = 1;

    public CheckInRecorded {
        Objects.requireNonNull(checkInId, "checkInId");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String entryId() {
        return checkInId;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.checkInRecorded(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Never prints check-in values or the note. */
    @Override
    public String toString() {
        return "CheckInRecorded[checkInId=" + checkInId + "]";
    }
}
