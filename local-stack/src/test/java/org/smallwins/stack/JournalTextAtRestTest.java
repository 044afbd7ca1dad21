package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof on raw bytes (issue 12): through the HTTP API only, a person logs a win with a distinctive sentence and a
 * check-in with a distinctive note, and sees both on their timeline; then every file PostgreSQL keeps (its whole data
 * directory: tables, WAL, everything), every file of the Kafka broker's log directory and every service's log is
 * searched for both, as someone holding a copy of the disk would: no hit. The search is shown to work on the same
 * files: it finds the person's id (which the readable envelope carries) in PostgreSQL and in Kafka, the services'
 * start-up lines in their logs, and the sentence itself in the read store's file, which holds plaintext by necessity.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalTextAtRestTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forServices("command-service", "query-service");
    static final Path data =
            Path.of("target", "at-rest-" + System.currentTimeMillis()).toAbsolutePath();

    static LocalStack stack;

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_distinctive_sentence_and_note_are_in_no_file_of_postgresql_kafka_or_the_service_logs() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        data,
                        true, // as ./run: PostgreSQL, the Kafka log and the read store in the data directory
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
        String user = "at-rest-" + UUID.randomUUID();
        String token = stack.tokens().mint(user);
        // a mark found nowhere else (entry ids are other random values), searched for on its own too: a part of the
        // text that leaked would show
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String sentence = "Today I told Dr. Okonkwo-" + mark + " about the \"panic\" on the tram, grüß Gott";
        String note = "slept badly, rang Mariam-" + mark + " at 3am; ängstlich";
        String zone = "Europe/Berlin";

        assertThat(post(token, "/api/journal/wins", """
                        {"winId":"%s","text":%s,"focusArea":"ASKING_FOR_HELP","tags":["tram"],"day":"%s","zone":"%s"}""".formatted(
                        UUID.randomUUID(), JSON.writeValueAsString(sentence), LocalDate.now(ZoneId.of(zone)), zone)))
                .isEqualTo(201);
        assertThat(post(token, "/api/journal/check-ins", """
                        {"checkInId":"%s","mood":2,"energy":1,"window":"HYPERAROUSED","note":%s,"at":"%s","zone":"%s"}""".formatted(
                                UUID.randomUUID(), JSON.writeValueAsString(note), Instant.now(), zone)))
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String timeline = timeline(token);
                    return timeline.contains(sentence) && timeline.contains(note);
                });

        // Force what PostgreSQL holds in memory into its files; Kafka's log files already hold every appended record
        // (the search reads through the OS, flushed or not); both are searched again after a clean shutdown, which
        // flushes and closes every log.
        try (Connection connection = stack.postgres().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        Path postgres = stack.postgresDataDirectory();
        Path kafka = stack.kafkaLogDirectory();
        Path logs = stack.logsDirectory();
        Path readStore = data.resolve(LocalStack.READ_STORE_DIRECTORY);
        assertThat(postgres).startsWith(data);
        assertThat(kafka).startsWith(data);

        RawBytesSearch secrets = new RawBytesSearch()
                .text("sentence", sentence)
                .text("note", note)
                .text("mark", mark);
        assertThat(secrets.in(postgres, kafka, logs))
                .as("journal text while running")
                .isEmpty();
        long runningFiles = secrets.filesSearched();

        stack.close();
        stack = null;
        assertThat(secrets.in(postgres, kafka, logs))
                .as("journal text after a clean shutdown")
                .isEmpty();
        System.out.printf(
                "RAW BYTES: %d forms of the sentence and the note searched in %d files (%,d bytes) while running and "
                        + "after shutdown: PostgreSQL, Kafka log, service logs -> 0 hits%n",
                secrets.needles().size(), secrets.filesSearched(), secrets.bytesSearched());

        // The same search, on the same files, finds what is there.
        assertThat(runningFiles).isGreaterThan(100);
        assertThat(new RawBytesSearch().text("user id", user).in(postgres))
                .as("the person's id (a readable envelope field) in PostgreSQL")
                .isNotEmpty();
        assertThat(new RawBytesSearch().text("user id", user).in(kafka))
                .as("the person's id (a readable envelope field) in the Kafka log")
                .isNotEmpty();
        assertThat(new RawBytesSearch()
                        .text("start-up", "Started QueryServiceApplication")
                        .in(logs))
                .as("query-service's start-up line in its log")
                .isNotEmpty();
        assertThat(new RawBytesSearch().text("sentence", sentence).in(readStore))
                .as("the sentence in the read store's file (plaintext by necessity)")
                .isNotEmpty();
    }

    static int post(String token, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** The timeline as the person reads it, its JSON decoded (so escaped text compares as written). */
    static String timeline(String token) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.queryServiceUrl() + "/api/timeline"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "";
        }
        StringBuilder texts = new StringBuilder();
        JsonNode entries = JSON.readTree(response.body());
        entries.findValues("text").forEach(t -> texts.append(t.asString()).append('\n'));
        entries.findValues("note").forEach(t -> texts.append(t.asString()).append('\n'));
        return texts.toString();
    }
}
