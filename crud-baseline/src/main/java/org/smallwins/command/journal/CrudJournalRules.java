package org.smallwins.command.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;

/**
 * The CRUD baseline's door to the journal's rules: it calls the same {@link JournalPolicies} and {@link EntryMark}
 * code the command service's aggregate calls (lives in this package because those are package-private), in the same
 * order, so both services accept, refuse and recognise retries identically.
 */
public final class CrudJournalRules {

    private CrudJournalRules() {
    }

    /** A clean win plus what identifies a retry of it. */
    public record Win(String winId, String text, FocusArea focusArea, List<String> tags, LocalDate day, ZoneId zone,
            Instant occurredAt, String digest, String requestedWhen, String requestedZone) {
    }

    /** A clean check-in plus what identifies a retry of it. */
    public record CheckIn(String checkInId, int mood, int energy, ToleranceWindow window, String note, Instant at,
            ZoneId zone, String digest, String requestedWhen, String requestedZone) {
    }

    /** @throws EntryRefusedException if a rule is broken */
    public static Win win(String winId, String text, String focusArea, List<String> tags, String day, String zone,
            Supplier<String> previousZone, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String id = policies.entryId("winId", winId);
        String clean = policies.winText(text);
        FocusArea area = policies.focusArea(focusArea);
        List<String> cleanTags = policies.tags(tags);
        ZoneId zoneId = policies.zone(zone, blank(zone) ? previousZone.get() : null);
        LocalDate localDay = policies.winDay(day, zoneId, clock);
        policies.throwIfRefused();
        Instant now = clock.instant();
        Instant instant = localDay.equals(LocalDate.ofInstant(now, zoneId)) ? now : localDay.atStartOfDay(zoneId).toInstant();
        return new Win(id, clean, area, cleanTags, localDay, zoneId, instant,
                EntryMark.digest(List.of(clean, area, cleanTags)),
                blank(day) ? null : localDay.toString(), blank(zone) ? null : zoneId.getId());
    }

    /** @throws EntryRefusedException if a rule is broken */
    public static CheckIn checkIn(String checkInId, Integer mood, Integer energy, String window, String note, String at,
            String zone, Supplier<String> previousZone, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String id = policies.entryId("checkInId", checkInId);
        int cleanMood = policies.scale("mood", mood);
        int cleanEnergy = policies.scale("energy", energy);
        ToleranceWindow cleanWindow = policies.window(window);
        String cleanNote = policies.note(note);
        Instant instant = policies.checkInInstant(at, clock);
        ZoneId zoneId = policies.zone(zone, blank(zone) ? previousZone.get() : null);
        policies.throwIfRefused();
        return new CheckIn(id, cleanMood, cleanEnergy, cleanWindow, cleanNote, instant, zoneId,
                EntryMark.digest(List.of(cleanMood, cleanEnergy, cleanWindow, String.valueOf(cleanNote))),
                blank(at) ? null : instant.toString(), blank(zone) ? null : zoneId.getId());
    }

    /** True if a request is a retry of the stored entry (same rule as the aggregate's). */
    public static boolean isRetryOf(String storedKind, String storedDigest, String storedWhen, String storedZone,
            String kind, String digest, String requestedWhen, String requestedZone) {
        return new EntryMark(storedKind, storedDigest, storedWhen, storedZone).isRetryOf(kind, digest, requestedWhen, requestedZone);
    }

    public static final String WIN = EntryMark.WIN;
    public static final String CHECK_IN = EntryMark.CHECK_IN;

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
