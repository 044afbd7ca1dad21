package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.smallwins.apicontract.ValidatingHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run} keeps its read models: a stack on a data directory (as {@code ./run} starts it) is stopped and started
 * again on the same directory, and the timeline answers with what was recorded before at once, without a rebuild.
 * Deleting the read store, or the Kafka log, makes the next start rebuild them from the topic. The tests run in order
 * on one data directory, each starting where the previous one stopped.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsAcrossRestartsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forServices("command-service", "query-service");
    static final String REBUILD_LOG_LINE = "Rebuilding the read models from the beginning of the journal topic";

    static final Path data =
            Path.of("target", "restarts-" + System.currentTimeMillis()).toAbsolutePath();
    static final String user = "restart-" + UUID.randomUUID();
    /** The wins recorded so far, oldest first. */
    static final List<String> wins = new ArrayList<>();

    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static LocalStack start() throws Exception {
        return LocalStack.start(
                new LocalStack.Options(
                        data,
                        true,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
    }

    static void restart() throws Exception {
        stack.close();
        stack = null;
        stack = start();
    }

    @Test
    @Order(1)
    void wins_recorded_before_a_restart_are_on_the_timeline_at_once_after_it_and_nothing_is_rebuilt() throws Exception {
        for (int i = 0; i < 3; i++) {
            recordWin();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(timeline()).containsExactlyElementsOf(newestFirst()));
        assertThat(rebuiltSinceStart())
                .as("the first start projects from the beginning")
                .isTrue();
        // caught up: every partition has its checkpoint, those that had nothing to read too
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric("smallwins.projection.rebuild.completed"))
                        .isEqualTo(1));

        String keyEncryptionKey = Files.readString(stack.keyEncryptionKeyFile());
        restart();

        assertThat(data.resolve(LocalStack.READ_STORE_DIRECTORY).resolve(LocalStack.READ_STORE_FILE))
                .isRegularFile();
        assertThat(stack.keyEncryptionKeyFile()).isEqualTo(data.resolve("keys").resolve("kek.json"));
        assertThat(Files.readString(stack.keyEncryptionKeyFile()))
                .as("the key-encryption key the stored data keys are wrapped with, after the restart")
                .isEqualTo(keyEncryptionKey);
        assertThat(timeline())
                .as("the timeline right after the restart, before anything new is projected")
                .containsExactlyElementsOf(newestFirst());
        // The projection continues from its checkpoint: a new win shows, and nothing was replayed.
        recordWin();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(timeline()).containsExactlyElementsOf(newestFirst()));
        assertThat(metric("smallwins.projection.rebuild.events.applied")).isZero();
        assertThat(metric("smallwins.projection.rebuild.completed")).isZero();
        assertThat(metric("smallwins.projection.rebuild.active")).isZero();
        assertThat(rebuiltSinceStart()).as("a rebuild logged after the restart").isFalse();
    }

    @Test
    @Order(2)
    void a_deleted_read_store_is_rebuilt_from_the_topic_at_the_next_start() throws Exception {
        stack.close();
        stack = null;
        delete(data.resolve(LocalStack.READ_STORE_DIRECTORY));
        stack = start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(timeline()).containsExactlyElementsOf(newestFirst()));
        assertThat(rebuiltSinceStart()).as("a rebuild logged at this start").isTrue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric("smallwins.projection.rebuild.events.applied"))
                        .isGreaterThanOrEqualTo(wins.size()));
    }

    @Test
    @Order(3)
    void a_read_store_kept_while_the_kafka_log_was_deleted_is_dropped_and_rebuilt_from_the_new_topic()
            throws Exception {
        stack.close();
        stack = null;
        delete(data.resolve("kafka"));
        stack = start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(timeline()).containsExactlyElementsOf(newestFirst()));
        assertThat(rebuiltSinceStart()).as("a rebuild logged at this start").isTrue();
        // and the new topic's offsets are the projection's from now on: a new win shows once
        recordWin();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(timeline()).containsExactlyElementsOf(newestFirst()));
    }

    /** Whether query-service logged a rebuild since it started (its log is kept across restarts). */
    static boolean rebuiltSinceStart() {
        return stack.queryService().logSinceStart().contains(REBUILD_LOG_LINE);
    }

    static void recordWin() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + "/api/journal/wins"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + stack.tokens().mint(user))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"winId":"%s","text":"Today I rested","focusArea":"REST","tags":[],"zone":"Europe/Berlin"}""".formatted(id)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        wins.add(id);
    }

    static List<String> newestFirst() {
        List<String> newestFirst = new ArrayList<>(wins);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    static List<String> timeline() throws Exception {
        JsonNode page = get("/api/timeline?limit=100");
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static double metric(String name) throws Exception {
        return get("/actuator/metrics/" + name)
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.queryServiceUrl() + path))
                        .header("Authorization", "Bearer " + stack.tokens().mint(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void delete(Path directory) throws Exception {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
