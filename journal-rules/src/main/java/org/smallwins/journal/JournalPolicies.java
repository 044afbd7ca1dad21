package org.smallwins.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.week.Weeks;
import org.threeten.extra.YearWeek;

/**
 * The journal's rules, one named policy each. A policy reads one value and either returns its clean form or records a
 * {@link Refusal} (field, rule, sentence; never the value). The {@link JournalDecider} applies them to every command;
 * {@link JournalRequests} applies the ones that need no journal state while parsing a request, so one bad request
 * names every field at fault at once. Use one instance per command.
 */
public final class JournalPolicies {

    public static final int MAX_WIN_TEXT = 500;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_NOTE = 1_000;
    public static final int MAX_REFLECTION_ANSWER = 2_000;
    /** "Noticing my progress": list five small wins of the week. */
    public static final int MAX_CHOSEN_WINS = 5;

    public static final int MIN_SCALE = 1;
    public static final int MAX_SCALE = 5;
    /** How far ahead of the server's clock a check-in may be stamped (device clocks drift). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final List<Refusal> refusals = new ArrayList<>();

    /** The refusals recorded so far, in the order the policies were applied. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    <T> T refuse(String field, String rule, String detail) {
        refusals.add(new Refusal(field, rule, detail));
        return null;
    }

    // --- sentences shared by a policy and the parsing of the same field --------------------------------------------

    static String scaleDetail() {
        return "Choose a value from " + MIN_SCALE + " to " + MAX_SCALE + ".";
    }

    static final String ZONE_UNKNOWN = "Use an IANA time zone id such as Europe/Berlin.";

    // --- the policies ----------------------------------------------------------------------------------------------

    /** Entry ids are chosen by the client (a UUID works) and make retries safe. */
    public String entryId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse(field, "id.required", "An id chosen by the client is required, so a retry is recognised.");
        }
        if (!ENTRY_ID.matcher(raw).matches()) {
            return refuse(
                    field, "id.format", "Use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        return raw;
    }

    /** A win is one "Today I…" sentence: trimmed, 1 to 500 characters. */
    public String winText(String raw) {
        if (raw == null || raw.isBlank()) {
            return refuse("text", "text.required", "Write the win in a few words.");
        }
        String text = raw.strip();
        if (text.codePointCount(0, text.length()) > MAX_WIN_TEXT) {
            return refuse("text", "text.too-long", "A win is at most " + MAX_WIN_TEXT + " characters.");
        }
        return text;
    }

    /** Up to 10 tags, each 1 to 40 characters after trimming; repeats are kept once. */
    public List<String> tags(List<String> raw) {
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
                return refuse(
                        "tags[" + i + "]", "tags.too-long", "A tag is at most " + MAX_TAG_LENGTH + " characters.");
            }
            tags.add(clean);
        }
        return List.copyOf(tags);
    }

    /** A zone is a region of the IANA database (such as Europe/Berlin) or UTC; a bare offset is not a place. */
    public ZoneId knownZone(ZoneId zone) {
        if (!zone.getId().contains("/") && !"UTC".equals(zone.getId())) {
            return refuse("zone", "zone.unknown", ZONE_UNKNOWN);
        }
        return zone;
    }

    /** The person's zone: as sent, else the zone of their latest entry; a first entry must send one. */
    public ZoneId zone(Optional<ZoneId> requested, JournalState state) {
        if (requested.isPresent()) {
            return knownZone(requested.get());
        }
        return state.latestZone()
                .orElseGet(() -> refuse(
                        "zone",
                        "zone.required",
                        "Send your IANA time zone, for example Europe/Berlin, with your first entry."));
    }

    /**
     * The day a win belongs to: today in the person's zone by default; earlier days are welcome, later ones are not.
     * Returns {@code null} without a refusal of its own when there is no zone to tell today by.
     */
    public LocalDate winDay(Optional<LocalDate> requested, ZoneId zone, Clock clock) {
        if (zone == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (requested.isEmpty()) {
            return today;
        }
        LocalDate day = requested.get();
        if (day.isAfter(today)) {
            return refuse("day", "day.in-future", "A win can be logged for today or an earlier day, not a later one.");
        }
        if (day.isBefore(EARLIEST_DAY)) {
            return refuse("day", "day.too-early", "Use a day from " + EARLIEST_DAY + " on.");
        }
        return day;
    }

    /** Mood and energy are 1 to 5. */
    public int scale(String field, int value) {
        if (value < MIN_SCALE || value > MAX_SCALE) {
            refuse(field, field + ".range", scaleDetail());
            return 0;
        }
        return value;
    }

    /** An optional note up to 1,000 characters; a blank note is no note. */
    public Optional<String> note(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        String note = raw.get().strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            refuse("note", "note.too-long", "A note is at most " + MAX_NOTE + " characters.");
            return Optional.empty();
        }
        return Optional.of(note);
    }

    /** When a check-in was made: now by default, any earlier instant, or a few minutes ahead for clock drift. */
    public Instant checkInInstant(Optional<Instant> requested, Clock clock) {
        Instant now = clock.instant();
        if (requested.isEmpty()) {
            return now;
        }
        Instant at = requested.get();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return refuse("at", "at.in-future", "A check-in cannot be dated in the future.");
        }
        if (at.isBefore(EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return refuse("at", "at.too-early", "Use an instant from " + EARLIEST_DAY + " on.");
        }
        return at;
    }

    /**
     * The week a reflection is about: an ISO week id such as {@code 2026-W48} that exists (week 53 only in a year that
     * has one), from {@link #EARLIEST_DAY}'s week on. Returns {@code null} after a refusal.
     */
    public YearWeek isoWeek(String raw) {
        YearWeek week;
        try {
            week = Weeks.parse(raw);
        } catch (Weeks.NotAWeekException e) {
            return refuse("isoWeek", "isoWeek.format", Weeks.FORMAT_HINT);
        }
        if (week.isBefore(YearWeek.from(EARLIEST_DAY))) {
            return refuse("isoWeek", "isoWeek.too-early", "Use a week from " + YearWeek.from(EARLIEST_DAY) + " on.");
        }
        return week;
    }

    /**
     * A reflection looks back: on this week or an earlier one in the person's zone, never a later one. Returns the week,
     * or {@code null} after a refusal (or without one when there is no week or zone to tell by).
     */
    public YearWeek reflectionWeek(YearWeek week, ZoneId zone, Clock clock) {
        if (week == null || zone == null) {
            return null;
        }
        if (week.isAfter(Weeks.current(clock, zone))) {
            return refuse(
                    "isoWeek",
                    "isoWeek.in-future",
                    "A reflection is written for this week or an earlier one, not a later one.");
        }
        return week;
    }

    /**
     * The answer to "How did I learn to honor myself this week?": optional, trimmed, at most 2,000 characters; a blank
     * answer is no answer. The same text rules as a win's text (trimmed, length in characters; nothing else refused).
     */
    public Optional<String> reflectionAnswer(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        String answer = raw.get().strip();
        if (answer.codePointCount(0, answer.length()) > MAX_REFLECTION_ANSWER) {
            refuse("answer", "answer.too-long", "An answer is at most " + MAX_REFLECTION_ANSWER + " characters.");
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    /**
     * The wins chosen for a week's reflection, as sent: at most five, each once, in the order chosen. An id is named by
     * its position ({@code winIds[2]}), never its value. Returns {@code null} after a refusal.
     */
    public List<String> chosenWins(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_CHOSEN_WINS) {
            return refuse("winIds", "winIds.too-many", "Choose at most " + MAX_CHOSEN_WINS + " wins.");
        }
        Set<String> seen = new LinkedHashSet<>();
        boolean refused = false;
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i);
            if (id != null && !seen.add(id)) {
                refuse("winIds[" + i + "]", "winIds.duplicate", "Choose each win once.");
                refused = true;
            }
        }
        return refused
                ? null
                : List.copyOf(raw.stream().map(id -> id == null ? "" : id).toList());
    }

    /**
     * Each chosen win is one of the person's own wins, not taken back, whose day (after any correction) is in the week.
     * Anything else (an unknown id, another person's, a check-in, a retracted win, a win of another week) is refused
     * the same way, naming the position only, so nothing is told about ids that are not the person's.
     */
    public void winsOfWeek(List<String> winIds, YearWeek week, JournalState state) {
        if (winIds == null || week == null) {
            return;
        }
        for (int i = 0; i < winIds.size(); i++) {
            String id = winIds.get(i);
            boolean ofTheWeek = ENTRY_ID.matcher(id).matches()
                    && state.entry(id)
                            .filter(mark -> mark.kind() == EntryKind.WIN && !mark.retracted())
                            .filter(mark ->
                                    YearWeek.from(LocalDate.parse(mark.when())).equals(week))
                            .isPresent();
            if (!ofTheWeek) {
                refuse("winIds[" + i + "]", "winIds.not-in-week", "Choose wins you logged in this week.");
            }
        }
    }

    // --- vocabularies (used by the parsing of requests) --------------------------------------------------------------

    static String focusAreaDetail() {
        return "Choose one of " + List.of(FocusArea.values()) + ".";
    }

    static String stageDetail() {
        return "Choose one of " + List.of(StageOfChange.values()) + ".";
    }

    static String windowDetail() {
        return "Choose one of " + List.of(ToleranceWindow.values()) + ".";
    }
}
