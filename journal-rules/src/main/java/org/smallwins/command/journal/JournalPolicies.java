package org.smallwins.command.journal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;

/**
 * The journal's rules, one named policy each. Every policy reads one raw request field and either returns its clean
 * value or records a {@link Refusal}; a command is accepted only if no policy refused.
 */
final class JournalPolicies {

    static final int MAX_WIN_TEXT = 500;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 40;
    static final int MAX_NOTE = 1_000;
    static final int MIN_SCALE = 1;
    static final int MAX_SCALE = 5;
    /** How far ahead of the server's clock a check-in may be stamped (device clocks drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final List<Refusal> refusals = new ArrayList<>();

    List<Refusal> refusals() {
        return refusals;
    }

    void throwIfRefused() {
        if (!refusals.isEmpty()) {
            throw new EntryRefusedException(refusals);
        }
    }

    private <T> T refuse(String field, String rule, String detail) {
        refusals.add(new Refusal(field, rule, detail));
        return null;
    }

    /** Entry ids are chosen by the client (a UUID works) and make retries safe. */
    String entryId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse(field, "id.required", "An id chosen by the client is required, so a retry is recognised.");
        }
        if (!ENTRY_ID.matcher(raw).matches()) {
            return refuse(field, "id.format", "Use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        return raw;
    }

    /** A win is one "Today I…" sentence: trimmed, 1 to 500 characters. */
    String winText(String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse("text", "text.required", "Write the win in a few words.");
        }
        String text = raw.strip();
        if (text.codePointCount(0, text.length()) > MAX_WIN_TEXT) {
            return refuse("text", "text.too-long", "A win is at most " + MAX_WIN_TEXT + " characters.");
        }
        return text;
    }

    FocusArea focusArea(String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse("focusArea", "focusArea.required", "Choose a focus area.");
        }
        try {
            return FocusArea.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return refuse("focusArea", "focusArea.unknown", "Choose one of " + List.of(FocusArea.values()) + ".");
        }
    }

    /** Up to 10 tags, each 1 to 40 characters after trimming; repeats are kept once. */
    List<String> tags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_TAGS) {
            return refuse("tags", "tags.too-many", "At most " + MAX_TAGS + " tags.");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i);
            if (tag == null || tag.isBlank()) {
                return refuse("tags[" + i + "]", "tags.blank", "A tag needs at least one character.");
            }
            String clean = tag.strip();
            if (clean.codePointCount(0, clean.length()) > MAX_TAG_LENGTH) {
                return refuse("tags[" + i + "]", "tags.too-long", "A tag is at most " + MAX_TAG_LENGTH + " characters.");
            }
            tags.add(clean);
        }
        return List.copyOf(tags);
    }

    /** The person's zone: as sent, else the zone of their previous entry. */
    ZoneId zone(String raw, String previousZone) {
        if (raw == null || raw.isBlank()) {
            if (previousZone != null) {
                return ZoneId.of(previousZone);
            }
            return refuse("zone", "zone.required", "Send your IANA time zone, for example Europe/Berlin, with your first entry.");
        }
        try {
            ZoneId zone = ZoneId.of(raw.strip());
            if (!zone.getId().contains("/") && !"UTC".equals(zone.getId())) {
                return refuse("zone", "zone.unknown", "Use an IANA time zone id such as Europe/Berlin.");
            }
            return zone;
        } catch (DateTimeException e) {
            return refuse("zone", "zone.unknown", "Use an IANA time zone id such as Europe/Berlin.");
        }
    }

    /** The day a win belongs to: today in the person's zone by default; earlier days are welcome, later ones are not. */
    LocalDate winDay(String raw, ZoneId zone, Clock clock) {
        if (zone == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (raw == null || raw.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return refuse("day", "day.format", "Use an ISO date such as 2026-11-23.");
        }
        if (day.isAfter(today)) {
            return refuse("day", "day.in-future", "A win can be logged for today or an earlier day, not a later one.");
        }
        if (day.isBefore(EARLIEST_DAY)) {
            return refuse("day", "day.too-early", "Use a day from " + EARLIEST_DAY + " on.");
        }
        return day;
    }

    int scale(String field, Integer raw) {
        if (raw == null) {
            refuse(field, field + ".required", "Choose a value from " + MIN_SCALE + " to " + MAX_SCALE + ".");
            return 0;
        }
        if (raw < MIN_SCALE || raw > MAX_SCALE) {
            refuse(field, field + ".range", "Choose a value from " + MIN_SCALE + " to " + MAX_SCALE + ".");
            return 0;
        }
        return raw;
    }

    ToleranceWindow window(String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse("window", "window.required", "Choose one of " + List.of(ToleranceWindow.values()) + ".");
        }
        try {
            return ToleranceWindow.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return refuse("window", "window.unknown", "Choose one of " + List.of(ToleranceWindow.values()) + ".");
        }
    }

    /** An optional note up to 1,000 characters; a blank note is no note. */
    String note(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String note = raw.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            return refuse("note", "note.too-long", "A note is at most " + MAX_NOTE + " characters.");
        }
        return note;
    }

    /** When a check-in was made: now by default, any earlier instant, or a few minutes ahead for clock drift. */
    Instant checkInInstant(String raw, Clock clock) {
        Instant now = clock.instant();
        if (raw == null || raw.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return refuse("at", "at.format", "Use an ISO-8601 instant with offset, such as 2026-11-23T08:30:00Z.");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return refuse("at", "at.in-future", "A check-in cannot be dated in the future.");
        }
        if (at.isBefore(EARLIEST_DAY.atStartOfDay(ZoneId.of("UTC")).toInstant())) {
            return refuse("at", "at.too-early", "Use an instant from " + EARLIEST_DAY + " on.");
        }
        return at;
    }
}
