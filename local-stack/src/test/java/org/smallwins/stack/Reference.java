package org.smallwins.stack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the read models must show, computed only from the commands the services accepted: every entry once on its
 * owner's timeline as last corrected (with its version, and marked corrected when it was), retracted entries nowhere,
 * each with a distinct sequence among the person's events, and each ISO week's sums of the entries in it now. Written
 * independently of the projection (it uses java.time's ISO fields, not the query-service's week code, and keeps entries,
 * not per-week contributions) so that it can disagree with it.
 */
final class Reference {

    /** One accepted command, as sent. */
    sealed interface Entry permits Win, CheckIn {
        String user();

        String id();

        LocalDate day();
    }

    record Win(String user, String id, String text, String focusArea, List<String> tags, LocalDate day, String zone)
            implements Entry {

        String json() {
            return """
                    {"winId":"%s","text":"%s","focusArea":"%s","tags":[%s],"day":"%s","zone":"%s"}""".formatted(
                            id,
                            text,
                            focusArea,
                            tags.stream().map(t -> '"' + t + '"').collect(Collectors.joining(",")),
                            day,
                            zone);
        }

        /** The body of {@code PUT /api/journal/wins/{id}}: the full new content (the id is in the path). */
        String correctionJson() {
            return """
                    {"text":"%s","focusArea":"%s","tags":[%s],"day":"%s","zone":"%s"}""".formatted(
                    text, focusArea, tags.stream().map(t -> '"' + t + '"').collect(Collectors.joining(",")), day, zone);
        }
    }

    record CheckIn(String user, String id, int mood, int energy, String window, String note, Instant at, String zone)
            implements Entry {

        @Override
        public LocalDate day() {
            return at.atZone(ZoneId.of(zone)).toLocalDate();
        }

        String json() {
            return """
                    {"checkInId":"%s","mood":%d,"energy":%d,"window":"%s",%s"at":"%s","zone":"%s"}""".formatted(id, mood, energy, window, note == null ? "" : "\"note\":\"" + note + "\",", at, zone);
        }

        /** The body of {@code PUT /api/journal/check-ins/{id}}: the full new values (no note removes it). */
        String correctionJson() {
            return """
                    {"mood":%d,"energy":%d,"window":"%s",%s"at":"%s","zone":"%s"}""".formatted(mood, energy, window, note == null ? "" : "\"note\":\"" + note + "\",", at, zone);
        }
    }

    /** A focus area and stage the command side accepted, and the ISO week (in the person's zone) it was chosen in. */
    record FocusChoice(String area, String stage, String week) {

        /** The body of {@code PUT /api/journal/focus}. */
        String json() {
            return """
                    {"area":"%s","stage":"%s"}""".formatted(area, stage);
        }
    }

    /** A weekly reflection the command side accepted, as sent. */
    record Reflection(String week, String answer, List<String> winIds, boolean proudOfShowingUp) {

        /** The body of {@code PUT /api/journal/reflections/{week}}. */
        String json() {
            return """
                    {%s"winIds":[%s],"proudOfShowingUp":%s}""".formatted(
                            answer == null ? "" : "\"answer\":\"" + answer + "\",",
                            winIds.stream().map(id -> '"' + id + '"').collect(Collectors.joining(",")),
                            proudOfShowingUp);
        }
    }

    /** Each person's focus choices, in the order accepted. */
    private final Map<String, List<FocusChoice>> focusByUser = new ConcurrentHashMap<>();
    /** Each person's reflections by week, the last accepted one of each week. */
    private final Map<String, Map<String, Reflection>> reflectionsByUser = new ConcurrentHashMap<>();

    /** Each person's entries as they stand now (retracted ones removed). */
    private final Map<String, Map<String, Entry>> byUser = new ConcurrentHashMap<>();
    /** Each entry's version ({@code user|id}), retracted ones too: 1 as logged, one more per correction or retraction. */
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    /** How many events each person's accepted commands recorded. */
    private final Map<String, Integer> eventsByUser = new ConcurrentHashMap<>();

    /** Records an entry the command side accepted (201). Accepting the same entry twice is a test error. */
    void accepted(Entry entry) {
        Entry before = byUser.computeIfAbsent(entry.user(), u -> new ConcurrentHashMap<>())
                .putIfAbsent(entry.id(), entry);
        if (before != null) {
            throw new IllegalStateException("entry " + entry.id() + " was accepted twice");
        }
        versions.put(entry.user() + "|" + entry.id(), 1);
        eventsByUser.merge(entry.user(), 1, Integer::sum);
    }

    /** Records a correction the command side accepted (200 with a new ETag): the entry's full new content. */
    void corrected(Entry entry) {
        Map<String, Entry> entries = byUser.get(entry.user());
        if (entries == null || entries.replace(entry.id(), entry) == null) {
            throw new IllegalStateException("correction of an entry that is not there: " + entry.id());
        }
        versions.merge(entry.user() + "|" + entry.id(), 1, Integer::sum);
        eventsByUser.merge(entry.user(), 1, Integer::sum);
    }

    /** Records a retraction the command side accepted (204). */
    void retracted(String user, String id) {
        if (byUser.getOrDefault(user, Map.of()).remove(id) == null) {
            throw new IllegalStateException("retraction of an entry that is not there: " + id);
        }
        versions.merge(user + "|" + id, 1, Integer::sum);
        eventsByUser.merge(user, 1, Integer::sum);
    }

    /**
     * Records an erasure the command side accepted (202): the person's entries are gone, their ids free again, and the
     * erasure is one more event of their journal, whose sequence goes on.
     */
    void erased(String user) {
        byUser.put(user, new ConcurrentHashMap<>());
        focusByUser.remove(user);
        reflectionsByUser.remove(user);
        versions.keySet().removeIf(key -> key.startsWith(user + "|"));
        eventsByUser.merge(user, 1, Integer::sum);
    }

    /** Records a focus area choice the command side accepted as a new event (one person's choices are sent one at a time). */
    void chose(String user, FocusChoice choice) {
        focusByUser
                .computeIfAbsent(user, u -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(choice);
        eventsByUser.merge(user, 1, Integer::sum);
    }

    /** The person's latest focus choice, if any. */
    java.util.Optional<FocusChoice> focus(String user) {
        List<FocusChoice> choices = focusByUser.getOrDefault(user, List.of());
        return choices.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(choices.get(choices.size() - 1));
    }

    /** Records a reflection the command side accepted as a new event: it replaces the week's previous one. */
    void reflected(String user, Reflection reflection) {
        reflectionsByUser.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(reflection.week(), reflection);
        eventsByUser.merge(user, 1, Integer::sum);
    }

    /** How many focus choices and reflections (current ones) all people have, for the summaries. */
    String practice() {
        return focusByUser.values().stream().mapToInt(List::size).sum() + " focus choices, "
                + reflectionsByUser.values().stream().mapToInt(Map::size).sum() + " weekly reflections";
    }

    /** The entry's current version (its ETag), as the command side must expect it in If-Match. */
    int version(Entry entry) {
        return versions.get(entry.user() + "|" + entry.id());
    }

    /** The person's entries as they stand now. */
    List<Entry> current(String user) {
        return List.copyOf(byUser.getOrDefault(user, Map.of()).values());
    }

    /** Every event the accepted commands recorded: entries logged, corrections and retractions. */
    int events() {
        return eventsByUser.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The entries shown now (retracted ones are not). */
    int entries() {
        return byUser.values().stream().mapToInt(Map::size).sum();
    }

    /** How many entries were corrected at least once, and how many retracted, for the summaries. */
    String changes() {
        long corrected = byUser.values().stream()
                .flatMap(m -> m.values().stream())
                .filter(e -> versions.get(e.user() + "|" + e.id()) > 1)
                .count();
        long retracted = versions.size() - entries();
        return corrected + " corrected, " + retracted + " retracted";
    }

    /** How many events this person's accepted commands recorded: their sequences are exactly 1..this. */
    int events(String user) {
        return eventsByUser.getOrDefault(user, 0);
    }

    int entries(String user) {
        return byUser.getOrDefault(user, Map.of()).size();
    }

    Set<String> users() {
        return byUser.keySet();
    }

    static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The ISO weeks in which this user has entries or a reflection. */
    Set<String> weeks(String user) {
        Set<String> weeks = byUser.getOrDefault(user, Map.of()).values().stream()
                .map(e -> week(e.day()))
                .collect(Collectors.toCollection(TreeSet::new));
        weeks.addAll(reflectionsByUser.getOrDefault(user, Map.of()).keySet());
        return weeks;
    }

    /** The person's wins in this week now, by id. */
    Map<String, Win> winsIn(String user, String week) {
        Map<String, Win> wins = new TreeMap<>();
        byUser.getOrDefault(user, Map.of()).values().stream()
                .filter(e -> e instanceof Win && week(e.day()).equals(week))
                .forEach(e -> wins.put(e.id(), (Win) e));
        return wins;
    }

    /**
     * Differences between the user's timeline (all pages, newest first) and this reference: missing, extra, repeated
     * or altered entries, a wrong version or corrected mark, and sequences that repeat or lie outside the person's
     * events 1..n.
     */
    List<String> timelineDifferences(String user, List<JsonNode> timeline) {
        List<String> differences = new ArrayList<>();
        Map<String, Entry> expected = byUser.getOrDefault(user, Map.of());
        Map<String, JsonNode> seen = new TreeMap<>();
        Set<Long> sequences = new TreeSet<>();
        String previousDay = null;
        for (JsonNode item : timeline) {
            String id = item.path("id").asString();
            if (seen.put(id, item) != null) {
                differences.add(user + ": entry " + id + " shown twice");
            }
            sequences.add(item.path("sequence").asLong());
            String day = item.path("day").asString();
            if (previousDay != null && day.compareTo(previousDay) > 0) {
                differences.add(user + ": timeline not newest first at " + id);
            }
            previousDay = day;
            Entry entry = expected.get(id);
            if (entry == null) {
                differences.add(user + ": unexpected entry " + id);
            } else if (!matches(entry, item)) {
                differences.add(user + ": entry " + id + " differs from what was sent");
            } else if (item.path("version").asInt() != version(entry)
                    || item.has("corrected") != version(entry) > 1
                    || (version(entry) > 1
                            && item.path("corrected").path("version").asInt() != version(entry))) {
                differences.add(user + ": entry " + id + " has version "
                        + item.path("version").asInt() + (item.has("corrected") ? " (corrected)" : "") + ", expected "
                        + version(entry));
            }
        }
        for (String id : expected.keySet()) {
            if (!seen.containsKey(id)) {
                differences.add(user + ": entry " + id + " missing");
            }
        }
        int events = eventsByUser.getOrDefault(user, 0);
        if (differences.isEmpty()
                && (sequences.size() != timeline.size() || sequences.stream().anyMatch(s -> s < 1 || s > events))) {
            differences.add(user + ": sequences repeat or lie outside 1.." + events);
        }
        return differences;
    }

    private static boolean matches(Entry entry, JsonNode item) {
        if (!item.path("day").asString().equals(entry.day().toString())) {
            return false;
        }
        if (entry instanceof Win win) {
            JsonNode w = item.path("win");
            return "WIN".equals(item.path("kind").asString())
                    && w.path("text").asString().equals(win.text())
                    && w.path("focusArea").asString().equals(win.focusArea())
                    && strings(w.path("tags")).equals(win.tags())
                    && item.path("zone").asString().equals(win.zone());
        }
        CheckIn checkIn = (CheckIn) entry;
        JsonNode c = item.path("checkIn");
        return "CHECK_IN".equals(item.path("kind").asString())
                && c.path("mood").asInt() == checkIn.mood()
                && c.path("energy").asInt() == checkIn.energy()
                && c.path("window").asString().equals(checkIn.window())
                && Objects.equals(
                        c.path("note").isMissingNode() ? null : c.path("note").asString(), checkIn.note())
                && item.path("occurredAt").asString().equals(checkIn.at().toString())
                && item.path("zone").asString().equals(checkIn.zone());
    }

    /** Differences between one week as served ({@code /api/trends/weeks/{week}}) and the sums of the sent entries. */
    List<String> weekDifferences(String user, String week, JsonNode served) {
        List<Entry> entries = byUser.getOrDefault(user, Map.of()).values().stream()
                .filter(e -> week(e.day()).equals(week))
                .toList();
        List<Win> wins = entries.stream()
                .filter(Win.class::isInstance)
                .map(Win.class::cast)
                .toList();
        List<CheckIn> checkIns = entries.stream()
                .filter(CheckIn.class::isInstance)
                .map(CheckIn.class::cast)
                .toList();
        List<String> differences = new ArrayList<>();
        String where = user + " " + week + ": ";
        expect(differences, where + "wins", wins.size(), served.path("wins").asInt());
        Map<String, Integer> areas = new TreeMap<>();
        wins.forEach(w -> areas.merge(w.focusArea(), 1, Integer::sum));
        expect(differences, where + "winsByFocusArea", areas, intMap(served.path("winsByFocusArea")));
        expect(
                differences,
                where + "checkIns",
                checkIns.size(),
                served.path("checkIns").asInt());
        Map<String, Integer> windows = new TreeMap<>(Map.of("HYPOAROUSED", 0, "WITHIN", 0, "HYPERAROUSED", 0));
        checkIns.forEach(c -> windows.merge(c.window(), 1, Integer::sum));
        expect(differences, where + "windowOfTolerance", windows, intMap(served.path("windowOfTolerance")));
        if (checkIns.isEmpty()) {
            expect(differences, where + "mood present", false, served.has("mood"));
        } else {
            expect(
                    differences,
                    where + "mood.average",
                    round(checkIns.stream().mapToInt(CheckIn::mood).average().orElseThrow()),
                    served.path("mood").path("average").asDouble());
            expect(
                    differences,
                    where + "mood.min",
                    checkIns.stream().mapToInt(CheckIn::mood).min().orElseThrow(),
                    served.path("mood").path("min").asInt());
            expect(
                    differences,
                    where + "mood.max",
                    checkIns.stream().mapToInt(CheckIn::mood).max().orElseThrow(),
                    served.path("mood").path("max").asInt());
            expect(
                    differences,
                    where + "energyAverage",
                    round(checkIns.stream().mapToInt(CheckIn::energy).average().orElseThrow()),
                    served.path("energyAverage").asDouble());
        }
        expect(
                differences,
                where + "daysShownUp",
                entries.stream().map(Entry::day).distinct().count(),
                served.path("daysShownUp").asLong());
        Set<String> winIds = new TreeSet<>();
        served.path("winsOfTheWeek").forEach(w -> winIds.add(w.path("id").asString()));
        expect(
                differences,
                where + "winsOfTheWeek",
                wins.stream().map(Win::id).collect(Collectors.toCollection(TreeSet::new)),
                winIds);
        expect(
                differences,
                where + "winsOfTheWeek size",
                wins.size(),
                served.path("winsOfTheWeek").size());
        practiceDifferences(differences, where, user, week, wins, served);
        return differences;
    }

    /**
     * The focus area and stage at the end of the week (the latest choice made in it or before; none before the first),
     * the week's wins in that area, and the week's reflection as last sent: its answer, the affirmation, and the chosen
     * wins that are still this week's wins, in the order chosen, with their current text.
     */
    private void practiceDifferences(
            List<String> differences, String where, String user, String week, List<Win> wins, JsonNode served) {
        FocusChoice focus = null;
        for (FocusChoice choice : List.copyOf(focusByUser.getOrDefault(user, List.of()))) {
            if (choice.week().compareTo(week) <= 0) {
                focus = choice; // choices are in the order accepted: the last one made by the week's end
            }
        }
        if (focus == null) {
            expect(differences, where + "focus present", false, served.has("focus"));
            expect(differences, where + "winsInFocusArea present", false, served.has("winsInFocusArea"));
        } else {
            expect(
                    differences,
                    where + "focus",
                    focus.area() + "/" + focus.stage() + "/" + focus.week(),
                    served.path("focus").path("area").asString() + "/"
                            + served.path("focus").path("stage").asString() + "/"
                            + served.path("focus").path("since").asString());
            String area = focus.area();
            expect(
                    differences,
                    where + "winsInFocusArea",
                    wins.stream().filter(w -> w.focusArea().equals(area)).count(),
                    served.path("winsInFocusArea").isNumber()
                            ? served.path("winsInFocusArea").asLong()
                            : null);
        }
        Reflection reflection = reflectionsByUser.getOrDefault(user, Map.of()).get(week);
        if (reflection == null) {
            expect(differences, where + "reflection present", false, served.has("reflection"));
            return;
        }
        JsonNode r = served.path("reflection");
        expect(
                differences,
                where + "reflection.answer",
                reflection.answer(),
                r.path("answer").isMissingNode() ? null : r.path("answer").asString());
        expect(
                differences,
                where + "reflection.proudOfShowingUp",
                reflection.proudOfShowingUp(),
                r.path("proudOfShowingUp").isBoolean()
                        ? r.path("proudOfShowingUp").asBoolean()
                        : null);
        Map<String, Win> now = wins.stream().collect(Collectors.toMap(Win::id, w -> w));
        List<String> expected = reflection.winIds().stream()
                .filter(now::containsKey)
                .map(id -> id + ":" + now.get(id).text())
                .toList();
        List<String> shown = new ArrayList<>();
        r.path("chosenWins")
                .forEach(w ->
                        shown.add(w.path("id").asString() + ":" + w.path("text").asString()));
        expect(differences, where + "reflection.chosenWins", expected, shown);
    }

    private static void expect(List<String> differences, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + " expected " + expected + " but was " + actual);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static Map<String, Integer> intMap(JsonNode object) {
        Map<String, Integer> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asInt()));
        return map;
    }
}
