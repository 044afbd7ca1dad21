package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.infra.DevTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of bad request the write side can receive, over real HTTP: each gets the right problem detail naming the
 * field, never echoes the value, and leaves the event store unchanged.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileRequestsTest extends CommandServiceHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forService("command-service");
    static final String VALID_WIN = """
            {"winId":"%s","text":"Today I rested","focusArea":"REST","zone":"Europe/Berlin"}""";

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String freshUser() {
        return "hostile-" + UUID.randomUUID();
    }

    // --- tokens ---------------------------------------------------------------------------------------------------

    static Stream<Arguments> refusedTokens() {
        DevTokens tokens = CommandServiceStack.TOKENS;
        DevTokens stranger = DevTokens.generate(tokens.issuer(), tokens.audience());
        DevTokens otherIssuer = DevTokens.generate("https://evil.example", tokens.audience());
        Instant now = Instant.now();
        JWTClaimsSet.Builder base = new JWTClaimsSet.Builder()
                .subject("mallory")
                .issuer(tokens.issuer())
                .audience(tokens.audience())
                .issueTime(Date.from(now.minusSeconds(60)));
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of(
                        "expired",
                        tokens.sign(base.expirationTime(Date.from(now.minusSeconds(120)))
                                .build())),
                Arguments.of(
                        "not yet valid",
                        tokens.sign(new JWTClaimsSet.Builder(base.build())
                                .notBeforeTime(Date.from(now.plusSeconds(3600)))
                                .expirationTime(Date.from(now.plusSeconds(7200)))
                                .build())),
                Arguments.of("wrong issuer", otherIssuer.mint("mallory")),
                Arguments.of(
                        "wrong audience",
                        tokens.sign(new JWTClaimsSet.Builder(base.build())
                                .audience("another-app")
                                .expirationTime(Date.from(now.plusSeconds(600)))
                                .build())),
                Arguments.of("signed by another key", stranger.mint("mallory")),
                Arguments.of(
                        "alg none",
                        new PlainJWT(
                                        new PlainHeader.Builder()
                                                .type(JOSEObjectType.JWT)
                                                .build(),
                                        new JWTClaimsSet.Builder(base.build())
                                                .expirationTime(Date.from(now.plusSeconds(600)))
                                                .build())
                                .serialize()),
                Arguments.of(
                        "without subject",
                        tokens.sign(new JWTClaimsSet.Builder()
                                .issuer(tokens.issuer())
                                .audience(tokens.audience())
                                .expirationTime(Date.from(now.plusSeconds(600)))
                                .build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void a_request_with_a_bad_token_is_401_with_a_bearer_challenge_and_stores_nothing(String kind, String token)
            throws Exception {
        long before = storedEvents();

        HttpResponse<String> response = post("/api/journal/wins", token, "application/json", VALID_WIN.formatted("w1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    // --- bodies ---------------------------------------------------------------------------------------------------

    static Stream<Arguments> badBodies() {
        String longText = "a".repeat(501);
        return Stream.of(
                Arguments.of("malformed JSON", "/api/journal/wins", "{\"winId\": \"w1\", \"text\": ", 400, "body"),
                Arguments.of("a JSON array", "/api/journal/wins", "[1,2,3]", 400, "body"),
                Arguments.of(
                        "mood of the wrong type",
                        "/api/journal/check-ins",
                        "{\"checkInId\":\"c1\",\"mood\":\"happy\",\"energy\":3,\"window\":\"WITHIN\",\"zone\":\"UTC\"}",
                        400,
                        "mood"),
                Arguments.of(
                        "tags of the wrong type",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"REST\",\"tags\":{\"a\":1},\"zone\":\"UTC\"}",
                        400,
                        "tags"),
                Arguments.of(
                        "an unknown focus area",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"NAPPING\",\"zone\":\"UTC\"}",
                        422,
                        "focusArea"),
                Arguments.of(
                        "an unknown window",
                        "/api/journal/check-ins",
                        "{\"checkInId\":\"c1\",\"mood\":3,\"energy\":3,\"window\":\"CALM\",\"zone\":\"UTC\"}",
                        422,
                        "window"),
                Arguments.of(
                        "missing text",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"focusArea\":\"REST\",\"zone\":\"UTC\"}",
                        422,
                        "text"),
                Arguments.of(
                        "missing id",
                        "/api/journal/wins",
                        "{\"text\":\"t\",\"focusArea\":\"REST\",\"zone\":\"UTC\"}",
                        422,
                        "winId"),
                Arguments.of(
                        "over-long text",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"" + longText + "\",\"focusArea\":\"REST\",\"zone\":\"UTC\"}",
                        422,
                        "text"),
                Arguments.of(
                        "eleven tags",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"REST\",\"zone\":\"UTC\",\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
                        422,
                        "tags"),
                Arguments.of(
                        "a day after today",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"REST\",\"zone\":\"UTC\",\"day\":\"2999-01-01\"}",
                        422,
                        "day"),
                Arguments.of(
                        "an unknown zone",
                        "/api/journal/wins",
                        "{\"winId\":\"w1\",\"text\":\"t\",\"focusArea\":\"REST\",\"zone\":\"Atlantis/Capital\"}",
                        422,
                        "zone"),
                Arguments.of(
                        "mood out of range",
                        "/api/journal/check-ins",
                        "{\"checkInId\":\"c1\",\"mood\":9,\"energy\":3,\"window\":\"WITHIN\",\"zone\":\"UTC\"}",
                        422,
                        "mood"),
                Arguments.of(
                        "an over-long note",
                        "/api/journal/check-ins",
                        "{\"checkInId\":\"c1\",\"mood\":3,\"energy\":3,\"window\":\"WITHIN\",\"zone\":\"UTC\",\"note\":\""
                                + "n".repeat(1001) + "\"}",
                        422,
                        "note"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void a_bad_body_is_a_problem_detail_naming_the_field_and_stores_nothing(
            String kind, String path, String body, int status, String field) throws Exception {
        long before = storedEvents();

        HttpResponse<String> response =
                post(path, CommandServiceStack.TOKENS.mint(freshUser()), "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (!"body".equals(field)) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
        assertThat(response.body()).doesNotContain("NAPPING", "CALM", "Atlantis", "happy", "aaaaaaaaaa", "nnnnnnnnnn");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_body_over_64_kib_is_413_whether_declared_or_streamed() throws Exception {
        long before = storedEvents();
        String huge = VALID_WIN.formatted("w1").replace("Today I rested", "x".repeat(70 * 1024));
        String token = CommandServiceStack.TOKENS.mint(freshUser());

        HttpResponse<String> declared = post("/api/journal/wins", token, "application/json", huge);
        HttpResponse<String> streamed = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_is_415() throws Exception {
        long before = storedEvents();

        HttpResponse<String> response = post(
                "/api/journal/wins",
                CommandServiceStack.TOKENS.mint(freshUser()),
                "text/plain",
                VALID_WIN.formatted("w1"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_user_writing_faster_than_the_rate_gets_429_with_retry_after_and_other_users_are_unaffected()
            throws Exception {
        String token = CommandServiceStack.TOKENS.mint(freshUser());
        List<Integer> statuses = new java.util.ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response =
                    post("/api/journal/wins", token, "application/json", VALID_WIN.formatted("rate-" + i));
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, 20)).containsOnly(201);
        assertThat(statuses).contains(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(post(
                                "/api/journal/wins",
                                CommandServiceStack.TOKENS.mint(freshUser()),
                                "application/json",
                                VALID_WIN.formatted("other"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void only_allowed_browser_origins_pass_the_cors_preflight() throws Exception {
        HttpResponse<String> allowed = preflight("https://app.smallwins.example");
        HttpResponse<String> other = preflight("https://evil.example");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://app.smallwins.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void a_browser_app_may_read_the_journal_sequence_of_a_write_and_send_it_back_to_a_read() throws Exception {
        HttpResponse<String> write = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                        .header("Origin", "https://app.smallwins.example")
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + CommandServiceStack.TOKENS.mint(freshUser()))
                        .POST(HttpRequest.BodyPublishers.ofString(VALID_WIN.formatted("w-cors")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> readPreflight = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://app.smallwins.example")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization,journal-sequence")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(write.headers().firstValue("Journal-Sequence")).hasValue("1");
        assertThat(write.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).containsIgnoringCase("Journal-Sequence"));
        assertThat(readPreflight.statusCode()).isEqualTo(200);
        assertThat(readPreflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(allowed -> assertThat(allowed).containsIgnoringCase("journal-sequence"));
    }

    HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void responses_carry_security_headers() throws Exception {
        HttpResponse<String> response = post(
                "/api/journal/wins",
                CommandServiceStack.TOKENS.mint(freshUser()),
                "application/json",
                VALID_WIN.formatted("w-headers"));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
