package org.smallwins.query.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
import org.smallwins.apicontract.CommittedDocuments;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.query.readstore.JournalPositions;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Read-your-writes as a client sees it, on the whole query service: events arrive through real (embedded) Kafka, are
 * projected into the in-JVM MongoDB stand-in, and reads over HTTP pass the sequence a write answered with.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"smallwins.read-your-writes.wait=1500ms", "smallwins.keys.access-token=test-token"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadYourWritesOverHttpTest {

    static final Duration WAIT = Duration.ofMillis(1500);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HttpClient HTTP = ValidatingHttpClient.forService("query-service");
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
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
        registry.add("smallwins.analytics.pseudonym-secret", () -> "a-test-pseudonym-secret-of-32-characters");
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
    ReadStore store;

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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + TOKENS.mint(user));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The projection has its partitions (a first event of someone else is visible). */
    void projecting() throws Exception {
        String someone = "warm-up-" + UUID.randomUUID();
        published(someone, 1, new WinLogged("w0", "Today I rested", FocusArea.REST, List.of()));
        JournalPositions positions = new JournalPositions(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> positions.sequenceOf(someone) == 1);
    }

    @Test
    void a_read_sent_before_the_write_is_projected_waits_and_answers_with_the_entry() throws Exception {
        projecting();
        String user = "reader-" + UUID.randomUUID();
        published(user, 1, new WinLogged("w1", "Today I said no", FocusArea.BOUNDARIES, List.of()));

        CompletableFuture<HttpResponse<String>> timeline = CompletableFuture.supplyAsync(() -> {
            try {
                return read(user, "/api/timeline?after=2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(timeline).as("still waiting for sequence 2").isNotDone();
        published(user, 2, new CheckInRecorded("c1", 2, 3, ToleranceWindow.WITHIN, null));

        HttpResponse<String> answer = timeline.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":\"c1\"").contains("\"id\":\"w1\"");

        HttpResponse<String> week = read(user, "/api/trends/weeks/current", "Journal-Sequence", "2");
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(week.body()).contains("\"wins\":1").contains("\"checkIns\":1");
        HttpResponse<String> series = read(user, "/api/trends/weeks?count=1&after=2");
        assertThat(series.statusCode()).isEqualTo(200);
        assertThat(series.body()).contains("\"wins\":1");
    }

    @Test
    void a_read_of_a_sequence_the_read_model_never_reaches_is_a_503_problem_after_the_wait_not_stale_data()
            throws Exception {
        projecting();
        String user = "ahead-" + UUID.randomUUID();
        published(user, 1, new WinLogged("w1", "Today I rested", FocusArea.REST, List.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> read(user, "/api/timeline?after=1").statusCode() == 200);

        long started = System.nanoTime();
        HttpResponse<String> answer = read(user, "/api/timeline?after=5");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body())
                .contains("\"type\":\"https://smallwins.dev/problems/not-yet-visible\"")
                .doesNotContain("w1")
                .doesNotContain("Today I rested");
        assertThat(took).isBetween(WAIT, WAIT.plusSeconds(1));

        HttpResponse<String> weeks = read(user, "/api/trends/weeks", "Journal-Sequence", "5");
        assertThat(weeks.statusCode()).isEqualTo(503);
    }

    @Test
    void a_negative_sequence_is_a_400_problem_naming_the_parameter() throws Exception {
        HttpResponse<String> answer = read("someone", "/api/timeline?after=-1");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"after\"");
    }

    @Test
    void the_served_api_document_is_the_committed_one() throws Exception {
        HttpResponse<String> served = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(served.statusCode()).isEqualTo(200);
        CommittedDocuments.assertServedIsCommitted("query-service", "ReadYourWritesOverHttpTest", served.body());
    }

    @Test
    void the_api_documents_name_the_sequence_a_read_may_wait_for() throws Exception {
        HttpResponse<String> docs = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"name\":\"after\"")
                .contains("\"name\":\"Journal-Sequence\"")
                .contains("not-yet-visible");
    }
}
