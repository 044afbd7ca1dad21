package org.smallwins.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.threeten.extra.YearWeek;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The patterns as a client sees them, on the whole query service: events arrive through real (embedded) Kafka, are
 * projected into the in-JVM MongoDB stand-in, and {@code GET /api/patterns} is read over HTTP by their owner and by
 * someone else.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"smallwins.read-your-writes.wait=10s", "smallwins.keys.access-token=test-token"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatternsOverHttpTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
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
                admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 3, (short) 1)))
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

    final JournalEventCodec codec = new JournalEventCodec();

    /** A person's journal as command-service's relay publishes it: envelopes keyed by the person, in order. */
    final class Journal {
        final String user;
        long sequence;

        Journal(String user) {
            this.user = user;
        }

        /** An event that happened at noon (Berlin) of {@code day}. */
        Journal on(LocalDate day, JournalEvent event) throws Exception {
            Instant at = day.atTime(LocalTime.NOON).atZone(BERLIN).toInstant();
            sequence++;
            EventEnvelope envelope = new EventEnvelope(
                    UUID.randomUUID().toString(),
                    user,
                    sequence,
                    Occurred.at(at, BERLIN),
                    Instant.now(),
                    "corr-" + sequence,
                    EventEnvelope.PLAIN_JSON,
                    event);
            PRODUCER.send(new ProducerRecord<>(JournalTopic.NAME, user, codec.encode(envelope)))
                    .get();
            return this;
        }

        Journal win(LocalDate day, String id, FocusArea area, String text) throws Exception {
            return on(day, new WinLogged(id, text, area, List.of()));
        }

        Journal checkIn(LocalDate day, String id, int mood, ToleranceWindow window) throws Exception {
            return on(day, new CheckInRecorded(id, mood, 3, window, null));
        }
    }

    JsonNode patterns(String user, String query, long after) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/patterns?after=" + after + query))
                        .header("Authorization", "Bearer " + TOKENS.mint(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    @Test
    void
            the_owner_sees_their_weeks_and_heavier_weeks_with_their_wins_as_they_are_now_and_someone_else_sees_quiet_weeks()
                    throws Exception {
        String ada = "ada-" + UUID.randomUUID();
        String ben = "ben-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate threeWeeksAgo = today.minusWeeks(3);
        LocalDate twoWeeksAgo = today.minusWeeks(2);

        Journal journal = new Journal(ada)
                .on(threeWeeksAgo, new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION))
                // three weeks ago: a heavier week (mood average exactly 2.5) that held three wins
                .win(threeWeeksAgo, "w1", FocusArea.BOUNDARIES, "Today I said no to an extra shift")
                .win(threeWeeksAgo, "w2", FocusArea.BOUNDARIES, "Today I left on time")
                .win(threeWeeksAgo, "w3", FocusArea.REST, "Today I napped")
                .win(threeWeeksAgo, "w4", FocusArea.REST, "Logged twice")
                .checkIn(threeWeeksAgo, "c1", 2, ToleranceWindow.WITHIN)
                .checkIn(threeWeeksAgo, "c2", 3, ToleranceWindow.WITHIN)
                // corrected and retracted: the week shows w3 as it is now, and w4 not at all
                .on(threeWeeksAgo, new WinCorrected("w3", 2, "Today I rested without guilt", FocusArea.REST, List.of()))
                .on(threeWeeksAgo, new EntryRetracted("w4", 2, EntryKind.WIN, RetractionReason.DUPLICATE))
                .on(
                        today,
                        new WeeklyReflectionWritten(
                                YearWeek.from(threeWeeksAgo).toString(),
                                "By leaving on time",
                                List.of("w2", "w1"),
                                true))
                // two weeks ago: a gentler week
                .win(twoWeeksAgo, "w5", FocusArea.REST, "Today I asked for help")
                .checkIn(twoWeeksAgo, "c3", 4, ToleranceWindow.WITHIN)
                // last week is quiet; this week: check-ins mostly outside the window
                .checkIn(today, "c4", 4, ToleranceWindow.HYPERAROUSED)
                .checkIn(today, "c5", 4, ToleranceWindow.HYPOAROUSED)
                .checkIn(today, "c6", 3, ToleranceWindow.WITHIN)
                .on(today, new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.ACTION));

        JsonNode patterns = patterns(ada, "&weeks=4", journal.sequence);

        JsonNode weeks = patterns.path("weeks");
        assertThat(texts(weeks, "week"))
                .containsExactly(
                        YearWeek.from(threeWeeksAgo).toString(),
                        YearWeek.from(twoWeeksAgo).toString(),
                        YearWeek.from(today.minusWeeks(1)).toString(),
                        YearWeek.from(today).toString());
        JsonNode heavier = weeks.get(0);
        assertThat(heavier.path("wins").asInt()).isEqualTo(3);
        assertThat(heavier.path("checkIns").asInt()).isEqualTo(2);
        assertThat(heavier.path("moodAverage").asDouble()).isEqualTo(2.5);
        assertThat(heavier.path("energyAverage").asDouble()).isEqualTo(3.0);
        assertThat(heavier.path("shareWithinWindow").asDouble()).isEqualTo(1.0);
        assertThat(heavier.path("daysShownUp").asInt()).isOne();
        assertThat(heavier.path("reflectionWritten").asBoolean()).isTrue();
        assertThat(heavier.path("focusArea").asString()).isEqualTo("BOUNDARIES");
        assertThat(heavier.path("stage").asString()).isEqualTo("CONTEMPLATION");
        assertThat(heavier.path("winsInFocusArea").asInt()).isEqualTo(2);
        assertThat(weeks.get(1).path("reflectionWritten").asBoolean()).isFalse();
        assertThat(weeks.get(1).path("winsInFocusArea").asInt()).isZero();
        assertThat(weeks.get(3).path("stage").asString()).isEqualTo("ACTION");
        assertThat(patterns.path("focusOverTime")).hasSize(2);
        assertThat(patterns.path("focusOverTime").get(0).path("week").asString())
                .isEqualTo(YearWeek.from(threeWeeksAgo).toString());
        assertThat(texts(patterns.path("focusOverTime"), "stage")).containsExactly("CONTEMPLATION", "ACTION");
        JsonNode quiet = weeks.get(2);
        assertThat(quiet.path("wins").asInt()).isZero();
        assertThat(quiet.path("checkIns").asInt()).isZero();
        assertThat(quiet.path("daysShownUp").asInt()).isZero();
        assertThat(quiet.has("moodAverage")).isFalse();
        assertThat(quiet.has("shareWithinWindow")).isFalse();
        assertThat(weeks.get(3).path("shareWithinWindow").asDouble()).isEqualTo(0.33);

        JsonNode hard = patterns.path("hardWeeks");
        assertThat(texts(hard, "week"))
                .containsExactly(
                        YearWeek.from(threeWeeksAgo).toString(),
                        YearWeek.from(today).toString());
        assertThat(hard.get(0).path("because")).hasSize(1);
        assertThat(hard.get(0).path("because").get(0).asString()).isEqualTo("MOOD_AVERAGE_2_5_OR_LOWER");
        assertThat(texts(hard.get(0).path("winsLogged"), "id")).containsExactly("w1", "w2", "w3");
        assertThat(texts(hard.get(0).path("winsLogged"), "text"))
                .containsExactly(
                        "Today I said no to an extra shift", "Today I left on time", "Today I rested without guilt");
        assertThat(hard.get(0).path("summary").asString()).isEqualTo("3 wins in a heavier week");
        assertThat(hard.get(1).path("because").get(0).asString()).isEqualTo("CHECK_INS_MOSTLY_OUTSIDE_THE_WINDOW");
        assertThat(hard.get(1).path("winsLogged")).isEmpty();

        JsonNode help = patterns.path("whatSeemsToHelp");
        assertThat(texts(help, "focusArea")).containsExactly("REST", "BOUNDARIES");
        assertThat(help.get(1).path("shown").asBoolean()).isFalse();
        assertThat(help.get(1).path("withTwoOrMoreWins").path("weeks").asInt()).isOne();
        assertThat(help.get(1).path("withTwoOrMoreWins").path("moreWeeksNeeded").asInt())
                .isEqualTo(2);
        assertThat(help.get(1).path("withFewerWins").path("weeks").asInt()).isEqualTo(2);
        assertThat(help.get(1).path("withFewerWins").path("moreWeeksNeeded").asInt())
                .isOne();
        assertThat(help.get(1).path("withFewerWins").has("moodAverage")).isFalse();

        // Someone else: the same endpoint answers, with twelve quiet weeks and nothing of Ada's.
        HttpResponse<String> bens = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/patterns"))
                        .header("Authorization", "Bearer " + TOKENS.mint(ben))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bens.statusCode()).isEqualTo(200);
        JsonNode his = JSON.readTree(bens.body());
        assertThat(his.path("weeks")).hasSize(12);
        his.path("weeks").forEach(week -> {
            assertThat(week.path("wins").asInt()).isZero();
            assertThat(week.path("checkIns").asInt()).isZero();
            assertThat(week.has("moodAverage")).isFalse();
        });
        assertThat(his.path("hardWeeks")).isEmpty();
        assertThat(his.path("whatSeemsToHelp")).isEmpty();
        assertThat(his.path("focusOverTime")).isEmpty();
        assertThat(bens.body())
                .doesNotContain("w1")
                .doesNotContain("shift")
                .doesNotContain("guilt")
                .doesNotContain("BOUNDARIES");
    }
}
