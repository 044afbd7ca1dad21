package org.smallwins.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.AnalyticsTopic;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.DataKeyset;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.query.keys.KeyEndpointStandIn;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.threeten.extra.YearWeek;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's "done when", on the whole query service with its embedded parts (Kafka, the MongoDB stand-in, a key
 * endpoint answering as command-service's): 60 synthetic people over the 12 weeks 2026-W01..W12, 40 of them
 * consenting (20 from the start, 20 only after all their weeks: their past is shared too), journal events sealed as the
 * relay seals them. The cohort figures equal an independent computation over the consenting people's journals; a cell
 * of 9 people is suppressed (and, so that it cannot be derived, the next smallest); a person's token gets 403; after one
 * person withdraws, every key of theirs on the analytics topic is a tombstone and the figures change accordingly; no
 * record on the analytics topic holds a user id, a sentence or a tag, and each is valid against its schema.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"smallwins.keys.access-token=" + AnalyticsDoneWhenTest.TOKEN})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyticsDoneWhenTest {

    static final String TOKEN = "query-service-key-access-token";
    static final String SECRET = "a-test-pseudonym-secret-of-32-characters";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final KafkaServer KAFKA;
    static final MongoStandIn MONGO;
    static final KeyEndpointStandIn KEYS;
    static final Path PUBLIC_KEY;
    static final KafkaProducer<String, byte[]> PRODUCER;

    static {
        try {
            KAFKA = KafkaServer.start();
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 2, (short) 1)))
                        .all()
                        .get();
            }
            MONGO = MongoStandIn.start(0);
            KEYS = new KeyEndpointStandIn(TOKEN);
            PUBLIC_KEY =
                    TOKENS.writePublicKey(Files.createTempDirectory("issuer").resolve("public.pem"));
            PRODUCER = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KAFKA.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            5),
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
        registry.add("smallwins.keys.command-service-url", () -> KEYS.url().toString());
        registry.add("smallwins.analytics.pseudonym-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        PRODUCER.close();
        KEYS.close();
        MONGO.close();
        KAFKA.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ReadStore store;

    final JournalEventCodec codec = new JournalEventCodec();
    final Pseudonyms pseudonyms = new Pseudonyms(SECRET, "1");

    // ---------------------------------------------------------------- the synthetic people and what they wrote

    /** One person-week as written: the ground truth the independent computation starts from. */
    static final class Week {
        final int week;
        int wins;
        int checkIns;
        int moodSum;
        int within;

        Week(int week) {
            this.week = week;
        }
    }

    /** A person: their journal, whether (and when) they consent, their focus area; stage ACTION from W05 if a mover. */
    static final class Person {
        final String userId;
        final String keyId = "key-" + UUID.randomUUID();
        final DataKeyset key = DataKeyset.generate();
        final FocusArea area;
        final boolean consents;
        final boolean consentsFirst;
        final boolean mover;
        final Map<Integer, Week> weeks = new HashMap<>();
        final List<String> sentences = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        long sequence;

        Person(String userId, FocusArea area, boolean consents, boolean consentsFirst, boolean mover) {
            this.userId = userId;
            this.area = area;
            this.consents = consents;
            this.consentsFirst = consentsFirst;
            this.mover = mover;
        }

        String stageIn(int week) {
            return mover && week >= 5 ? "ACTION" : "CONTEMPLATION";
        }
    }

    final List<Person> people = new ArrayList<>();

    static Occurred on(LocalDate day, int hour) {
        return new Occurred(day.atTime(hour, 0).atZone(BERLIN).toInstant(), day, BERLIN.getId());
    }

    void publish(Person person, JournalEvent event, Occurred occurred) throws Exception {
        person.sequence++;
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                person.userId,
                person.sequence,
                occurred,
                occurred.instant(),
                "corr-" + person.sequence,
                EventEnvelope.PLAIN_JSON,
                event);
        byte[] bytes = event.containsPersonalData()
                ? codec.encode(codec.seal(envelope, person.keyId, person.key))
                : codec.encode(envelope);
        PRODUCER.send(new ProducerRecord<>(JournalTopic.NAME, person.userId, bytes));
    }

    /**
     * 40 consenting: 11 REST, 10 BOUNDARIES, 10 FEELINGS, 9 SELF_COMPASSION; 20 not consenting, all SELF_COMPASSION
     * (were they counted, that cell would be large enough to show). Every person writes in the first week of every
     * block, with a heavier week there (mood 1–2), and check-ins every week they write; the 11 REST people, one
     * BOUNDARIES person and 5 of those not consenting move from contemplation to action in W05 (and write in W04 and
     * W05).
     */
    void writeJournals() throws Exception {
        Random random = new Random(16);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int n = 0;
        for (FocusArea area :
                List.of(FocusArea.REST, FocusArea.BOUNDARIES, FocusArea.FEELINGS, FocusArea.SELF_COMPASSION)) {
            int count = switch (area) {
                case REST -> 11;
                case SELF_COMPASSION -> 9;
                default -> 10;
            };
            for (int i = 0; i < count; i++, n++) {
                boolean mover = area == FocusArea.REST || (area == FocusArea.BOUNDARIES && i == 0);
                people.add(new Person("person-" + run + "-" + n, area, true, n % 2 == 0, mover));
            }
        }
        for (int i = 0; i < 20; i++, n++) {
            people.add(new Person("person-" + run + "-" + n, FocusArea.SELF_COMPASSION, false, false, i < 5));
        }
        LocalDate lastSunday2025 = LocalDate.of(2025, 12, 28);
        for (Person person : people) {
            KEYS.keys.put(person.keyId, new KeyEndpointStandIn.Key(person.userId, person.key.toBinary()));
            if (person.consents && person.consentsFirst) {
                publish(person, new AnalyticsConsentGiven(), on(lastSunday2025, 9));
            }
            publish(person, new FocusAreaChosen(person.area, StageOfChange.CONTEMPLATION), on(lastSunday2025, 10));
            for (int w = 1; w <= 12; w++) {
                boolean blockStart = (w - 1) % 4 == 0;
                boolean moving = person.mover && (w == 4 || w == 5);
                if (!blockStart && !moving && random.nextInt(3) == 0) {
                    continue; // a quiet week
                }
                LocalDate monday = YearWeek.of(2026, w).atDay(DayOfWeek.MONDAY);
                if (person.mover && w == 5) {
                    publish(person, new FocusAreaChosen(person.area, StageOfChange.ACTION), on(monday, 7));
                }
                Week week = new Week(w);
                person.weeks.put(w, week);
                int wins = random.nextInt(4);
                for (int i = 0; i < wins; i++) {
                    LocalDate day = monday.plusDays(random.nextInt(7));
                    String sentence = "Today I said no kindly, secret " + UUID.randomUUID();
                    String tag = "tag-" + UUID.randomUUID().toString().substring(0, 12);
                    person.sentences.add(sentence);
                    person.tags.add(tag);
                    publish(
                            person,
                            new WinLogged("w" + w + "-" + i, sentence, person.area, List.of(tag)),
                            on(day, 10 + i));
                    week.wins++;
                }
                int checkIns = 1 + random.nextInt(3);
                for (int i = 0; i < checkIns; i++) {
                    LocalDate day = monday.plusDays(random.nextInt(7));
                    int mood = blockStart ? 1 + random.nextInt(2) : 1 + random.nextInt(5);
                    ToleranceWindow window = ToleranceWindow.values()[random.nextInt(3)];
                    String note = "a note nobody else reads " + UUID.randomUUID();
                    person.sentences.add(note);
                    publish(
                            person,
                            new CheckInRecorded("c" + w + "-" + i, mood, 1 + random.nextInt(5), window, note),
                            on(day, 20 + i));
                    week.checkIns++;
                    week.moodSum += mood;
                    week.within += window == ToleranceWindow.WITHIN ? 1 : 0;
                }
            }
            if (person.consents && !person.consentsFirst) {
                publish(person, new AnalyticsConsentGiven(), on(LocalDate.of(2026, 11, 30), 9));
            }
        }
        PRODUCER.flush();
    }

    // ---------------------------------------------------------------- the independent computation

    static double round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static Double ratio(long part, long whole, int decimals) {
        return whole == 0
                ? null
                : round(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_UP), decimals);
    }

    static boolean hard(Week week) {
        return week.checkIns > 0 && (2 * week.moodSum <= 5 * week.checkIns || 2 * week.within < week.checkIns);
    }

    /** The cell a group of people should show over W01..W12 (three blocks), computed from what they wrote. */
    static CohortReport.Cell expected(String group, List<Person> members) {
        int personWeeks = 0;
        int wins = 0;
        int hardWeeks = 0;
        int hardWithWin = 0;
        int checkIns = 0;
        int within = 0;
        BigDecimal firstSum = BigDecimal.ZERO;
        BigDecimal lastSum = BigDecimal.ZERO;
        int firstCount = 0;
        int lastCount = 0;
        for (Person person : members) {
            for (Week week : person.weeks.values()) {
                personWeeks++;
                wins += week.wins;
                checkIns += week.checkIns;
                within += week.within;
                if (hard(week)) {
                    hardWeeks++;
                    hardWithWin += week.wins > 0 ? 1 : 0;
                }
                BigDecimal mood = BigDecimal.valueOf(week.moodSum)
                        .divide(BigDecimal.valueOf(week.checkIns), 1, RoundingMode.HALF_UP);
                if (week.week <= 4) {
                    firstSum = firstSum.add(mood);
                    firstCount++;
                } else if (week.week >= 9) {
                    lastSum = lastSum.add(mood);
                    lastCount++;
                }
            }
        }
        BigDecimal first = firstSum.divide(BigDecimal.valueOf(firstCount), 10, RoundingMode.HALF_UP);
        BigDecimal last = lastSum.divide(BigDecimal.valueOf(lastCount), 10, RoundingMode.HALF_UP);
        return new CohortReport.Cell(
                group,
                false,
                members.size(),
                personWeeks,
                wins,
                ratio(wins, personWeeks, 2),
                hardWeeks,
                hardWithWin,
                ratio(hardWithWin, hardWeeks, 2),
                checkIns,
                within,
                ratio(within, checkIns, 2),
                new CohortReport.MoodTrend(round(first, 1), round(last, 1), round(last.subtract(first), 1)),
                List.of());
    }

    List<Person> consenting() {
        return people.stream().filter(p -> p.consents).toList();
    }

    List<Person> in(FocusArea area) {
        return consenting().stream().filter(p -> p.area == area).toList();
    }

    // ---------------------------------------------------------------- HTTP and the raw topic

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    CohortReport cohorts(String groupBy) throws Exception {
        HttpResponse<String> answer = get(
                "/api/analytics/cohorts?from=2026-W01&to=2026-W12&groupBy=" + groupBy,
                TOKENS.mint("analyst-ada", "analytics:read", Duration.ofMinutes(5)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readValue(answer.body(), CohortReport.class);
    }

    /** Every record on the analytics topic, as stored, read from the beginning to its end. */
    List<ConsumerRecord<String, byte[]>> rawAnalyticsRecords() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AnalyticsTopic.NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The topic as a compacted reader sees it: the latest value per key (null: a tombstone). */
    static Map<String, byte[]> latest(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, byte[]> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    long personWeeks(List<Person> who) {
        return who.stream().mapToLong(p -> p.weeks.size()).sum();
    }

    // ---------------------------------------------------------------- the test

    @Test
    void the_cohort_figures_of_60_people_are_those_of_the_40_consenting_and_keep_k_anonymity_through_a_withdrawal()
            throws Exception {
        writeJournals();
        long expectedFacts = personWeeks(consenting());
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(latest(rawAnalyticsRecords()).values().stream()
                                .filter(v -> v != null)
                                .count())
                        .isEqualTo(expectedFacts));

        // The figures: over the consenting people only, exactly as computed from their journals.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(cohorts("none").cells()).containsExactly(expected(Cohorts.ALL, consenting())));
        CohortReport byArea = cohorts("focusArea");
        assertThat(byArea.cells())
                .containsExactly(
                        expected("REST", in(FocusArea.REST)),
                        CohortReport.Cell.suppressed("BOUNDARIES"), // with it, the 9 cannot be derived from none
                        CohortReport.Cell.suppressed("SELF_COMPASSION"), // 9 people
                        expected("FEELINGS", in(FocusArea.FEELINGS)));
        assertThat(byArea.k()).isEqualTo(10);
        assertThat(byArea.stageTransitions())
                .containsExactly(new CohortReport.Transition("CONTEMPLATION", "ACTION", false, 12, 12));

        // A person's token is refused; an analyst's reaches nothing else.
        HttpResponse<String> personal =
                get("/api/analytics/cohorts?from=2026-W01&to=2026-W12", TOKENS.mint(people.get(0).userId));
        assertThat(personal.statusCode()).isEqualTo(403);
        assertThat(personal.body()).contains("forbidden").doesNotContain("\"people\"", "personWeeks");
        assertThat(get("/api/analytics/cohorts?from=2026-W01&to=2026-W12", null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/timeline", TOKENS.mint(people.get(0).userId, "analytics:read", Duration.ofMinutes(5)))
                        .statusCode())
                .isEqualTo(403);
        // Every analytics request is audited: who, what, when, how it ended; never a figure.
        List<Document> audit = store.analyticsAudit().find().into(new ArrayList<>());
        assertThat(audit).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getString("analyst")).isEqualTo("analyst-ada");
            assertThat(entry.get("at")).isNotNull();
            assertThat(entry.keySet()).doesNotContain("cells_", "people", "figures");
            assertThat(entry.toJson()).doesNotContain("winsPerPersonWeek", "REST");
        });

        // The raw records: no user id, no sentence, no tag; each value valid against its schema.
        List<ConsumerRecord<String, byte[]>> raw = rawAnalyticsRecords();
        Schema factsSchema = schema("schemas/analytics/WeeklyFacts-v1.schema.json");
        Set<String> secrets = new HashSet<>();
        people.forEach(p -> {
            secrets.add(p.userId);
            secrets.addAll(p.sentences);
            secrets.addAll(p.tags);
        });
        for (ConsumerRecord<String, byte[]> record : raw) {
            String text = record.key() + " "
                    + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            assertThat(secrets).noneMatch(text::contains);
            assertThat(text).doesNotContain("person-", "secret", "tag-", "Europe/Berlin", "T10:");
            if (record.value() != null) {
                assertThat(factsSchema.validate(new String(record.value(), StandardCharsets.UTF_8), InputFormat.JSON))
                        .isEmpty();
            }
        }
        // Only consenting people, each week once under their pseudonym (and nothing of those not consenting).
        Map<String, byte[]> current = latest(raw);
        for (Person person : people) {
            String prefix = pseudonyms.of(person.userId) + "|";
            long keys = current.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && e.getValue() != null)
                    .count();
            assertThat(keys).as(person.userId).isEqualTo(person.consents ? person.weeks.size() : 0);
        }

        // One REST person who moved withdraws: every key of theirs becomes a tombstone, and the figures follow.
        Person leaving = in(FocusArea.REST).get(0);
        publish(leaving, new AnalyticsConsentWithdrawn(), on(LocalDate.of(2026, 11, 30), 12));
        PRODUCER.flush();
        String prefix = pseudonyms.of(leaving.userId) + "|";
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, byte[]> after = latest(rawAnalyticsRecords());
                    List<String> theirs = after.keySet().stream()
                            .filter(k -> k.startsWith(prefix))
                            .toList();
                    assertThat(theirs).hasSize(leaving.weeks.size());
                    assertThat(theirs)
                            .allSatisfy(k -> assertThat(after.get(k)).as(k).isNull());
                });
        people.remove(leaving);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(cohorts("none").cells()).containsExactly(expected(Cohorts.ALL, consenting())));
        CohortReport withdrawn = cohorts("focusArea");
        assertThat(withdrawn.cells().get(0)).isEqualTo(expected("REST", in(FocusArea.REST)));
        assertThat(withdrawn.cells().get(0).people()).isEqualTo(10);
        assertThat(withdrawn.stageTransitions())
                .containsExactly(new CohortReport.Transition("CONTEMPLATION", "ACTION", false, 11, 11));
    }

    static Schema schema(String path) throws Exception {
        try (InputStream in = AnalyticsDoneWhenTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
