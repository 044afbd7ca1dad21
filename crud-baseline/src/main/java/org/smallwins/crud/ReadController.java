package org.smallwins.crud;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.week.Weeks;
import org.smallwins.platform.InvalidQueryException;
import org.smallwins.platform.RequestedWeeks;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.threeten.extra.YearWeek;
import tools.jackson.core.type.TypeReference;

/** The same reads as the query service (timeline with keyset cursor, weekly trends), served by SQL over the rows. */
@RestController
class ReadController {

    private static final Set<String> KINDS = Set.of("WIN", "CHECK_IN");
    private static final Pattern CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\|[0-9T:.Z-]{24}\\|\\d{12}");
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String COLUMNS =
            "id, entry_id, kind, day, occurred_at, zone, text, focus_area, tags, mood, energy, tolerance_window, note";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReadController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping(path = "/api/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    ReadShapes.TimelinePage timeline(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String cursor) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidQueryException("kind", "kind.unknown", "Use WIN or CHECK_IN.");
        }
        if (limit < 1 || limit > 100) {
            throw new InvalidQueryException("limit", "limit.range", "Use a page size from 1 to 100.");
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidQueryException("to", "to.before-from", "The last day cannot be before the first day.");
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crud_entry WHERE user_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.getSubject()));
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add("WIN".equals(kind) ? "W" : "C");
        }
        if (fromDay != null) {
            sql.append(" AND day >= ?");
            args.add(fromDay);
        }
        if (toDay != null) {
            sql.append(" AND day <= ?");
            args.add(toDay);
        }
        if (cursor != null) {
            String[] key = decodeCursor(cursor).split("\\|");
            sql.append(" AND (day, occurred_at, id) < (?, ?, ?)");
            args.add(LocalDate.parse(key[0]));
            args.add(Timestamp.from(Instant.parse(key[1])));
            args.add(Long.parseLong(key[2]));
        }
        sql.append(" ORDER BY day DESC, occurred_at DESC, id DESC LIMIT ?");
        args.add(limit + 1);
        List<Row> rows = jdbc.query(sql.toString(), ReadController::row, args.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((last.day + "|"
                                    + MILLIS.format(last.occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                                    + "|" + String.format("%012d", last.id))
                            .getBytes(StandardCharsets.UTF_8));
        }
        return new ReadShapes.TimelinePage(rows.stream().map(Row::toEntry).toList(), next);
    }

    @GetMapping(path = "/api/trends/weeks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReadShapes.WeekTrend> series(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(defaultValue = "12") int count,
            @RequestParam(required = false) String until) {
        if (count < 1 || count > 104) {
            throw new InvalidQueryException("count", "count.range", "Use 1 to 104 weeks.");
        }
        List<YearWeek> weeks = Weeks.ending(
                until == null ? currentWeek(caller.getSubject()) : RequestedWeeks.parse("until", until), count);
        List<Row> rows = jdbc.query(
                "SELECT " + COLUMNS + " FROM crud_entry WHERE user_id = ? AND day BETWEEN ? AND ?",
                ReadController::row,
                caller.getSubject(),
                weeks.get(0).atDay(MONDAY),
                weeks.get(weeks.size() - 1).atDay(SUNDAY));
        Map<String, List<Row>> byWeek = new TreeMap<>();
        for (Row r : rows) {
            byWeek.computeIfAbsent(YearWeek.from(r.day).toString(), w -> new ArrayList<>())
                    .add(r);
        }
        List<ReadShapes.WeekTrend> series = new ArrayList<>(count);
        for (YearWeek week : weeks) {
            series.add(trend(week, byWeek.getOrDefault(week.toString(), List.of()), false));
        }
        return series;
    }

    @GetMapping(path = "/api/trends/weeks/{week}", produces = MediaType.APPLICATION_JSON_VALUE)
    ReadShapes.WeekTrend week(@AuthenticationPrincipal Jwt caller, @PathVariable String week) {
        YearWeek named = RequestedWeeks.named("week", week, () -> currentWeek(caller.getSubject()));
        List<Row> rows = jdbc.query(
                "SELECT " + COLUMNS + " FROM crud_entry WHERE user_id = ? AND day BETWEEN ? AND ?",
                ReadController::row,
                caller.getSubject(),
                named.atDay(MONDAY),
                named.atDay(SUNDAY));
        return trend(named, rows, true);
    }

    private YearWeek currentWeek(String userId) {
        List<String> zones = jdbc.queryForList(
                "SELECT zone FROM crud_entry WHERE user_id = ? ORDER BY id DESC LIMIT 1", String.class, userId);
        ZoneId zone = zones.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zones.get(0));
        return Weeks.current(clock, zone);
    }

    private static ReadShapes.WeekTrend trend(YearWeek week, List<Row> rows, boolean withWins) {
        int wins = 0;
        int checkIns = 0;
        int moodSum = 0;
        int moodMin = Integer.MAX_VALUE;
        int moodMax = Integer.MIN_VALUE;
        int energySum = 0;
        Map<String, Integer> areaCounts = new java.util.HashMap<>();
        Map<String, Integer> windows = new LinkedHashMap<>();
        for (ToleranceWindow w : ToleranceWindow.values()) {
            windows.put(w.name(), 0);
        }
        Set<LocalDate> days = new HashSet<>();
        List<Row> winRows = new ArrayList<>();
        for (Row r : rows) {
            days.add(r.day);
            if ("W".equals(r.kind)) {
                wins++;
                areaCounts.merge(r.focusArea, 1, Integer::sum);
                winRows.add(r);
            } else {
                checkIns++;
                moodSum += r.mood;
                moodMin = Math.min(moodMin, r.mood);
                moodMax = Math.max(moodMax, r.mood);
                energySum += r.energy;
                windows.merge(r.window, 1, Integer::sum);
            }
        }
        Map<String, Integer> areas = new LinkedHashMap<>();
        for (FocusArea area : FocusArea.values()) {
            Integer n = areaCounts.get(area.name());
            if (n != null) {
                areas.put(area.name(), n);
            }
        }
        ReadShapes.Mood mood = null;
        Double energy = null;
        if (checkIns > 0) {
            mood = new ReadShapes.Mood(round(moodSum / (double) checkIns), moodMin, moodMax);
            energy = round(energySum / (double) checkIns);
        }
        List<ReadShapes.WeekWin> winList = null;
        if (withWins) {
            winList = winRows.stream()
                    .sorted(Comparator.comparing((Row r) -> r.day)
                            .thenComparing(r -> r.occurredAt)
                            .thenComparing(r -> r.id))
                    .map(r -> new ReadShapes.WeekWin(r.entryId, r.day.toString(), r.text, r.focusArea, r.tags()))
                    .toList();
        }
        return new ReadShapes.WeekTrend(
                week.toString(),
                week.atDay(MONDAY).toString(),
                week.atDay(SUNDAY).toString(),
                wins,
                areas,
                checkIns,
                mood,
                energy,
                windows,
                days.size(),
                winList,
                "I'm proud of myself for showing up.");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, field + ".format", "Use an ISO date such as 2026-11-23.");
        }
    }

    private static String decodeCursor(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CURSOR.matcher(key).matches()) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidQueryException("cursor", "cursor.invalid", "Use the nextCursor of a previous page.");
    }

    private record Row(
            long id,
            String entryId,
            String kind,
            LocalDate day,
            Instant occurredAt,
            String zone,
            String text,
            String focusArea,
            String tagsJson,
            Integer mood,
            Integer energy,
            String window,
            String note) {

        List<String> tags() {
            return tagsJson == null
                    ? List.of()
                    : CrudJournal.JSON.readValue(tagsJson, new TypeReference<List<String>>() {});
        }

        ReadShapes.TimelineEntry toEntry() {
            boolean isWin = "W".equals(kind);
            return new ReadShapes.TimelineEntry(
                    entryId,
                    isWin ? "WIN" : "CHECK_IN",
                    day.toString(),
                    occurredAt,
                    zone,
                    id,
                    isWin ? new ReadShapes.Win(text, focusArea, tags()) : null,
                    isWin ? null : new ReadShapes.CheckIn(mood, energy, window, note));
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("entry_id"),
                rs.getString("kind"),
                rs.getObject("day", LocalDate.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("zone"),
                rs.getString("text"),
                rs.getString("focus_area"),
                rs.getString("tags"),
                (Integer) rs.getObject("mood"),
                (Integer) rs.getObject("energy"),
                rs.getString("tolerance_window"),
                rs.getString("note"));
    }
}
