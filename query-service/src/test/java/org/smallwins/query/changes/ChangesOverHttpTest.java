package org.smallwins.query.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.threeten.extra.YearWeek;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sync as an app sees it, on the whole query service: events arrive through real (embedded) Kafka, are projected into
 * the in-JVM MongoDB stand-in, and the app reads {@code GET /api/changes} and {@code GET /api/changes/stream} over real
 * HTTP connections with its bearer token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "smallwins.read-your-writes.wait=1500ms",
            "smallwins.keys.access-token=test-token",
            "smallwins.changes.stream.poll-interval=50ms",
            "smallwins.changes.stream.heartbeat=500ms",
            "smallwins.http.cors-allowed-origins=https://app.smallwins.example"
        })
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChangesOverHttpTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final ObjectMapper JSON = new ObjectMapper();
    static final KafkaServer KAFKA;
    static final MongoStandIn MONGO;
    static final Path PUBLIC_KEY;
    static final KafkaProducer<String, byte[]> PRODUCER;

    static {
        try {
            KAFKA = KafkaServer.start();
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 6, (short) 1)))
                        .all()
                        .get();
            }
            MONGO = MongoStandIn.start(0);
            PUBLIC_KEY =
                    TOKENS.writePublicKey(Files.createTempDirectory("issuer").resolve("public.pem"));
            PRODUCER = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KAFKA.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString() + "/smallwins");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", TOKENS::audience);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        PRODUCER.close();
        MONGO.close();
        KAFKA.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ChangeStreams streams;

    final JournalEventCodec codec = new JournalEventCodec();

    /** As command-service's relay does: the envelope, keyed by its person. */
    void published(String user, long sequence, JournalEvent event) throws Exception {
        Instant now = Instant.now();
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                user,
                sequence,
                Occurred.at(now, BERLIN),
                now,
                "corr-" + sequence,
                EventEnvelope.PLAIN_JSON,
                event);
        PRODUCER.send(new ProducerRecord<>(JournalTopic.NAME, user, codec.encode(envelope)))
                .get();
    }

    HttpResponse<String> read(String user, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Bearer " + TOKENS.mint(user));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A person's journal of five events: two wins, a check-in, a correction and a retraction. */
    String journalOfFive() throws Exception {
        String user = "sync-" + UUID.randomUUID();
        published(user, 1, new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening")));
        published(user, 2, new CheckInRecorded("c1", 2, 3, ToleranceWindow.WITHIN, "slow morning"));
        published(user, 3, new WinLogged("w2", "Today I said no", FocusArea.BOUNDARIES, List.of()));
        published(user, 4, new WinCorrected("w1", 2, "Today I rested, and it was fine", FocusArea.REST, List.of()));
        published(user, 5, new EntryRetracted("c1", 2, EntryKind.CHECK_IN, RetractionReason.LOGGED_BY_MISTAKE));
        return user;
    }

    @Test
    void
            the_changes_come_in_sequence_order_page_by_page_each_once_with_corrections_as_entries_and_retractions_as_tombstones()
                    throws Exception {
        String user = journalOfFive();

        List<JsonNode> changes = new ArrayList<>();
        long after = 0;
        List<Long> nextAfters = new ArrayList<>();
        boolean hasMore;
        do {
            // the first read waits for sequence 5 (Journal-Sequence), then pages by the nextAfter of each answer
            HttpResponse<String> answer = read(user, "/api/changes?limit=2&after=" + after, "Journal-Sequence", "5");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode page = JSON.readTree(answer.body());
            page.get("items").forEach(changes::add);
            after = page.get("nextAfter").asLong();
            nextAfters.add(after);
            hasMore = page.get("hasMore").asBoolean();
        } while (hasMore);

        assertThat(nextAfters).containsExactly(2L, 4L, 5L);
        assertThat(changes).extracting(c -> c.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(changes)
                .extracting(c -> c.get("change").asString())
                .containsExactly("ENTRY_SAVED", "ENTRY_SAVED", "ENTRY_SAVED", "ENTRY_SAVED", "ENTRY_RETRACTED");
        JsonNode corrected = changes.get(3);
        assertThat(corrected.get("type").asString()).isEqualTo("WinCorrected");
        assertThat(corrected.at("/entry/id").asString()).isEqualTo("w1");
        assertThat(corrected.at("/entry/version").asInt()).isEqualTo(2);
        assertThat(corrected.at("/entry/sequence").asLong()).isEqualTo(1);
        assertThat(corrected.at("/entry/win/text").asString()).isEqualTo("Today I rested, and it was fine");
        assertThat(corrected.has("retracted"))
                .as("absent members are left out, never null")
                .isFalse();
        JsonNode tombstone = changes.get(4);
        assertThat(tombstone.has("entry")).isFalse();
        assertThat(tombstone.at("/retracted/id").asString()).isEqualTo("c1");
        assertThat(tombstone.at("/retracted/kind").asString()).isEqualTo("CHECK_IN");
        assertThat(tombstone.at("/retracted/reason").asString()).isEqualTo("LOGGED_BY_MISTAKE");
        HttpResponse<String> current = read(user, "/api/timeline/w1");
        assertThat(JSON.readTree(current.body())).isEqualTo(corrected.get("entry"));

        JsonNode caughtUp = JSON.readTree(read(user, "/api/changes?after=5").body());
        assertThat(caughtUp.get("items")).isEmpty();
        assertThat(caughtUp.get("nextAfter").asLong()).isEqualTo(5);
        assertThat(caughtUp.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void changes_after_a_sequence_not_yet_visible_wait_for_it_or_answer_503_never_a_page_without_it() throws Exception {
        String user = "waiting-" + UUID.randomUUID();
        published(user, 1, new WinLogged("w1", "Today I asked for help", FocusArea.REST, List.of()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> read(user, "/api/changes?after=1").statusCode() == 200);

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return read(user, "/api/changes?after=2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        published(user, 2, new WinLogged("w2", "Today I rested", FocusArea.REST, List.of()));
        HttpResponse<String> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("nextAfter").asLong()).isEqualTo(2);

        HttpResponse<String> ahead = read(user, "/api/changes?after=9");
        assertThat(ahead.statusCode()).isEqualTo(503);
        assertThat(ahead.headers().firstValue("Retry-After")).isPresent();
        assertThat(ahead.body()).contains("not-yet-visible").doesNotContain("Today I");
    }

    @Test
    void a_stream_sends_the_backlog_then_live_changes_and_a_reconnect_with_last_event_id_resumes_exactly()
            throws Exception {
        String user = journalOfFive();

        List<SseEvent> first;
        try (EventStream stream = EventStream.open(this, user, "/api/changes/stream?after=0")) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            first = new ArrayList<>(stream.next(5));
            published(user, 6, new WinLogged("w3", "Today I named a feeling", FocusArea.REST, List.of()));
            first.addAll(stream.next(1));
        }
        assertThat(first).extracting(SseEvent::id).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(first.get(5).data().at("/entry/win/text").asString()).isEqualTo("Today I named a feeling");
        assertThat(first.get(4).data().get("change").asString()).isEqualTo("ENTRY_RETRACTED");

        // offline for a while: two more changes happen elsewhere
        published(user, 7, new WinCorrected("w3", 2, "Today I named two feelings", FocusArea.REST, List.of()));
        published(user, 8, new EntryRetracted("w2", 2, EntryKind.WIN, null));

        // as EventSource reconnects: the same URL (?after=0) and the id of the last event it received
        try (EventStream again = EventStream.open(this, user, "/api/changes/stream?after=0", "Last-Event-ID", "6")) {
            List<SseEvent> resumed = again.next(2);
            assertThat(resumed).extracting(SseEvent::id).containsExactly("7", "8");
            assertThat(resumed.get(0).data().at("/entry/version").asInt()).isEqualTo(2);
            assertThat(resumed.get(1).data().at("/retracted/id").asString()).isEqualTo("w2");
            assertThat(again.nextWithin(Duration.ofMillis(800)))
                    .as("nothing twice, nothing else")
                    .isNull();
            assertThat(again.comments).as("a quiet stream sends heartbeats").isNotEmpty();
        }
    }

    @Test
    void another_persons_changes_never_appear_in_the_feed_or_the_stream() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        published(alice, 1, new WinLogged("a1", "Alice's own win", FocusArea.REST, List.of()));
        published(bob, 1, new WinLogged("b1", "Bob's private sentence", FocusArea.REST, List.of()));
        published(bob, 2, new WinLogged("b2", "Bob's other sentence", FocusArea.REST, List.of()));

        try (EventStream stream = EventStream.open(this, alice, "/api/changes/stream")) {
            assertThat(stream.next(1)).extracting(SseEvent::id).containsExactly("1");
            published(bob, 3, new WinLogged("b3", "Bob's third sentence", FocusArea.REST, List.of()));
            assertThat(read(bob, "/api/changes?after=2", "Journal-Sequence", "3")
                            .body())
                    .contains("Bob's third sentence");
            assertThat(stream.nextWithin(Duration.ofMillis(500))).isNull();
        }
        String feed = read(alice, "/api/changes?after=0").body();
        assertThat(feed).contains("Alice's own win").doesNotContain("Bob");
    }

    @Test
    void a_person_with_the_most_streams_open_is_refused_a_further_one_with_a_429_problem() throws Exception {
        String user = "many-" + UUID.randomUUID();
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < streams.limits().perPerson(); i++) {
                EventStream stream = EventStream.open(this, user, "/api/changes/stream");
                assertThat(stream.response.statusCode()).isEqualTo(200);
                open.add(stream);
            }
            HttpResponse<String> refused = read(user, "/api/changes/stream", "Accept", "text/event-stream");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(refused.body()).get("type").asString())
                    .isEqualTo("https://smallwins.dev/problems/too-many-streams");
            assertThat(read("someone-else-" + UUID.randomUUID(), "/api/changes?after=0")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            for (EventStream stream : open) {
                stream.close();
            }
        }
        // a closed connection is noticed at the next heartbeat, and its place is free again
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams(user) == 0);
        try (EventStream again = EventStream.open(this, user, "/api/changes/stream")) {
            assertThat(again.response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_stream_without_a_token_or_with_an_id_it_never_sent_is_refused_with_a_problem() throws Exception {
        HttpResponse<String> anonymous = read(null, "/api/changes/stream", "Accept", "text/event-stream");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> badId =
                read("someone", "/api/changes/stream", "Accept", "text/event-stream", "Last-Event-ID", "abc");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badId.body()).contains("\"field\":\"Last-Event-ID\"").doesNotContain("abc");

        assertThat(read("someone", "/api/changes?after=-1").body()).contains("\"field\":\"after\"");
        assertThat(read("someone", "/api/changes?limit=501").body()).contains("\"field\":\"limit\"");
        assertThat(read("someone", "/api/changes/stream?after=-1", "Accept", "text/event-stream")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_focus_choice_and_a_weekly_reflection_come_as_changes_of_their_own() throws Exception {
        String user = "practice-" + UUID.randomUUID();
        published(user, 1, new WinLogged("w1", "Today I said no", FocusArea.BOUNDARIES, List.of()));
        published(user, 2, new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.PREPARATION));
        published(
                user,
                3,
                new WeeklyReflectionWritten(
                        YearWeek.from(LocalDate.now(BERLIN)).toString(), "I honored a no", List.of("w1"), true));

        JsonNode changes = JSON.readTree(read(user, "/api/changes?after=1", "Journal-Sequence", "3")
                        .body())
                .get("items");

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("change").asString()).isEqualTo("FOCUS_CHOSEN");
        assertThat(changes.get(0).at("/focus/area").asString()).isEqualTo("BOUNDARIES");
        assertThat(changes.get(0).at("/focus/stage").asString()).isEqualTo("PREPARATION");
        assertThat(changes.get(1).get("change").asString()).isEqualTo("REFLECTION_WRITTEN");
        assertThat(changes.get(1).at("/reflection/answer").asString()).isEqualTo("I honored a no");
        assertThat(changes.get(1).at("/reflection/winIds/0").asString()).isEqualTo("w1");
        assertThat(changes.get(1).at("/reflection/proudOfShowingUp").asBoolean())
                .isTrue();
        assertThat(changes.get(1).has("entry")).isFalse();
    }

    @Test
    void a_browser_app_may_send_its_token_and_the_last_event_id_to_the_stream_from_an_allowed_origin()
            throws Exception {
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/changes/stream"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://app.smallwins.example")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization,last-event-id")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(allowed -> assertThat(allowed).containsIgnoringCase("last-event-id"));
    }

    /** One server-sent event: its id and its data, parsed. */
    record SseEvent(String id, JsonNode data) {}

    /** A server-sent event stream read on its own thread, as an app's EventSource would. */
    static final class EventStream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
        final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        private EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(ChangesOverHttpTest test, String user, String pathAndQuery, String... headers)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + test.port + pathAndQuery))
                    .header("Authorization", "Bearer " + TOKENS.mint(user))
                    .header("Accept", "text/event-stream");
            if (headers.length > 0) {
                request.headers(headers);
            }
            return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        }

        private void read() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new SseEvent(id, JSON.readTree(data.toString())));
                        }
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (Exception closed) {
                // the test closed the connection
            }
        }

        List<SseEvent> next(int count) throws InterruptedException {
            List<SseEvent> received = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SseEvent event = events.poll(60, TimeUnit.SECONDS);
                assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
                received.add(event);
            }
            return received;
        }

        SseEvent nextWithin(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }
}
