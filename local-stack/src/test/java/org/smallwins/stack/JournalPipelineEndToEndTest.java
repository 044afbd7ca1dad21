package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole chain on real parts, driven through HTTP only: command-service → PostgreSQL → relay → Kafka broker →
 * query-service → MongoDB stand-in → HTTP read. Both services run as their own processes from their executable jars.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalPipelineEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forServices("command-service", "query-service");
    static final String SECRET_SENTENCE = "Today I told my sister the truth about the quiet blue kettle";

    /** Kept under target/ so the services' logs can be read after a run. */
    static final Path data =
            Path.of("target", "e2e-" + System.currentTimeMillis()).toAbsolutePath();

    static LocalStack stack;
    static String alice;
    static String bob;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        data,
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
        alice = stack.tokens().mint("alice-" + UUID.randomUUID());
        bob = stack.tokens().mint("bob-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.queryServiceUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String win(String id, String text, String area) {
        return """
                {"winId":"%s","text":"%s","focusArea":"%s","tags":["gentle"],"zone":"Europe/Berlin"}""".formatted(id, text, area);
    }

    static long storedEvents() throws Exception {
        try (Connection c = stack.postgres().dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void three_wins_and_two_check_ins_show_on_the_timeline_and_in_the_weeks_trend_for_their_owner_only()
            throws Exception {
        List<String> sent = new ArrayList<>();
        String w1 = UUID.randomUUID().toString();
        assertThat(post("/api/journal/wins", alice, win(w1, SECRET_SENTENCE, "REST"))
                        .statusCode())
                .isEqualTo(201);
        sent.add(w1);
        String c1 = UUID.randomUUID().toString();
        assertThat(post("/api/journal/check-ins", alice, """
                {"checkInId":"%s","mood":2,"energy":2,"window":"HYPOAROUSED","note":"heavy morning","zone":"Europe/Berlin"}""".formatted(c1)).statusCode())
                .isEqualTo(201);
        sent.add(c1);
        String w2 = UUID.randomUUID().toString();
        assertThat(post("/api/journal/wins", alice, win(w2, "Today I said no", "BOUNDARIES"))
                        .statusCode())
                .isEqualTo(201);
        sent.add(w2);
        String c2 = UUID.randomUUID().toString();
        assertThat(post("/api/journal/check-ins", alice, """
                {"checkInId":"%s","mood":4,"energy":3,"window":"WITHIN"}""".formatted(c2)).statusCode())
                .isEqualTo(201);
        sent.add(c2);
        String w3 = UUID.randomUUID().toString();
        HttpResponse<String> first =
                post("/api/journal/wins", alice, win(w3, "Today I asked for help", "ASKING_FOR_HELP"));
        HttpResponse<String> again =
                post("/api/journal/wins", alice, win(w3, "Today I asked for help", "ASKING_FOR_HELP"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        sent.add(w3);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(
                                json(get("/api/timeline", alice)).path("items").size())
                        .isEqualTo(5));

        JsonNode timeline = json(get("/api/timeline", alice));
        List<String> newestFirst = new ArrayList<>();
        timeline.path("items").forEach(item -> newestFirst.add(item.path("id").asString()));
        List<String> expectedOrder = new ArrayList<>(sent);
        java.util.Collections.reverse(expectedOrder);
        assertThat(newestFirst).containsExactlyElementsOf(expectedOrder);
        assertThat(timeline.path("items").get(4).path("win").path("text").asString())
                .isEqualTo(SECRET_SENTENCE);

        JsonNode week = json(get("/api/trends/weeks/current", alice));
        assertThat(week.path("wins").asInt()).isEqualTo(3);
        assertThat(week.path("winsByFocusArea").path("REST").asInt()).isEqualTo(1);
        assertThat(week.path("winsByFocusArea").path("BOUNDARIES").asInt()).isEqualTo(1);
        assertThat(week.path("winsByFocusArea").path("ASKING_FOR_HELP").asInt()).isEqualTo(1);
        assertThat(week.path("checkIns").asInt()).isEqualTo(2);
        assertThat(week.path("mood").path("average").asDouble()).isEqualTo(3.0);
        assertThat(week.path("daysShownUp").asInt())
                .isBetween(1, 2); // 2 only if the test runs across midnight in Berlin
        assertThat(week.path("winsOfTheWeek").size()).isEqualTo(3);

        JsonNode bobsTimeline = json(get("/api/timeline", bob));
        assertThat(bobsTimeline.path("items").size()).isZero();
        JsonNode bobsWeek = json(get("/api/trends/weeks/" + week.path("week").asString(), bob));
        assertThat(bobsWeek.path("wins").asInt()).isZero();
        assertThat(bobsWeek.path("checkIns").asInt()).isZero();

        String logs = Files.readString(stack.commandServiceLog()) + Files.readString(stack.queryServiceLog());
        assertThat(logs).doesNotContain(SECRET_SENTENCE).doesNotContain("heavy morning");
    }

    @Test
    void both_services_publish_api_documents_health_probes_and_pipeline_metrics() throws Exception {
        for (String base : List.of(stack.commandServiceUrl(), stack.queryServiceUrl())) {
            HttpResponse<String> docs = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(json(docs).path("components").path("securitySchemes").has("bearer"))
                    .isTrue();
            assertThat(HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/swagger-ui/index.html"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + probe)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(json(health).path("status").asString()).isEqualTo("UP");
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> backlog = HTTP.send(
                    HttpRequest.newBuilder(URI.create(
                                    stack.commandServiceUrl() + "/actuator/metrics/smallwins.relay.backlog.events"))
                            .header("Authorization", "Bearer " + alice)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(backlog.statusCode()).isEqualTo(200);
            assertThat(json(backlog).path("measurements").get(0).path("value").asDouble())
                    .isZero();
        });
        HttpResponse<String> lag = get("/actuator/metrics/smallwins.projection.lag.seconds", alice);
        assertThat(lag.statusCode()).isEqualTo(200);
        assertThat(json(lag).path("measurements").get(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void another_user_reaches_nothing_of_alices_through_filters_cursors_weeks_or_reused_ids() throws Exception {
        String carol = stack.tokens().mint("carol-" + UUID.randomUUID());
        String dave = stack.tokens().mint("dave-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            assertThat(post(
                                    "/api/journal/wins",
                                    carol,
                                    win("shared-" + i, "Today I kept my boundary " + i, "BOUNDARIES"))
                            .statusCode())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(json(get("/api/timeline?limit=2", carol))
                                .path("items")
                                .size())
                        .isEqualTo(2));
        String carolsCursor =
                json(get("/api/timeline?limit=2", carol)).path("nextCursor").asString();
        String carolsWeek =
                json(get("/api/trends/weeks/current", carol)).path("week").asString();

        // Dave uses the same entry id for his own win: it is his, and Carol's stays as it was.
        assertThat(post("/api/journal/wins", dave, win("shared-0", "Today I slept in", "REST"))
                        .statusCode())
                .isEqualTo(201);

        assertThat(json(get("/api/timeline?cursor=" + carolsCursor, dave))
                        .path("items")
                        .size())
                .isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode davesItems = json(get("/api/timeline", dave)).path("items");
            assertThat(davesItems.size()).isEqualTo(1);
            assertThat(davesItems.get(0).path("win").path("text").asString()).isEqualTo("Today I slept in");
        });
        assertThat(json(get("/api/timeline?cursor=" + carolsCursor, dave))
                        .path("items")
                        .toString())
                .doesNotContain("boundary");
        assertThat(json(get("/api/timeline?kind=WIN&from=2000-01-01", dave)).toString())
                .doesNotContain("boundary");
        assertThat(json(get("/api/trends/weeks/" + carolsWeek, dave))
                        .path("wins")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(get("/api/trends/weeks?count=4", dave)).toString())
                .doesNotContain("boundary")
                .doesNotContain("BOUNDARIES");
        JsonNode carolsTimeline = json(get("/api/timeline", carol));
        assertThat(carolsTimeline.path("items").size()).isEqualTo(3);
        assertThat(carolsTimeline.toString()).doesNotContain("slept in");
    }

    @Test
    void unusable_query_parameters_are_400_problems_naming_the_parameter() throws Exception {
        for (String[] query : new String[][] {
            {"/api/timeline?cursor=not-a-cursor", "cursor"}, {"/api/timeline?limit=0", "limit"},
            {"/api/timeline?limit=lots", "limit"}, {"/api/timeline?kind=DREAM", "kind"},
            {"/api/timeline?from=2026-13-45", "from"}, {"/api/timeline?from=2026-11-20&to=2026-11-01", "to"},
            {"/api/trends/weeks/2026-W99", "week"}, {"/api/trends/weeks?count=1000", "count"},
            {"/api/trends/weeks?until=last-week", "until"}
        }) {
            HttpResponse<String> response = get(query[0], alice);
            assertThat(response.statusCode()).as(query[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).path("errors").get(0).path("field").asString())
                    .as(query[0])
                    .isEqualTo(query[1]);
        }
    }

    @Test
    void a_request_without_a_token_is_refused_with_401_and_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = post("/api/journal/wins", null, win("w-anon", "Today I rested", "REST"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_win_that_breaks_a_rule_is_a_422_problem_naming_the_field_and_nothing_is_stored() throws Exception {
        long before = storedEvents();

        HttpResponse<String> response = post("/api/journal/wins", alice, """
                {"winId":"w-bad","text":"Today I rested","focusArea":"NAPPING","zone":"Europe/Berlin"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .isEqualTo("focusArea");
        assertThat(response.body()).doesNotContain("NAPPING");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void reusing_an_id_for_different_content_is_a_409_problem() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post("/api/journal/wins", bob, win(id, "Today I moved a little", "MOVEMENT"))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> response = post("/api/journal/wins", bob, win(id, "Today I moved a lot", "MOVEMENT"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void each_service_that_answers_is_the_process_the_stack_started() throws Exception {
        for (ServiceProcess service : List.of(stack.commandService(), stack.queryService())) {
            assertThat(ServiceProcess.instanceIdAt(HTTP, service.baseUrl()))
                    .as(service.name())
                    .hasValue(service.instanceId());
        }
        assertThat(stack.commandService().instanceId())
                .isNotEqualTo(stack.queryService().instanceId());
    }

    @Test
    void a_service_whose_port_another_process_answers_on_is_reported_as_taken_never_as_ready() throws Exception {
        // Another process on the port, answering every path with health UP (and an instance id of its own).
        HttpServer other = HttpServer.create(new InetSocketAddress(0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"instance\":{\"id\":\"someone-else\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        other.start();
        try {
            int port = other.getAddress().getPort();
            ServiceProcess service = stack.startAnotherQueryService("query-service-on-a-taken-port", port);

            PortInUseException taken = catchThrowableOfType(
                    PortInUseException.class, () -> service.awaitHealthy(Duration.ofMinutes(3), () -> {}));

            assertThat(taken)
                    .as("readiness must not take another process's health answer for the service's")
                    .isNotNull();
            assertThat(taken.port()).isEqualTo(port);
            assertThat(taken.what()).isEqualTo("query-service-on-a-taken-port");
            assertThat(service.isAlive()).isFalse();
        } finally {
            other.stop(0);
        }
    }
}
