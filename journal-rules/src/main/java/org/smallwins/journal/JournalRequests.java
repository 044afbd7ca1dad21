package org.smallwins.journal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;

/**
 * The edge of the journal: turns a request's raw fields (as a client sent them) into a typed {@link JournalCommand},
 * once, for every service that takes journal requests. A field that cannot be read as its type is refused with a
 * named rule ({@code focusArea.unknown}, {@code day.format}, {@code zone.unknown}, {@code at.format}, …). So that one
 * bad request names every field at fault at once, the request is also checked against every {@link JournalPolicies
 * policy} that needs no journal state; the {@link JournalDecider} checks them all again, with the journal's state.
 */
public final class JournalRequests {

    private JournalRequests() {}

    /** A win as sent: {@code day} an ISO date, {@code zone} an IANA zone id, either blank for its default. */
    public static Parsed<LogWin> logWin(
            String winId, String text, String focusArea, List<String> tags, String day, String zone) {
        JournalPolicies policies = new JournalPolicies();
        policies.entryId("winId", winId);
        policies.winText(text);
        FocusArea area = focusArea(policies, focusArea);
        policies.tags(tags);
        Optional<ZoneId> zoneId = zone(policies, zone);
        Optional<LocalDate> localDay = day(policies, day);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(new LogWin(winId, text, area, tags, localDay, zoneId));
    }

    /** A check-in as sent: {@code at} an ISO-8601 instant with offset, {@code zone} an IANA zone id, either blank for its default. */
    public static Parsed<RecordCheckIn> recordCheckIn(
            String checkInId, Integer mood, Integer energy, String window, String note, String at, String zone) {
        JournalPolicies policies = new JournalPolicies();
        policies.entryId("checkInId", checkInId);
        int cleanMood = scale(policies, "mood", mood);
        int cleanEnergy = scale(policies, "energy", energy);
        ToleranceWindow cleanWindow = window(policies, window);
        Optional<String> cleanNote = Optional.ofNullable(note);
        policies.note(cleanNote);
        Optional<Instant> instant = at(policies, at);
        Optional<ZoneId> zoneId = zone(policies, zone);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(
                new RecordCheckIn(checkInId, cleanMood, cleanEnergy, cleanWindow, cleanNote, instant, zoneId));
    }

    /**
     * A correction of a win as sent: the full new content; {@code day} and {@code zone} blank keep the win's own. The
     * expected version comes from the request's {@code If-Match}.
     */
    public static Parsed<CorrectWin> correctWin(
            String winId,
            int expectedVersion,
            String text,
            String focusArea,
            List<String> tags,
            String day,
            String zone) {
        JournalPolicies policies = new JournalPolicies();
        policies.entryId("winId", winId);
        policies.winText(text);
        FocusArea area = focusArea(policies, focusArea);
        policies.tags(tags);
        Optional<ZoneId> zoneId = zone(policies, zone);
        Optional<LocalDate> localDay = day(policies, day);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(new CorrectWin(winId, expectedVersion, text, area, tags, localDay, zoneId));
    }

    /** A correction of a check-in as sent: its full new values; {@code at} and {@code zone} blank keep its own. */
    public static Parsed<CorrectCheckIn> correctCheckIn(
            String checkInId,
            int expectedVersion,
            Integer mood,
            Integer energy,
            String window,
            String note,
            String at,
            String zone) {
        JournalPolicies policies = new JournalPolicies();
        policies.entryId("checkInId", checkInId);
        int cleanMood = scale(policies, "mood", mood);
        int cleanEnergy = scale(policies, "energy", energy);
        ToleranceWindow cleanWindow = window(policies, window);
        Optional<String> cleanNote = Optional.ofNullable(note);
        policies.note(cleanNote);
        Optional<Instant> instant = at(policies, at);
        Optional<ZoneId> zoneId = zone(policies, zone);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(new CorrectCheckIn(
                checkInId, expectedVersion, cleanMood, cleanEnergy, cleanWindow, cleanNote, instant, zoneId));
    }

    /** A retraction as sent: {@code reason} one of {@link RetractionReason}, or blank for none. */
    public static Parsed<RetractEntry> retractEntry(String entryId, int expectedVersion, String reason) {
        JournalPolicies policies = new JournalPolicies();
        policies.entryId("entryId", entryId);
        Optional<RetractionReason> why = Optional.empty();
        if (reason != null && !reason.isBlank()) {
            try {
                why = Optional.of(RetractionReason.valueOf(reason.strip()));
            } catch (IllegalArgumentException e) {
                policies.refuse(
                        "reason",
                        "reason.unknown",
                        "Choose one of " + List.of(RetractionReason.values()) + ", or none.");
            }
        }
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(new RetractEntry(entryId, expectedVersion, why));
    }

    /** A consent to analytics as sent: {@code analytics} true or false, and nothing else will do (issue 16). */
    public static Parsed<SetAnalyticsConsent> setAnalyticsConsent(Boolean analytics) {
        if (analytics == null) {
            return new Parsed.Invalid<>(List.of(new Refusal(
                    "analytics",
                    "analytics.required",
                    "Say true to share your weekly facts (never your words) with analytics, false not to.")));
        }
        return new Parsed.Valid<>(new SetAnalyticsConsent(analytics));
    }

    /** A focus choice as sent: {@code area} one of {@link FocusArea}, {@code stage} one of {@link StageOfChange}. */
    public static Parsed<ChooseFocusArea> chooseFocusArea(String area, String stage, String zone) {
        JournalPolicies policies = new JournalPolicies();
        FocusArea cleanArea = vocabulary(policies, "area", area, FocusArea::valueOf, JournalPolicies.focusAreaDetail());
        StageOfChange cleanStage =
                vocabulary(policies, "stage", stage, StageOfChange::valueOf, JournalPolicies.stageDetail());
        Optional<ZoneId> zoneId = zone(policies, zone);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(new ChooseFocusArea(cleanArea, cleanStage, zoneId));
    }

    /**
     * A week's reflection as sent: {@code isoWeek} from the path, {@code answer} optional, {@code winIds} up to five,
     * {@code proudOfShowingUp} absent meaning not affirmed.
     */
    public static Parsed<WriteWeeklyReflection> writeWeeklyReflection(
            String isoWeek, String answer, List<String> winIds, Boolean proudOfShowingUp, String zone) {
        JournalPolicies policies = new JournalPolicies();
        policies.isoWeek(isoWeek);
        Optional<String> cleanAnswer = Optional.ofNullable(answer);
        policies.reflectionAnswer(cleanAnswer);
        policies.chosenWins(winIds);
        Optional<ZoneId> zoneId = zone(policies, zone);
        if (policies.refused()) {
            return new Parsed.Invalid<>(policies.refusals());
        }
        return new Parsed.Valid<>(
                new WriteWeeklyReflection(isoWeek, cleanAnswer, winIds, Boolean.TRUE.equals(proudOfShowingUp), zoneId));
    }

    static <E extends Enum<E>> E vocabulary(
            JournalPolicies policies, String field, String raw, Function<String, E> valueOf, String detail) {
        if (raw == null || raw.isBlank()) {
            return policies.refuse(field, field + ".required", detail);
        }
        try {
            return valueOf.apply(raw.strip());
        } catch (IllegalArgumentException e) {
            return policies.refuse(field, field + ".unknown", detail);
        }
    }

    static FocusArea focusArea(JournalPolicies policies, String raw) {
        if (raw == null || raw.isBlank()) {
            return policies.refuse("focusArea", "focusArea.required", "Choose a focus area.");
        }
        try {
            return FocusArea.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return policies.refuse("focusArea", "focusArea.unknown", JournalPolicies.focusAreaDetail());
        }
    }

    static ToleranceWindow window(JournalPolicies policies, String raw) {
        if (raw == null || raw.isBlank()) {
            return policies.refuse("window", "window.required", JournalPolicies.windowDetail());
        }
        try {
            return ToleranceWindow.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return policies.refuse("window", "window.unknown", JournalPolicies.windowDetail());
        }
    }

    static int scale(JournalPolicies policies, String field, Integer raw) {
        if (raw == null) {
            policies.refuse(field, field + ".required", JournalPolicies.scaleDetail());
            return 0;
        }
        return policies.scale(field, raw);
    }

    static Optional<ZoneId> zone(JournalPolicies policies, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(policies.knownZone(ZoneId.of(raw.strip())));
        } catch (DateTimeException e) {
            policies.refuse("zone", "zone.unknown", JournalPolicies.ZONE_UNKNOWN);
            return Optional.empty();
        }
    }

    static Optional<LocalDate> day(JournalPolicies policies, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            policies.refuse("day", "day.format", "Use an ISO date such as 2026-11-23.");
            return Optional.empty();
        }
    }

    static Optional<Instant> at(JournalPolicies policies, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw.strip()).toInstant());
        } catch (DateTimeParseException e) {
            policies.refuse("at", "at.format", "Use an ISO-8601 instant with offset, such as 2026-11-23T08:30:00Z.");
            return Optional.empty();
        }
    }
}
