package org.smallwins.contract;

import java.util.Objects;

/**
 * A person corrected a check-in: its full new values. When the check-in was made after the correction ({@code at}) is
 * the envelope's {@link Occurred#instant()} (its day {@link Occurred#localDate()} in {@link Occurred#zone()}), exactly
 * as for {@link CheckInRecorded}; a correction that keeps the time repeats it. The time of the correction itself is
 * the envelope's {@code recordedAt}.
 *
 * @param checkInId the check-in corrected
 * @param version   the check-in's version after this correction (1 as first recorded, so the first correction is 2)
 */
public record CheckInCorrected(String checkInId, int version, int mood, int energy, ToleranceWindow window, String note)
        implements JournalEvent {

    public static final String TYPE = "CheckInCorrected";
    public static final int VERSION = 1;

    public CheckInCorrected {
        Objects.requireNonNull(checkInId, "checkInId");
        Objects.requireNonNull(window, "window");
        if (version < 2) {
            throw new IllegalArgumentException("a correction follows at least the first version");
        }
    }

    @Override
    public String entryId() {
        return checkInId;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.checkInCorrected(this);
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
        return "CheckInCorrected[checkInId=" + checkInId + ", version=" + version + "]";
    }
}
