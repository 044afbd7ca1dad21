package org.smallwins.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When something happened in the person's life: the instant, the local day it belongs to, and the IANA zone the
 * person was in. Weeks and days are always computed from {@code localDate}, never from the instant.
 */
public record Occurred(Instant instant, LocalDate localDate, String zone) {

    public Occurred {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(zone, "zone");
    }

    /** An instant in a zone; the local day is the one the instant falls on there. */
    public static Occurred at(Instant instant, ZoneId zone) {
        return new Occurred(instant, instant.atZone(zone).toLocalDate(), zone.getId());
    }
}
