package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallwins.apicontract.ValidatingHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based: 1,000 generated bad bodies per write endpoint (a valid body with one field made invalid, or
 * garbage that is not a journal entry at all). None may succeed, none may cause a 5xx, and nothing may be stored.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedBadBodiesTest extends CommandServiceHttpTest {

    static final int TRIES = 1_000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forService("command-service");

    static Arbitrary<Object> wrongTypes() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.of("nested", 1)),
                Arbitraries.just(List.of(1, 2)),
                Arbitraries.of(true, false).map(b -> (Object) b));
    }

    static Arbitrary<Object> badText(int max) {
        return Arbitraries.oneOf(
                Arbitraries.just((Object) ""),
                Arbitraries.strings()
                        .whitespace()
                        .ofMinLength(1)
                        .ofMaxLength(20)
                        .map(s -> (Object) s),
                // too long even after trimming: printable characters only
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .withCharRange('\u00e0', '\u00ff')
                        .ofMinLength(max + 1)
                        .ofMaxLength(max + 2_000)
                        .map(s -> (Object) s),
                wrongTypes());
    }

    /** A blank note is no note (valid), so only over-long notes and wrong types are bad. */
    static Arbitrary<Object> badNote() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMinLength(1_001)
                        .ofMaxLength(3_000)
                        .map(s -> (Object) s),
                wrongTypes());
    }

    static Arbitrary<Object> badEnum() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(30)
                        .filter(s -> !s.equals(s.toUpperCase()) || s.length() < 2)
                        .map(s -> (Object) ("not-" + s)),
                Arbitraries.just((Object) ""),
                wrongTypes(),
                Arbitraries.integers().map(i -> (Object) i));
    }

    static Arbitrary<Object> badScale() {
        return Arbitraries.oneOf(
                Arbitraries.integers().filter(i -> i < 1 || i > 5).map(i -> (Object) i),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> (Object) s),
                wrongTypes());
    }

    static Arbitrary<Object> badId() {
        return Arbitraries.oneOf(
                Arbitraries.just((Object) ""),
                Arbitraries.strings()
                        .withChars(" !@#$%^&*()/\\\"'<>{}")
                        .ofMinLength(1)
                        .ofMaxLength(10)
                        .map(s -> (Object) ("a" + s)),
                Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(200).map(s -> (Object) s),
                wrongTypes());
    }

    static Arbitrary<Object> badZone() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> (Object) ("Nowhere/" + s)),
                Arbitraries.of("+25:00", "GMT+99", "Europe/", "/", "..").map(s -> (Object) s),
                wrongTypes());
    }

    static Arbitrary<Object> badDay() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(2100, 9999).map(y -> (Object) (y + "-01-01")),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).map(s -> (Object) ("day " + s)),
                Arbitraries.of("2026-13-01", "2026-02-30", "23/11/2026", "yesterday")
                        .map(s -> (Object) s),
                wrongTypes());
    }

    static Arbitrary<Object> badTags() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(5)
                        .list()
                        .ofMinSize(11)
                        .ofMaxSize(40)
                        .map(l -> (Object) l),
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(41)
                        .ofMaxLength(100)
                        .list()
                        .ofSize(1)
                        .map(l -> (Object) l),
                Arbitraries.just((Object) List.of("ok", " ")),
                Arbitraries.just((Object) Map.of("tag", "x")));
    }

    static Map<String, Object> validWin() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("winId", UUID.randomUUID().toString());
        body.put("text", "Today I rested");
        body.put("focusArea", "REST");
        body.put("tags", List.of("a"));
        body.put("day", "2026-01-01");
        body.put("zone", "Europe/Berlin");
        return body;
    }

    static Map<String, Object> validCheckIn() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkInId", UUID.randomUUID().toString());
        body.put("mood", 3);
        body.put("energy", 3);
        body.put("window", "WITHIN");
        body.put("note", "fine");
        body.put("at", "2026-01-01T10:00:00Z");
        body.put("zone", "Europe/Berlin");
        return body;
    }

    static Arbitrary<String> mutated(
            Map<String, Arbitrary<Object>> badValues, java.util.function.Supplier<Map<String, Object>> valid) {
        Arbitrary<String> oneFieldBroken = Combinators.combine(
                        Arbitraries.of(List.copyOf(badValues.keySet())),
                        Arbitraries.integers().between(0, 1_000_000))
                .flatAs((field, salt) -> badValues.get(field).map(bad -> {
                    Map<String, Object> body = valid.get();
                    body.put(field, bad);
                    return JSON.writeValueAsString(body);
                }));
        Arbitrary<String> fieldMissing = Arbitraries.of(List.copyOf(badValues.keySet()))
                .filter(f -> !f.equals("tags")
                        && !f.equals("day")
                        && !f.equals("note")
                        && !f.equals("at")
                        && !f.equals("zone"))
                .map(field -> {
                    Map<String, Object> body = valid.get();
                    body.remove(field);
                    return JSON.writeValueAsString(body);
                });
        Arbitrary<String> garbage = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().ofMaxLength(300).map(s -> "{" + s),
                Arbitraries.of("null", "[]", "{}", "\"text\"", "42", "{\"a\":}", "{{}}"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, oneFieldBroken),
                net.jqwik.api.Tuple.of(2, fieldMissing),
                net.jqwik.api.Tuple.of(2, garbage));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/journal/wins", "/api/journal/check-ins"})
    void a_thousand_generated_bad_bodies_are_refused_without_a_server_error_and_nothing_is_stored(String path)
            throws Exception {
        Arbitrary<String> bodies = path.endsWith("wins")
                ? mutated(
                        Map.of(
                                "winId",
                                badId(),
                                "text",
                                badText(500),
                                "focusArea",
                                badEnum(),
                                "tags",
                                badTags(),
                                "day",
                                badDay(),
                                "zone",
                                badZone()),
                        GeneratedBadBodiesTest::validWin)
                : mutated(
                        Map.of(
                                "checkInId",
                                badId(),
                                "mood",
                                badScale(),
                                "energy",
                                badScale(),
                                "window",
                                badEnum(),
                                "note",
                                badNote(),
                                "at",
                                badDay(),
                                "zone",
                                badZone()),
                        GeneratedBadBodiesTest::validCheckIn);
        long before = storedEvents();
        List<String> samples = bodies.sampleStream().limit(TRIES).toList();

        for (String body : samples) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/json")
                            .header(
                                    "Authorization",
                                    "Bearer " + CommandServiceStack.TOKENS.mint("gen-" + UUID.randomUUID()))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("%s answered for %s", response.body(), body)
                    .isIn(400, 413, 422);
        }

        assertThat(samples).hasSize(TRIES);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
