package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallwins.stack.PortabilityAndErasureEndToEndTest.JSON;
import static org.smallwins.stack.PortabilityAndErasureEndToEndTest.send;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's "done when", tried as a new user would, over HTTP only, on the whole stack: log a win, correct its text
 * and move it to last week, retract a check-in; the timeline, both weeks and the history show exactly that; a stale
 * {@code If-Match} gets 412; another person's entry id gets 404; the hash chain verifies. (That an altered stored event
 * breaks the chain is shown on the real broker by {@code SealedEventsProjectionTest}.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryEndToEndTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        Path.of("target", "history-" + System.currentTimeMillis())
                                .toAbsolutePath(),
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> command(String method, String path, String token, String body, String... headers)
            throws Exception {
        return send(stack.commandServiceUrl(), method, path, token, body, headers);
    }

    static HttpResponse<String> query(String path, String token, long after) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        return send(stack.queryServiceUrl(), "GET", path + separator + "after=" + after, token, null);
    }

    static long sequenceOf(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Journal-Sequence").orElseThrow());
    }

    static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    void a_corrected_and_moved_win_and_a_retracted_check_in_show_exactly_that_everywhere() throws Exception {
        String ada = stack.tokens().mint("ada-" + UUID.randomUUID());
        String ben = stack.tokens().mint("ben-" + UUID.randomUUID());
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate lastWeek = today.minusDays(7);

        HttpResponse<String> logged = command("POST", "/api/journal/wins", ada, """
                {"winId":"w1","text":"Today I rested without guilt","focusArea":"REST","zone":"Europe/Berlin"}""");
        assertThat(logged.statusCode()).isEqualTo(201);
        HttpResponse<String> checkedIn = command("POST", "/api/journal/check-ins", ada, """
                {"checkInId":"c1","mood":2,"energy":2,"window":"HYPOAROUSED","zone":"Europe/Berlin"}""");
        assertThat(checkedIn.statusCode()).isEqualTo(201);
        HttpResponse<String> one = query("/api/timeline/w1", ada, sequenceOf(checkedIn));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("ETag")).contains("\"1\"");

        // Correct the text and move the win to last week.
        String correction = """
                {"text":"Today I rested, without any guilt","focusArea":"SELF_COMPASSION","tags":["evening"],
                 "day":"%s","zone":"Europe/Berlin"}""".formatted(lastWeek);
        HttpResponse<String> corrected = command("PUT", "/api/journal/wins/w1", ada, correction, "If-Match", "\"1\"");
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.headers().firstValue("ETag")).contains("\"2\"");

        // A stale If-Match with other content: 412 naming the current version; without one: 428.
        HttpResponse<String> stale = command(
                "PUT",
                "/api/journal/wins/w1",
                ada,
                correction.replace("any guilt", "guilt at all"),
                "If-Match",
                "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).path("currentVersion").asInt()).isEqualTo(2);
        assertThat(command("PUT", "/api/journal/wins/w1", ada, correction).statusCode())
                .isEqualTo(428);

        // Another person: the same entry id is not found, for reading and for changing.
        assertThat(query("/api/timeline/w1", ben, 0).statusCode()).isEqualTo(404);
        assertThat(command("PUT", "/api/journal/wins/w1", ben, correction, "If-Match", "\"2\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(command("DELETE", "/api/journal/entries/c1", ben, null, "If-Match", "\"1\"")
                        .statusCode())
                .isEqualTo(404);

        // Retract the check-in.
        HttpResponse<String> retracted =
                command("DELETE", "/api/journal/entries/c1?reason=LOGGED_BY_MISTAKE", ada, null, "If-Match", "\"1\"");
        assertThat(retracted.statusCode()).isEqualTo(204);
        long last = sequenceOf(retracted);
        assertThat(last).isEqualTo(4);

        // The timeline: the win as corrected (on its new day, marked corrected), the check-in gone.
        JsonNode timeline =
                JSON.readTree(query("/api/timeline", ada, last).body()).path("items");
        assertThat(timeline).hasSize(1);
        JsonNode win = timeline.get(0);
        assertThat(win.path("id").asString()).isEqualTo("w1");
        assertThat(win.path("day").asString()).isEqualTo(lastWeek.toString());
        assertThat(win.path("win").path("text").asString()).isEqualTo("Today I rested, without any guilt");
        assertThat(win.path("version").asInt()).isEqualTo(2);
        assertThat(win.path("corrected").path("version").asInt()).isEqualTo(2);
        assertThat(query("/api/timeline/c1", ada, last).statusCode()).isEqualTo(404);

        // Both weeks: this week holds nothing any more, last week holds the win in its new focus area.
        JsonNode thisWeek = JSON.readTree(
                query("/api/trends/weeks/" + week(today), ada, last).body());
        assertThat(thisWeek.path("wins").asInt()).isZero();
        assertThat(thisWeek.path("checkIns").asInt()).isZero();
        assertThat(thisWeek.path("daysShownUp").asInt()).isZero();
        JsonNode before = JSON.readTree(
                query("/api/trends/weeks/" + week(lastWeek), ada, last).body());
        assertThat(before.path("wins").asInt()).isOne();
        assertThat(before.path("winsByFocusArea").path("SELF_COMPASSION").asInt())
                .isOne();
        assertThat(before.path("winsByFocusArea").has("REST")).isFalse();
        assertThat(before.path("daysShownUp").asInt()).isOne();

        // The entry's history: two versions, oldest first, naming what changed.
        JsonNode versions = JSON.readTree(
                        query("/api/timeline/w1/history", ada, last).body())
                .path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("type").asString()).isEqualTo("WinLogged");
        assertThat(versions.get(1).path("type").asString()).isEqualTo("WinCorrected");
        List<String> changed = new ArrayList<>();
        versions.get(1).path("changed").forEach(f -> changed.add(f.asString()));
        assertThat(changed).contains("text", "focusArea", "tags", "day");

        // The whole history, newest first, and no journal text in it.
        HttpResponse<String> history = query("/api/history", ada, last);
        List<String> types = new ArrayList<>();
        JSON.readTree(history.body())
                .path("items")
                .forEach(e -> types.add(e.path("type").asString()));
        assertThat(types).containsExactly("EntryRetracted", "WinCorrected", "CheckInRecorded", "WinLogged");
        assertThat(history.body()).doesNotContain("rested").doesNotContain("guilt");

        // The hash chain verifies for Ada; Ben's holds nothing of hers.
        JsonNode verify = JSON.readTree(query("/api/history/verify", ada, last).body());
        assertThat(verify.path("intact").asBoolean()).isTrue();
        assertThat(verify.path("events").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(query("/api/history/verify", ben, 0).body())
                        .path("events")
                        .asInt())
                .isZero();
    }
}
