package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's "done when", tried as new users would, over HTTP only, on the whole stack with sealed payloads: Ada logs
 * wins and check-ins with distinctive text, exports them (JSON and CSV), Ben imports the JSON and sees exactly Ada's
 * timeline and weeks; Ada erases her journal: her timeline, weeks and export are gone, a full rebuild of the read
 * models brings nothing back, Ben is untouched, and the receipt holds no journal content.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortabilityAndErasureEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forServices("command-service", "query-service");
    static final String SENTENCE = "Today I sang to the lighthouse keeper's ginger cat";
    static final String NOTE = "rain on the copper roof all night";

    static LocalStack stack;
    static MongoClient mongo;
    static MongoDatabase readStore;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        Path.of("target", "portability-" + System.currentTimeMillis())
                                .toAbsolutePath(),
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
        mongo = MongoClients.create(stack.mongoConnectionString());
        readStore = mongo.getDatabase(LocalStack.READ_STORE_DATABASE);
    }

    @AfterAll
    static void stopStack() {
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> send(
            String base, String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> command(String method, String path, String token, String body, String... headers)
            throws Exception {
        return send(stack.commandServiceUrl(), method, path, token, body, headers);
    }

    /** A read on the query side once it has seen the journal's sequence (read-your-writes). */
    static JsonNode read(String path, String token, long sequence) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> response =
                            send(stack.queryServiceUrl(), "GET", path + separator + "after=" + sequence, token, null);
                    assertThat(response.statusCode()).isEqualTo(200);
                    answer[0] = JSON.readTree(response.body());
                });
        return answer[0];
    }

    static long sequenceOf(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Journal-Sequence").orElseThrow());
    }

    /** The timeline's entries: ids, kinds, days, instants, zones, sequences and content. */
    static JsonNode entriesOf(JsonNode timeline) {
        return timeline.path("items");
    }

    @Test
    void a_journal_exported_imported_and_erased_over_http_leaves_nothing_behind_but_the_other_persons_copy()
            throws Exception {
        String adaId = "ada-" + UUID.randomUUID();
        String ada = stack.tokens().mint(adaId);
        String ben = stack.tokens().mint("ben-" + UUID.randomUUID());
        String lastWeek = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(7).toString();
        long sequence = 0;
        for (String body : List.of("""
                {"winId":"w1","text":"%s","focusArea":"SELF_COMPASSION","tags":["evening"],"zone":"Europe/Berlin"}""".formatted(SENTENCE), """
                {"winId":"w2","text":"=Today I said no","focusArea":"BOUNDARIES","day":"%s","zone":"Europe/Berlin"}""".formatted(lastWeek), """
                {"winId":"w3","text":"Today I rested","focusArea":"REST","zone":"Europe/Berlin"}""")) {
            HttpResponse<String> answer = command("POST", "/api/journal/wins", ada, body);
            assertThat(answer.statusCode()).isEqualTo(201);
            sequence = sequenceOf(answer);
        }
        for (String body : List.of("""
                {"checkInId":"c1","mood":2,"energy":3,"window":"HYPOAROUSED","note":"%s","zone":"Europe/Berlin"}""".formatted(NOTE), """
                {"checkInId":"c2","mood":4,"energy":4,"window":"WITHIN","zone":"Europe/Berlin"}""")) {
            HttpResponse<String> answer = command("POST", "/api/journal/check-ins", ada, body);
            assertThat(answer.statusCode()).isEqualTo(201);
            sequence = sequenceOf(answer);
        }
        JsonNode adasTimeline = read("/api/timeline", ada, sequence);
        JsonNode adasWeeks = read("/api/trends/weeks?count=4", ada, sequence);
        assertThat(adasTimeline.path("items")).hasSize(5);

        // Export: JSON with every event, CSV with one row per entry and the formula-like text as text.
        HttpResponse<String> export = command("GET", "/api/journal/export", ada, null);
        HttpResponse<String> csv = command("GET", "/api/journal/export?format=csv", ada, null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(export.body()).path("eventCount").asInt()).isEqualTo(5);
        assertThat(export.body()).contains(SENTENCE).contains(NOTE);
        assertThat(csv.body().lines().count()).isEqualTo(6);
        assertThat(csv.body()).contains("'=Today I said no");

        // Import into Ben: the same timeline and weeks, exactly; again: nothing changes.
        HttpResponse<String> imported = command("POST", "/api/journal/import", ben, export.body());
        assertThat(imported.statusCode()).isEqualTo(201);
        HttpResponse<String> again = command("POST", "/api/journal/import", ben, export.body());
        assertThat(again.statusCode()).isEqualTo(200);
        long bensSequence = sequenceOf(imported);
        assertThat(bensSequence).isEqualTo(5);
        JsonNode bensTimeline = read("/api/timeline", ben, bensSequence);
        assertThat(entriesOf(bensTimeline)).isEqualTo(entriesOf(adasTimeline));
        assertThat(read("/api/trends/weeks?count=4", ben, bensSequence)).isEqualTo(adasWeeks);

        // Ada erases her journal.
        assertThat(command("DELETE", "/api/journal", ada, null).statusCode()).isEqualTo(400);
        HttpResponse<String> receipt = command("DELETE", "/api/journal", ada, null, "Confirm-Erasure", adaId);
        assertThat(receipt.statusCode()).isEqualTo(202);
        assertThat(receipt.body()).doesNotContain(SENTENCE).doesNotContain(NOTE).doesNotContain("lighthouse");
        JsonNode facts = JSON.readTree(receipt.body());
        assertThat(facts.path("erasedEvents").asInt()).isEqualTo(5);
        assertThat(facts.path("destroyedKeyId").asString()).isNotBlank();
        long erasedAt = sequenceOf(receipt);

        assertThat(read("/api/timeline", ada, erasedAt).path("items")).isEmpty();
        for (JsonNode week : read("/api/trends/weeks?count=4", ada, erasedAt)) {
            assertThat(week.path("wins").asInt()).isZero();
            assertThat(week.path("checkIns").asInt()).isZero();
        }
        assertThat(JSON.readTree(
                                command("GET", "/api/journal/export", ada, null).body())
                        .path("events"))
                .isEmpty();
        assertThat(readStore.getCollection("timeline").countDocuments(new Document("userId", adaId)))
                .isZero();
        JsonNode log = JSON.readTree(
                command("GET", "/api/journal/access-log", ada, null).body());
        assertThat(log.get(0).path("action").asString()).isEqualTo("EXPORT");
        assertThat(log.get(1).path("action").asString()).isEqualTo("ERASURE");

        // A full rebuild of the read models from the topic brings nothing of Ada back, and all of Ben.
        for (String collection :
                List.of("timeline", "weekly_trends", "journals", "journal_history", "projection_checkpoints")) {
            readStore.getCollection(collection).drop();
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    HttpResponse<String> response =
                            send(stack.queryServiceUrl(), "GET", "/api/timeline?after=" + bensSequence, ben, null);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(entriesOf(JSON.readTree(response.body()))).isEqualTo(entriesOf(adasTimeline));
                });
        assertThat(read("/api/timeline", ada, erasedAt).path("items")).isEmpty();
        assertThat(readStore.getCollection("timeline").countDocuments(new Document("userId", adaId)))
                .isZero();
        assertThat(readStore.getCollection("weekly_trends").countDocuments(new Document("userId", adaId)))
                .isZero();

        // Ada writing again starts a new journal.
        HttpResponse<String> anew = command("POST", "/api/journal/wins", ada, """
                {"winId":"w1","text":"Today I began again","focusArea":"REST","zone":"Europe/Berlin"}""");
        assertThat(anew.statusCode()).isEqualTo(201);
        JsonNode fresh = read("/api/timeline", ada, sequenceOf(anew));
        assertThat(fresh.path("items")).hasSize(1);
        assertThat(fresh.path("items").get(0).path("win").path("text").asString())
                .isEqualTo("Today I began again");
    }
}
