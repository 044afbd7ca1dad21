package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallwins.stack.PortabilityAndErasureEndToEndTest.JSON;
import static org.smallwins.stack.PortabilityAndErasureEndToEndTest.send;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's "done when", tried as a new user would, over HTTP only, on the whole stack: choose BOUNDARIES at
 * CONTEMPLATION, later move to ACTION; log wins and check-ins over eight weeks (back-dated, as a person catching up
 * would) with two heavier weeks; write two reflections choosing five wins each. The week views and the patterns show
 * exactly what was sent, the heavier weeks list their wins, "what seems to help" appears only once there are three
 * weeks on each side, and another person sees none of it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PracticeEndToEndTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        Path.of("target", "practice-" + System.currentTimeMillis())
                                .toAbsolutePath(),
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        // eight weeks of one person's entries are sent within seconds: past the per-person write burst
                        List.of(
                                "-Xmx384m",
                                "-XX:TieredStopAtLevel=1",
                                "-Dsmallwins.http.writes-per-minute=1000000",
                                "-Dsmallwins.http.write-burst=100000")),
                step -> {});
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    record Win(String id, LocalDate day, String area, String text) {}

    record CheckIn(LocalDate day, int mood, int energy, String window) {}

    /** A person's journal over HTTP, and what was sent to it, week by week. */
    static final class Journal {
        final String token;
        long sequence;
        final Map<String, List<Win>> wins = new LinkedHashMap<>();
        final Map<String, List<CheckIn>> checkIns = new LinkedHashMap<>();
        final List<String> reflected = new ArrayList<>();

        Journal(String token) {
            this.token = token;
        }

        HttpResponse<String> command(String method, String path, String body, String... headers) throws Exception {
            HttpResponse<String> response = send(stack.commandServiceUrl(), method, path, token, body, headers);
            response.headers()
                    .firstValue("Journal-Sequence")
                    .ifPresent(s -> sequence = Math.max(sequence, Long.parseLong(s)));
            return response;
        }

        JsonNode query(String path) throws Exception {
            String separator = path.contains("?") ? "&" : "?";
            HttpResponse<String> response =
                    send(stack.queryServiceUrl(), "GET", path + separator + "after=" + sequence, token, null);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        void win(String id, LocalDate day, String area, String text) throws Exception {
            HttpResponse<String> logged = command("POST", "/api/journal/wins", """
                    {"winId":"%s","text":"%s","focusArea":"%s","day":"%s","zone":"Europe/Berlin"}""".formatted(id, text, area, day));
            assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
            wins.computeIfAbsent(week(day), w -> new ArrayList<>()).add(new Win(id, day, area, text));
        }

        void checkIn(LocalDate day, int mood, int energy, String window) throws Exception {
            String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
            String at =
                    day.atTime(LocalTime.of(7, 30)).atZone(BERLIN).toInstant().toString();
            HttpResponse<String> recorded =
                    command("POST", "/api/journal/check-ins", """
                    {"checkInId":"%s","mood":%d,"energy":%d,"window":"%s","at":"%s","zone":"Europe/Berlin"}""".formatted(id, mood, energy, window, at));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
            checkIns.computeIfAbsent(week(day), w -> new ArrayList<>()).add(new CheckIn(day, mood, energy, window));
        }

        void focus(String area, String stage) throws Exception {
            HttpResponse<String> chosen = command("PUT", "/api/journal/focus", """
                    {"area":"%s","stage":"%s","zone":"Europe/Berlin"}""".formatted(area, stage));
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            assertThat(JSON.readTree(chosen.body()).path("outcome").asString()).isEqualTo("RECORDED");
        }

        HttpResponse<String> reflection(String week, String body) throws Exception {
            return command("PUT", "/api/journal/reflections/" + week, body);
        }

        /** What the patterns must show for a week, from what was sent. */
        void assertWeekShowsWhatWasSent(JsonNode shown) {
            String week = shown.path("week").asString();
            List<Win> sentWins = wins.getOrDefault(week, List.of());
            List<CheckIn> sentCheckIns = checkIns.getOrDefault(week, List.of());
            TreeSet<LocalDate> days = new TreeSet<>();
            sentWins.forEach(w -> days.add(w.day()));
            sentCheckIns.forEach(c -> days.add(c.day()));
            assertThat(shown.path("wins").asInt()).as(week + " wins").isEqualTo(sentWins.size());
            assertThat(shown.path("checkIns").asInt()).as(week + " check-ins").isEqualTo(sentCheckIns.size());
            assertThat(shown.path("daysShownUp").asInt()).as(week + " days").isEqualTo(days.size());
            assertThat(shown.path("reflectionWritten").asBoolean())
                    .as(week + " reflection")
                    .isEqualTo(reflected.contains(week));
            if (sentCheckIns.isEmpty()) {
                assertThat(shown.has("moodAverage")).as(week + " mood").isFalse();
                assertThat(shown.has("energyAverage")).as(week + " energy").isFalse();
                assertThat(shown.has("shareWithinWindow")).as(week + " window").isFalse();
            } else {
                double n = sentCheckIns.size();
                assertThat(shown.path("moodAverage").asDouble())
                        .as(week + " mood")
                        .isEqualTo(round(
                                sentCheckIns.stream().mapToInt(CheckIn::mood).sum() / n));
                assertThat(shown.path("energyAverage").asDouble())
                        .as(week + " energy")
                        .isEqualTo(round(
                                sentCheckIns.stream().mapToInt(CheckIn::energy).sum() / n));
                assertThat(shown.path("shareWithinWindow").asDouble())
                        .as(week + " window")
                        .isEqualTo(round(sentCheckIns.stream()
                                        .filter(c -> c.window().equals("WITHIN"))
                                        .count()
                                / n));
            }
        }

        List<String> textsOf(List<String> ids) {
            List<String> texts = new ArrayList<>();
            for (String id : ids) {
                wins.values().stream()
                        .flatMap(List::stream)
                        .filter(w -> w.id().equals(id))
                        .forEach(w -> texts.add(w.text()));
            }
            return texts;
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node ->
                values.add(field == null ? node.asString() : node.path(field).asString()));
        return values;
    }

    static JsonNode comparison(JsonNode patterns, String area) {
        for (JsonNode comparison : patterns.path("whatSeemsToHelp")) {
            if (comparison.path("focusArea").asString().equals(area)) {
                return comparison;
            }
        }
        throw new AssertionError("no comparison for " + area + " in " + patterns);
    }

    @Test
    void the_whole_practice_over_eight_weeks_shows_exactly_what_was_sent_and_only_to_its_owner() throws Exception {
        Journal ada = new Journal(stack.tokens().mint("ada-" + UUID.randomUUID()));
        Journal ben = new Journal(stack.tokens().mint("ben-" + UUID.randomUUID()));
        LocalDate today = LocalDate.now(BERLIN);
        // k weeks ago, on a given weekday (always in the past for k >= 1)
        java.util.function.BiFunction<Integer, DayOfWeek, LocalDate> on =
                (k, day) -> today.minusWeeks(k).with(day);
        String thisWeek = week(today);

        // Choose a focus area where one is: thinking about boundaries.
        ada.focus("BOUNDARIES", "CONTEMPLATION");

        // Seven weeks ago: two boundaries wins, a steady check-in.
        ada.win("b1", on.apply(7, DayOfWeek.TUESDAY), "BOUNDARIES", "Today I said no to an extra shift");
        ada.win("b2", on.apply(7, DayOfWeek.THURSDAY), "BOUNDARIES", "Today I left the call on time");
        ada.checkIn(on.apply(7, DayOfWeek.TUESDAY), 4, 3, "WITHIN");
        // Six weeks ago: a heavier week (mood average exactly 2.5) that still held two wins.
        ada.win("r1", on.apply(6, DayOfWeek.MONDAY), "REST", "Today I napped");
        ada.win("b3", on.apply(6, DayOfWeek.WEDNESDAY), "BOUNDARIES", "Today I muted the group chat");
        ada.checkIn(on.apply(6, DayOfWeek.MONDAY), 2, 2, "WITHIN");
        ada.checkIn(on.apply(6, DayOfWeek.FRIDAY), 3, 2, "WITHIN");
        // Five weeks ago: six wins, a good check-in.
        ada.win("b4", on.apply(5, DayOfWeek.MONDAY), "BOUNDARIES", "Today I asked for the weekend off");
        ada.win("b5", on.apply(5, DayOfWeek.TUESDAY), "BOUNDARIES", "Today I did not answer at midnight");
        ada.win("b6", on.apply(5, DayOfWeek.TUESDAY), "BOUNDARIES", "Today I kept my lunch break");
        ada.win("r2", on.apply(5, DayOfWeek.WEDNESDAY), "REST", "Today I rested without guilt");
        ada.win("r3", on.apply(5, DayOfWeek.SATURDAY), "REST", "Today I slept in");
        ada.win("s1", on.apply(5, DayOfWeek.SUNDAY), "SELF_COMPASSION", "Today I forgave myself for the mess");
        ada.checkIn(on.apply(5, DayOfWeek.WEDNESDAY), 4, 4, "WITHIN");
        // Four weeks ago: one rest win.
        ada.win("r4", on.apply(4, DayOfWeek.THURSDAY), "REST", "Today I read in the bath");
        ada.checkIn(on.apply(4, DayOfWeek.THURSDAY), 3, 3, "WITHIN");

        // The first reflection: five of that week's six wins, in the order chosen.
        String fiveWeeksAgo = week(on.apply(5, DayOfWeek.MONDAY));
        List<String> firstFive = List.of("b5", "r2", "b4", "s1", "r3");
        String first = """
                {"answer":"By saying no before I was exhausted","winIds":["b5","r2","b4","s1","r3"],
                 "proudOfShowingUp":true}""";
        HttpResponse<String> written = ada.reflection(fiveWeeksAgo, first);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(JSON.readTree(written.body()).path("outcome").asString()).isEqualTo("RECORDED");
        ada.reflected.add(fiveWeeksAgo);
        HttpResponse<String> again = ada.reflection(fiveWeeksAgo, first);
        assertThat(JSON.readTree(again.body()).path("outcome").asString()).isEqualTo("ALREADY_RECORDED");

        // Not enough weeks yet: boundaries has two weeks on each side, and says so instead of comparing.
        JsonNode before = ada.query("/api/patterns?weeks=8");
        JsonNode boundariesBefore = comparison(before, "BOUNDARIES");
        assertThat(boundariesBefore.path("shown").asBoolean()).isFalse();
        assertThat(boundariesBefore.path("withTwoOrMoreWins").path("weeks").asInt())
                .isEqualTo(2);
        assertThat(boundariesBefore
                        .path("withTwoOrMoreWins")
                        .path("moreWeeksNeeded")
                        .asInt())
                .isOne();
        assertThat(boundariesBefore.path("withFewerWins").path("weeks").asInt()).isEqualTo(2);
        assertThat(boundariesBefore
                        .path("withFewerWins")
                        .path("moreWeeksNeeded")
                        .asInt())
                .isOne();
        assertThat(boundariesBefore.path("withTwoOrMoreWins").has("moodAverage"))
                .isFalse();
        assertThat(boundariesBefore.path("sentence").asString())
                .isEqualTo("A comparison for boundaries appears after 1 more week with check-ins and 2 or more"
                        + " boundaries wins and 1 more week with check-ins and fewer boundaries wins.");
        assertThat(before.path("weeks").get(7).path("stage").asString()).isEqualTo("CONTEMPLATION");

        // Three weeks ago: a heavier week (check-ins mostly outside the window) with three wins.
        ada.win("b7", on.apply(3, DayOfWeek.MONDAY), "BOUNDARIES", "Today I told my sister I need a day");
        ada.win("b8", on.apply(3, DayOfWeek.WEDNESDAY), "BOUNDARIES", "Today I said I would think about it");
        ada.win("s2", on.apply(3, DayOfWeek.WEDNESDAY), "SELF_COMPASSION", "Today I named the feeling");
        ada.checkIn(on.apply(3, DayOfWeek.MONDAY), 3, 2, "HYPERAROUSED");
        ada.checkIn(on.apply(3, DayOfWeek.TUESDAY), 3, 1, "HYPOAROUSED");
        ada.checkIn(on.apply(3, DayOfWeek.THURSDAY), 4, 3, "WITHIN");
        // Two weeks ago: quiet. Last week: five wins.
        ada.win("b9", on.apply(1, DayOfWeek.MONDAY), "BOUNDARIES", "Today I left work at five");
        ada.win("r5", on.apply(1, DayOfWeek.TUESDAY), "REST", "Today I took a slow walk");
        ada.win("r6", on.apply(1, DayOfWeek.WEDNESDAY), "REST", "Today I went to bed early");
        ada.win("r7", on.apply(1, DayOfWeek.FRIDAY), "REST", "Today I lay in the sun");
        ada.win("r8", on.apply(1, DayOfWeek.SUNDAY), "REST", "Today I did nothing on purpose");
        ada.checkIn(on.apply(1, DayOfWeek.SUNDAY), 3, 2, "WITHIN");
        // This week: one boundaries win today, and the move to action.
        ada.win("t1", today, "BOUNDARIES", "Today I asked for what I need");
        ada.focus("BOUNDARIES", "ACTION");
        // A correction in a heavier week: the patterns show the win as it is now.
        HttpResponse<String> corrected = ada.command(
                "PUT", "/api/journal/wins/b3", """
                {"text":"Today I muted the group chat for the evening","focusArea":"BOUNDARIES","tags":[],"day":"%s",
                 "zone":"Europe/Berlin"}""".formatted(on.apply(6, DayOfWeek.WEDNESDAY)), "If-Match", "\"1\"");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        ada.wins
                .get(week(on.apply(6, DayOfWeek.WEDNESDAY)))
                .set(
                        1,
                        new Win(
                                "b3",
                                on.apply(6, DayOfWeek.WEDNESDAY),
                                "BOUNDARIES",
                                "Today I muted the group chat for the evening"));

        // The second reflection: all five of last week's wins, no answer.
        String lastWeek = week(on.apply(1, DayOfWeek.MONDAY));
        List<String> secondFive = List.of("r8", "b9", "r5", "r7", "r6");
        HttpResponse<String> second = ada.reflection(lastWeek, """
                {"winIds":["r8","b9","r5","r7","r6"],"proudOfShowingUp":true}""");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        ada.reflected.add(lastWeek);

        // The week views: each reflection with its five wins in the order chosen, as they are now.
        JsonNode reflectedWeek = ada.query("/api/trends/weeks/" + fiveWeeksAgo);
        assertThat(reflectedWeek.path("wins").asInt()).isEqualTo(6);
        assertThat(reflectedWeek.path("reflection").path("answer").asString())
                .isEqualTo("By saying no before I was exhausted");
        assertThat(reflectedWeek.path("reflection").path("proudOfShowingUp").asBoolean())
                .isTrue();
        assertThat(values(reflectedWeek.path("reflection").path("chosenWins"), "id"))
                .containsExactlyElementsOf(firstFive);
        assertThat(values(reflectedWeek.path("reflection").path("chosenWins"), "text"))
                .containsExactlyElementsOf(ada.textsOf(firstFive));
        assertThat(reflectedWeek.path("closingLine").asString()).isEqualTo("I'm proud of myself for showing up.");
        assertThat(reflectedWeek.has("focus"))
                .as("the focus was chosen in a later week")
                .isFalse();
        JsonNode lastWeekView = ada.query("/api/trends/weeks/" + lastWeek);
        assertThat(lastWeekView.path("reflection").has("answer")).isFalse();
        assertThat(values(lastWeekView.path("reflection").path("chosenWins"), "id"))
                .containsExactlyElementsOf(secondFive);
        assertThat(values(lastWeekView.path("reflection").path("chosenWins"), "text"))
                .containsExactlyElementsOf(ada.textsOf(secondFive));
        JsonNode thisWeekView = ada.query("/api/trends/weeks/current");
        assertThat(thisWeekView.path("week").asString()).isEqualTo(thisWeek);
        assertThat(thisWeekView.path("focus").path("area").asString()).isEqualTo("BOUNDARIES");
        assertThat(thisWeekView.path("focus").path("stage").asString()).isEqualTo("ACTION");
        assertThat(thisWeekView.path("winsInFocusArea").asInt()).isOne();

        // The patterns over the eight weeks, oldest first, each week exactly as sent.
        JsonNode patterns = ada.query("/api/patterns?weeks=8");
        JsonNode weeks = patterns.path("weeks");
        assertThat(weeks).hasSize(8);
        for (int k = 7; k >= 0; k--) {
            assertThat(weeks.get(7 - k).path("week").asString()).isEqualTo(week(today.minusWeeks(k)));
        }
        weeks.forEach(ada::assertWeekShowsWhatWasSent);
        JsonNode quiet = weeks.get(5);
        assertThat(quiet.path("wins").asInt()).isZero();
        assertThat(quiet.path("daysShownUp").asInt()).isZero();
        assertThat(weeks.get(6).has("focusArea"))
                .as("before the first choice's week")
                .isFalse();
        assertThat(weeks.get(7).path("focusArea").asString()).isEqualTo("BOUNDARIES");
        assertThat(weeks.get(7).path("stage").asString()).isEqualTo("ACTION");
        assertThat(weeks.get(7).path("winsInFocusArea").asInt()).isOne();

        // The two heavier weeks, each with the wins it held, as they are now.
        JsonNode hard = patterns.path("hardWeeks");
        assertThat(values(hard, "week")).containsExactly(week(today.minusWeeks(6)), week(today.minusWeeks(3)));
        assertThat(values(hard.get(0).path("because"), null)).containsExactly("MOOD_AVERAGE_2_5_OR_LOWER");
        assertThat(hard.get(0).path("moodAverage").asDouble()).isEqualTo(2.5);
        assertThat(values(hard.get(0).path("winsLogged"), "id")).containsExactly("r1", "b3");
        assertThat(values(hard.get(0).path("winsLogged"), "text"))
                .containsExactly("Today I napped", "Today I muted the group chat for the evening");
        assertThat(hard.get(0).path("summary").asString()).isEqualTo("2 wins in a heavier week");
        assertThat(values(hard.get(1).path("because"), null)).containsExactly("CHECK_INS_MOSTLY_OUTSIDE_THE_WINDOW");
        assertThat(values(hard.get(1).path("winsLogged"), "id")).containsExactly("b7", "b8", "s2");
        assertThat(hard.get(1).path("summary").asString()).isEqualTo("3 wins in a heavier week");

        // Now three weeks on each side: what seems to help appears, as a comparison of weeks, with no cause claimed.
        JsonNode boundaries = comparison(patterns, "BOUNDARIES");
        assertThat(boundaries.path("shown").asBoolean()).isTrue();
        assertThat(boundaries.path("withTwoOrMoreWins").path("weeks").asInt()).isEqualTo(3);
        assertThat(boundaries.path("withFewerWins").path("weeks").asInt()).isEqualTo(3);
        // weeks with two or more: 4.0, 4.0, 3.33 → 3.78; with fewer: 2.5, 3.0, 3.0 → 2.83
        assertThat(boundaries.path("withTwoOrMoreWins").path("moodAverage").asDouble())
                .isEqualTo(3.78);
        assertThat(boundaries.path("withFewerWins").path("moodAverage").asDouble())
                .isEqualTo(2.83);
        assertThat(boundaries.path("sentence").asString())
                .isEqualTo("Weeks with 2 or more boundaries wins had a mood average of 3.78; weeks with fewer had"
                        + " 2.83. This compares your own weeks and does not say why.");
        assertThat(comparison(patterns, "REST").path("shown").asBoolean()).isFalse();
        assertThat(comparison(patterns, "REST")
                        .path("withTwoOrMoreWins")
                        .path("moreWeeksNeeded")
                        .asInt())
                .isOne();
        assertThat(values(patterns.path("whatSeemsToHelp"), "focusArea"))
                .containsExactly("REST", "BOUNDARIES", "SELF_COMPASSION");

        // The focus over time: both choices, in the week they were made.
        assertThat(values(patterns.path("focusOverTime"), "stage")).containsExactly("CONTEMPLATION", "ACTION");
        assertThat(values(patterns.path("focusOverTime"), "week")).containsExactly(thisWeek, thisWeek);

        // No word the product avoids.
        String said = patterns.toString().toLowerCase(java.util.Locale.ROOT);
        assertThat(said).doesNotContain("missed", "failed", "streak", "grade", "behind");

        // Another person sees none of it: their patterns are empty (not a 404), their weeks are quiet, and Ada's win
        // ids
        // are no wins of theirs to reflect on.
        JsonNode his = ben.query("/api/patterns");
        assertThat(his.path("weeks")).hasSize(12);
        his.path("weeks").forEach(w -> {
            assertThat(w.path("wins").asInt()).isZero();
            assertThat(w.path("checkIns").asInt()).isZero();
            assertThat(w.path("reflectionWritten").asBoolean()).isFalse();
            assertThat(w.has("focusArea")).isFalse();
        });
        assertThat(his.path("hardWeeks")).isEmpty();
        assertThat(his.path("whatSeemsToHelp")).isEmpty();
        assertThat(his.path("focusOverTime")).isEmpty();
        JsonNode hisWeek = ben.query("/api/trends/weeks/" + fiveWeeksAgo);
        assertThat(hisWeek.path("wins").asInt()).isZero();
        assertThat(hisWeek.has("reflection")).isFalse();
        assertThat(his.toString() + hisWeek)
                .doesNotContain("b5")
                .doesNotContain("exhausted")
                .doesNotContain("guilt");
        HttpResponse<String> notHis = ben.reflection(fiveWeeksAgo, """
                {"winIds":["b5"],"proudOfShowingUp":true,"zone":"Europe/Berlin"}""");
        assertThat(notHis.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(notHis.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("winIds[0]");
        assertThat(notHis.body()).doesNotContain("b5");
    }
}
