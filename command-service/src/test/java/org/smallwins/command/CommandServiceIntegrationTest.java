package org.smallwins.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.smallwins.command.journal.Journal;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.command.keys.DataKey;
import org.smallwins.command.keys.DataKeys;
import org.smallwins.command.keys.KeyLookup;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.SealedEnvelope;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.FreePort;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.PostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * command-service on a real PostgreSQL and a real Kafka broker that is not there at first: the relay must keep every
 * event until the broker appears, then deliver each user's events in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandServiceIntegrationTest {

    static final PostgresServer POSTGRES;
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final int KAFKA_PORT;
    static final Path PUBLIC_KEY;
    static KafkaServer kafka;

    static {
        try {
            POSTGRES = PostgresServer.start(null, 0);
            KAFKA_PORT = FreePort.next();
            PUBLIC_KEY =
                    TOKENS.writePublicKey(Files.createTempDirectory("issuer").resolve("public.pem"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::user);
        registry.add("spring.datasource.password", POSTGRES::password);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "1000");
        registry.add("spring.kafka.admin.operation-timeout", () -> "2s");
        registry.add("spring.kafka.admin.close-timeout", () -> "2s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", TOKENS::audience);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
        registry.add("smallwins.journal.snapshot-every", () -> "20");
        registry.add("smallwins.journal.cache", () -> "false");
        // This test writes a long journal quickly; the write rate limit is tested in HostileRequestsTest.
        registry.add("smallwins.http.write-burst", () -> "1000");
        TestKeys.register(registry);
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        POSTGRES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final JournalEventCodec codec = new JournalEventCodec();

    RestClient client(String user) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TOKENS.mint(user))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    int logWin(String user, String id, String text, String correlationId) {
        return client(user)
                .post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", correlationId)
                .body(Map.of("winId", id, "text", text, "focusArea", "REST", "zone", "Europe/Berlin"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    ResponseEntity<Void> logWinAnswer(String user, String id, String text) {
        return client(user)
                .post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("winId", id, "text", text, "focusArea", "REST", "zone", "Europe/Berlin"))
                .retrieve()
                .toBodilessEntity();
    }

    @Autowired
    DataKeys dataKeys;

    /** A record from the topic, opened with its person's data key if it is sealed. */
    EventEnvelope opened(byte[] record) {
        DecodeResult result = codec.decode(record);
        if (result instanceof DecodeResult.Sealed sealed) {
            KeyLookup key = dataKeys.find(sealed.envelope().keyId());
            assertThat(key).isInstanceOf(KeyLookup.Live.class);
            result = codec.open(sealed.envelope(), ((KeyLookup.Live) key).key().keyset());
        }
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) result).envelope();
    }

    /** Every record on the topic keyed by this user, as raw bytes, once at least {@code count} are there. */
    List<byte[]> rawRecords(String user, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<byte[]> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (user.equals(record.key())) {
                        records.add(record.value());
                    }
                }
            }
        }
        return records;
    }

    List<EventEnvelope> readTopic(java.util.function.Predicate<List<EventEnvelope>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!enough.test(envelopes) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope envelope = opened(record.value());
                    assertThat(record.key()).isEqualTo(envelope.userId());
                    envelopes.add(envelope);
                }
            }
        }
        return envelopes;
    }

    @Test
    @Order(1)
    void commands_succeed_while_kafka_is_unreachable_and_every_event_arrives_in_order_once_it_is_back()
            throws Exception {
        List<String> users = List.of("outage-a-" + UUID.randomUUID(), "outage-b-" + UUID.randomUUID());
        for (int i = 1; i <= 6; i++) {
            for (String user : users) {
                assertThat(logWin(user, "w" + i, "Today I kept going " + i, "corr-" + i))
                        .isEqualTo(201);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class))
                .isEqualTo(12L);

        // The broker appears at the address the service was given.
        kafka = KafkaServer.start(null, KAFKA_PORT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 6, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
                    .all()
                    .get();
        }

        List<EventEnvelope> delivered = readTopic(read -> read.size() >= 12);
        Map<String, List<Long>> sequences = new HashMap<>();
        Map<String, List<String>> wins = new HashMap<>();
        for (EventEnvelope envelope : delivered) {
            sequences.computeIfAbsent(envelope.userId(), u -> new ArrayList<>()).add(envelope.sequence());
            wins.computeIfAbsent(envelope.userId(), u -> new ArrayList<>())
                    .add(envelope.payload().entryId());
        }
        for (String user : users) {
            // At least once: a retried batch may repeat events, but each user's events arrive in order.
            assertThat(sequences.get(user)).isSorted().containsSubsequence(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(wins.get(user)).containsSubsequence("w1", "w2", "w3", "w4", "w5", "w6");
        }
    }

    @Test
    @Order(2)
    void each_writes_answer_carries_the_journals_sequence_after_it_the_one_its_envelope_carries() {
        String user = "sequence-" + UUID.randomUUID();
        RestClient client = client(user);
        List<ResponseEntity<Map>> answers = new ArrayList<>();
        answers.add(client.post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("winId", "w1", "text", "Today I rested", "focusArea", "REST", "zone", "Europe/Berlin"))
                .retrieve()
                .toEntity(Map.class));
        answers.add(client.post()
                .uri("/api/journal/check-ins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("checkInId", "c1", "mood", 3, "energy", 2, "window", "WITHIN"))
                .retrieve()
                .toEntity(Map.class));
        answers.add(client.post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("winId", "w2", "text", "Today I said no", "focusArea", "BOUNDARIES"))
                .retrieve()
                .toEntity(Map.class));
        ResponseEntity<Map> retry = client.post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("winId", "w1", "text", "Today I rested", "focusArea", "REST", "zone", "Europe/Berlin"))
                .retrieve()
                .toEntity(Map.class);

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).getStatusCode().value()).isEqualTo(201);
            assertThat(answers.get(i).getBody()).containsEntry("sequence", i + 1);
            assertThat(answers.get(i).getHeaders().getFirst("Journal-Sequence")).isEqualTo(Integer.toString(i + 1));
        }
        assertThat(retry.getStatusCode().value())
                .as("a retry of the first entry")
                .isEqualTo(200);
        assertThat(retry.getBody()).containsEntry("outcome", "ALREADY_RECORDED").containsEntry("sequence", 3);
        assertThat(retry.getHeaders().getFirst("Journal-Sequence")).isEqualTo("3");

        List<EventEnvelope> envelopes =
                readTopic(read -> read.stream()
                                        .filter(e -> e.userId().equals(user))
                                        .count()
                                >= 3)
                        .stream()
                        .filter(e -> e.userId().equals(user))
                        .toList();
        assertThat(envelopes)
                .extracting(e -> e.payload().entryId() + "@" + e.sequence())
                .startsWith("w1@1", "c1@2", "w2@3");

        String docs = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(String.class);
        assertThat(docs).as("the API documents name the header").contains("Journal-Sequence");
    }

    @Test
    @Order(2)
    void every_stored_event_reaches_the_topic_as_a_contract_envelope_keyed_by_its_user() {
        String user = "shape-" + UUID.randomUUID();
        assertThat(logWin(user, "w1", "Today I rested without guilt", "trace-me-123"))
                .isEqualTo(201);

        EventEnvelope envelope = readTopic(
                        read -> read.stream().anyMatch(e -> e.userId().equals(user)))
                .stream()
                .filter(e -> e.userId().equals(user))
                .findFirst()
                .orElseThrow();

        assertThat(envelope.type()).isEqualTo("WinLogged");
        assertThat(envelope.typeVersion()).isEqualTo(1);
        assertThat(envelope.sequence()).isEqualTo(1);
        assertThat(envelope.correlationId()).isEqualTo("trace-me-123");
        assertThat(envelope.occurred().zone()).isEqualTo("Europe/Berlin");
        assertThat(envelope.payloadEncoding()).isEqualTo("tink-aead");
        assertThat(envelope.payload())
                .isEqualTo(new WinLogged(
                        "w1", "Today I rested without guilt", org.smallwins.contract.FocusArea.REST, List.of()));
        assertThat(envelope.recordedAt()).isNotNull();
    }

    @Test
    @Order(3)
    void a_long_journal_is_snapshotted_and_still_knows_every_entry_when_loaded_from_its_snapshot() {
        String user = "long-" + UUID.randomUUID();
        for (int i = 1; i <= 45; i++) {
            assertThat(logWin(user, "w" + i, "Today I showed up " + i, "c" + i)).isEqualTo(201);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from snapshotevententry where aggregateidentifier = ?", Long.class, user))
                .isPositive();

        // Loaded from the snapshot plus later events (no cache here): the first entry is still recognised.
        ResponseEntity<Void> retry = logWinAnswer(user, "w1", "Today I showed up 1");
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Journal-Sequence"))
                .as("the journal's sequence, from its snapshot")
                .isEqualTo("45");
        assertThat(logWin(user, "w1", "Something else entirely", "conflict")).isEqualTo(409);
        ResponseEntity<Void> next = logWinAnswer(user, "w46", "Today I showed up 46");
        assertThat(next.getStatusCode().value()).isEqualTo(201);
        assertThat(next.getHeaders().getFirst("Journal-Sequence")).isEqualTo("46");
        assertThat(jdbc.queryForObject(
                        "select max(sequencenumber) from domainevententry where aggregateidentifier = ?",
                        Long.class,
                        user))
                .isEqualTo(45L);
    }

    @Autowired
    EventStore eventStore;

    @Test
    @Order(4)
    void a_second_event_at_the_same_journal_position_is_refused_as_a_concurrent_append_not_a_storage_failure() {
        String user = "rival-" + UUID.randomUUID();
        MetaData meta = MetaData.with(JournalMetaData.OCCURRED_AT, Instant.now().toString())
                .and(
                        JournalMetaData.OCCURRED_DATE,
                        LocalDate.now(ZoneOffset.UTC).toString())
                .and(JournalMetaData.OCCURRED_ZONE, "UTC")
                .and(JournalMetaData.CORRELATION_ID, "rival");
        eventStore.publish(new GenericDomainEventMessage<>(
                "Journal", user, 0, new WinLogged("first", "Today I went first", FocusArea.REST, List.of()), meta));

        // What another command-service instance does when it decided on the same journal version at the same time:
        // for a journal's first event Axon calls it a creation clash, for later ones a concurrency clash.
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>(
                        "Journal",
                        user,
                        0,
                        new WinLogged("second", "Today I went second", FocusArea.REST, List.of()),
                        meta)))
                .isInstanceOf(AggregateStreamCreationException.class);
        eventStore.publish(new GenericDomainEventMessage<>(
                "Journal", user, 1, new WinLogged("third", "Today I went third", FocusArea.REST, List.of()), meta));
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>(
                        "Journal",
                        user,
                        1,
                        new WinLogged("fourth", "Today I went fourth", FocusArea.REST, List.of()),
                        meta)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user))
                .isEqualTo(2);
    }

    int post(String user, String path, Map<String, Object> body) {
        return client(user)
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    /** A first entry and a second one with the same id and different content. */
    record ChangedRetry(String path, Map<String, Object> first, Map<String, Object> second) {}

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }

    /** Generated: texts and tags with separators, brackets, quotes, "null" and unicode; each pair differs in one way. */
    static Arbitrary<ChangedRetry> changedRetries() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("ab,[]\"'é漢🌱 ")
                        .ofMinLength(1)
                        .ofMaxLength(12)
                        .filter(w -> !w.isBlank())
                        .map(String::strip),
                Arbitraries.of("null", "a, b", "[a]", "e\u0301", "é"));
        Arbitrary<ChangedRetry> wins = Combinators.combine(word, word, word)
                .as((text, tag1, tag2) -> {
                    Map<String, Object> first = body(
                            "text",
                            "Today I " + text,
                            "focusArea",
                            "REST",
                            "tags",
                            List.of(tag1 + ", " + tag2),
                            "zone",
                            "Europe/Berlin");
                    return List.of(
                            new ChangedRetry("/api/journal/wins", first, with(first, "tags", List.of(tag1, tag2))),
                            new ChangedRetry("/api/journal/wins", first, with(first, "text", "Today I " + text + "!")),
                            new ChangedRetry("/api/journal/wins", first, with(first, "tags", null)),
                            new ChangedRetry("/api/journal/wins", first, with(first, "focusArea", "BOUNDARIES")),
                            new ChangedRetry("/api/journal/wins", first, with(first, "day", "2000-01-01")));
                })
                .flatMap(Arbitraries::of);
        Arbitrary<ChangedRetry> checkIns = word.map(note -> {
                    Map<String, Object> first = body("mood", 3, "energy", 2, "window", "WITHIN", "zone", "UTC");
                    return List.of(
                            new ChangedRetry("/api/journal/check-ins", first, with(first, "note", "null")),
                            new ChangedRetry("/api/journal/check-ins", with(first, "note", note), first),
                            new ChangedRetry(
                                    "/api/journal/check-ins",
                                    with(first, "note", note),
                                    with(first, "note", note + "?")),
                            new ChangedRetry("/api/journal/check-ins", first, with(first, "energy", 3)));
                })
                .flatMap(Arbitraries::of);
        return Arbitraries.oneOf(wins, checkIns);
    }

    @Test
    @Order(5)
    void an_entry_sent_again_with_changed_content_is_409_and_the_change_is_not_stored() {
        List<ChangedRetry> pairs = changedRetries().sampleStream().limit(12).toList();
        long before = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        for (ChangedRetry pair : pairs) {
            String user = "changed-" + UUID.randomUUID();
            String idField = pair.path().endsWith("wins") ? "winId" : "checkInId";
            Map<String, Object> first = with(pair.first(), idField, "e1");
            Map<String, Object> second = with(pair.second(), idField, "e1");

            assertThat(post(user, pair.path(), first)).as("first %s", pair).isEqualTo(201);
            assertThat(post(user, pair.path(), second)).as("changed %s", pair).isEqualTo(409);
            assertThat(post(user, pair.path(), first)).as("retry %s", pair).isEqualTo(200);
        }
        assertThat(pairs).hasSize(12);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class))
                .isEqualTo(before + pairs.size());
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> change(String user, HttpMethod method, String path, String ifMatch, Object body) {
        RestClient.RequestBodySpec request = client(user).method(method).uri(path);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(Map.class);
    }

    @Test
    @Order(5)
    @SuppressWarnings("rawtypes")
    void a_win_is_corrected_and_moved_and_a_check_in_retracted_through_the_journal_and_the_topic_carries_them_sealed() {
        String user = "history-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String corrected = "Walrus trumpet correction 4c1d";
        LocalDate lastWeek = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(7);
        Map<String, Object> correction = Map.of(
                "text",
                corrected,
                "focusArea",
                "SELF_COMPASSION",
                "tags",
                List.of("evening"),
                "day",
                lastWeek.toString());
        assertThat(logWin(user, "w1", "Today I rested", "log-1")).isEqualTo(201);
        assertThat(post(
                        user,
                        "/api/journal/check-ins",
                        Map.of("checkInId", "c1", "mood", 2, "energy", 3, "window", "WITHIN")))
                .isEqualTo(201);

        ResponseEntity<Map> moved = change(user, HttpMethod.PUT, "/api/journal/wins/w1", "\"1\"", correction);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(moved.getHeaders().getFirst("Journal-Sequence")).isEqualTo("3");
        assertThat(moved.getBody()).containsEntry("outcome", "RECORDED").containsEntry("version", 2);

        ResponseEntity<Map> retried = change(user, HttpMethod.PUT, "/api/journal/wins/w1", "\"1\"", correction);
        assertThat(retried.getStatusCode().value())
                .as("the same correction retried")
                .isEqualTo(200);
        assertThat(retried.getBody())
                .containsEntry("outcome", "ALREADY_RECORDED")
                .containsEntry("sequence", 3);
        assertThat(retried.getHeaders().getETag()).isEqualTo("\"2\"");

        ResponseEntity<Map> stale = change(
                user, HttpMethod.PUT, "/api/journal/wins/w1", "\"1\"", Map.of("text", "Other", "focusArea", "REST"));
        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getBody()).containsEntry("currentVersion", 2);
        assertThat(stale.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(change(user, HttpMethod.PUT, "/api/journal/wins/w1", null, correction)
                        .getStatusCode()
                        .value())
                .isEqualTo(428);
        assertThat(change(other, HttpMethod.PUT, "/api/journal/wins/w1", "\"2\"", correction)
                        .getStatusCode()
                        .value())
                .as("another person's entry")
                .isEqualTo(404);
        assertThat(change(other, HttpMethod.DELETE, "/api/journal/entries/c1", "\"1\"", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        ResponseEntity<Map> retracted =
                change(user, HttpMethod.DELETE, "/api/journal/entries/c1?reason=DUPLICATE", "\"1\"", null);
        assertThat(retracted.getStatusCode().value()).isEqualTo(204);
        assertThat(retracted.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(change(user, HttpMethod.DELETE, "/api/journal/entries/c1?reason=DUPLICATE", "\"1\"", null)
                        .getStatusCode()
                        .value())
                .as("the retraction retried")
                .isEqualTo(204);
        assertThat(change(
                                user,
                                HttpMethod.PUT,
                                "/api/journal/check-ins/c1",
                                "\"2\"",
                                Map.of("mood", 4, "energy", 3, "window", "WITHIN"))
                        .getStatusCode()
                        .value())
                .as("correcting a retracted entry")
                .isEqualTo(409);
        assertThat(post(
                        user,
                        "/api/journal/check-ins",
                        Map.of("checkInId", "c1", "mood", 2, "energy", 3, "window", "WITHIN")))
                .as("logging with a retracted id")
                .isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user))
                .as("only the log, the check-in, one correction and one retraction are stored")
                .isEqualTo(4L);

        List<byte[]> records = rawRecords(user, 4);
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(raw -> {
            assertThat(codec.decode(raw)).isInstanceOf(DecodeResult.Sealed.class);
            assertThat(new String(raw, java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(corrected, "DUPLICATE", "SELF_COMPASSION");
        });
        List<EventEnvelope> envelopes = records.stream().map(this::opened).toList();
        assertThat(envelopes)
                .extracting(EventEnvelope::type)
                .containsExactly("WinLogged", "CheckInRecorded", "WinCorrected", "EntryRetracted");
        EventEnvelope win = envelopes.get(2);
        assertThat(win.payload())
                .isEqualTo(new org.smallwins.contract.WinCorrected(
                        "w1", 2, corrected, org.smallwins.contract.FocusArea.SELF_COMPASSION, List.of("evening")));
        assertThat(win.occurred().localDate()).as("the moved day").isEqualTo(lastWeek);
        assertThat(win.sequence()).isEqualTo(3);
        assertThat(envelopes.get(3).payload())
                .isEqualTo(new org.smallwins.contract.EntryRetracted(
                        "c1",
                        2,
                        org.smallwins.contract.EntryKind.CHECK_IN,
                        org.smallwins.contract.RetractionReason.DUPLICATE));
        assertThat(envelopes.get(3).occurred()).isEqualTo(envelopes.get(1).occurred());
    }

    @Test
    @Order(5)
    @SuppressWarnings("rawtypes")
    void the_focus_and_a_weekly_reflection_are_written_through_the_journal_and_the_topic_carries_them_sealed() {
        String user = "practice-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String answer = "Narwhal lantern reflection 7e2a";
        String week = org.threeten.extra.YearWeek.now(java.time.ZoneId.of("Europe/Berlin"))
                .toString();
        String nextWeek = org.threeten.extra.YearWeek.parse(week).plusWeeks(1).toString();
        assertThat(logWin(user, "w1", "Today I said no", "log-1")).isEqualTo(201);
        assertThat(logWin(user, "w2", "Today I rested", "log-2")).isEqualTo(201);
        assertThat(logWin(other, "elsewhere-9f", "Today I walked", "log-3")).isEqualTo(201);
        Map<String, Object> contemplation = Map.of("area", "BOUNDARIES", "stage", "CONTEMPLATION");

        ResponseEntity<Map> chosen = change(user, HttpMethod.PUT, "/api/journal/focus", null, contemplation);
        ResponseEntity<Map> again = change(user, HttpMethod.PUT, "/api/journal/focus", null, contemplation);
        ResponseEntity<Map> action = change(
                user, HttpMethod.PUT, "/api/journal/focus", null, Map.of("area", "BOUNDARIES", "stage", "ACTION"));

        assertThat(chosen.getStatusCode().value()).isEqualTo(200);
        assertThat(chosen.getHeaders().getFirst("Journal-Sequence")).isEqualTo("3");
        assertThat(chosen.getBody())
                .containsEntry("outcome", "RECORDED")
                .containsEntry("area", "BOUNDARIES")
                .containsEntry("stage", "CONTEMPLATION")
                .containsEntry("version", 1);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("outcome", "ALREADY_RECORDED").containsEntry("sequence", 3);
        assertThat(action.getBody()).containsEntry("outcome", "RECORDED").containsEntry("version", 2);
        assertThat(action.getHeaders().getFirst("Journal-Sequence")).isEqualTo("4");

        Map<String, Object> reflection =
                Map.of("answer", " " + answer + " ", "winIds", List.of("w2", "w1"), "proudOfShowingUp", true);
        ResponseEntity<Map> written =
                change(user, HttpMethod.PUT, "/api/journal/reflections/" + week, null, reflection);
        ResponseEntity<Map> rewritten =
                change(user, HttpMethod.PUT, "/api/journal/reflections/" + week, null, reflection);
        ResponseEntity<Map> othersWin = change(
                user,
                HttpMethod.PUT,
                "/api/journal/reflections/" + week,
                null,
                Map.of("winIds", List.of("w1", "elsewhere-9f")));
        ResponseEntity<Map> ahead = change(
                user, HttpMethod.PUT, "/api/journal/reflections/" + nextWeek, null, Map.of("proudOfShowingUp", true));

        assertThat(written.getStatusCode().value()).isEqualTo(200);
        assertThat(written.getHeaders().getFirst("Journal-Sequence")).isEqualTo("5");
        assertThat(written.getBody())
                .containsEntry("outcome", "RECORDED")
                .containsEntry("isoWeek", week)
                .containsEntry("winIds", List.of("w2", "w1"))
                .containsEntry("answered", true);
        assertThat(written.getBody().toString()).doesNotContain(answer);
        assertThat(rewritten.getBody())
                .containsEntry("outcome", "ALREADY_RECORDED")
                .containsEntry("sequence", 5);
        assertThat(othersWin.getStatusCode().value()).as("another person's win").isEqualTo(422);
        assertThat(othersWin.getBody().toString()).contains("winIds[1]").doesNotContain("elsewhere-9f");
        assertThat(ahead.getStatusCode().value()).as("a week ahead").isEqualTo(422);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user))
                .as("two wins, two focus choices and one reflection are stored")
                .isEqualTo(5L);

        List<byte[]> records = rawRecords(user, 5);
        assertThat(records).hasSize(5);
        assertThat(records).allSatisfy(raw -> {
            assertThat(codec.decode(raw)).isInstanceOf(DecodeResult.Sealed.class);
            assertThat(new String(raw, java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(answer, "BOUNDARIES", "CONTEMPLATION", "proudOfShowingUp");
        });
        List<EventEnvelope> envelopes = records.stream().map(this::opened).toList();
        assertThat(envelopes)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "WinLogged", "WinLogged", "FocusAreaChosen", "FocusAreaChosen", "WeeklyReflectionWritten");
        assertThat(envelopes.get(2).payload())
                .isEqualTo(new org.smallwins.contract.FocusAreaChosen(
                        org.smallwins.contract.FocusArea.BOUNDARIES,
                        org.smallwins.contract.StageOfChange.CONTEMPLATION));
        assertThat(envelopes.get(3).payload())
                .isEqualTo(new org.smallwins.contract.FocusAreaChosen(
                        org.smallwins.contract.FocusArea.BOUNDARIES, org.smallwins.contract.StageOfChange.ACTION));
        assertThat(envelopes.get(4).payload())
                .isEqualTo(new org.smallwins.contract.WeeklyReflectionWritten(week, answer, List.of("w2", "w1"), true));
        assertThat(envelopes.get(4).occurred().zone()).as("the latest zone").isEqualTo("Europe/Berlin");
        assertThat(envelopes.get(4).sequence()).isEqualTo(5);
    }

    @Test
    @Order(6)
    void a_snapshot_of_an_older_shape_is_ignored_and_the_journal_is_loaded_from_its_events() {
        String user = "old-snapshot-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            assertThat(logWin(user, "w" + i, "Today I showed up " + i, "c" + i)).isEqualTo(201);
        }
        // A snapshot without a revision, as journals were snapshotted before their entries were marked by a full
        // content
        // hash; were it used, the journal would not know w1 and record it again.
        String stale = "{\"userId\":\"" + user + "\",\"lastZone\":\"Europe/Berlin\",\"entries\":{}}";
        jdbc.update(
                "insert into snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                        + "payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user,
                2L,
                "Journal",
                UUID.randomUUID().toString(),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                stale.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null,
                "org.smallwins.command.journal.Journal",
                Instant.now().toString());

        assertThat(logWin(user, "w1", "Today I showed up 1", "retry")).isEqualTo(200);
        assertThat(logWin(user, "w1", "Today I showed up again", "conflict")).isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user))
                .isEqualTo(3L);
    }

    static final String SENTENCE = "Zebra lantern sentence nobody else writes 7f3a";
    static final String NOTE = "Octopus harmonica note 9b2e";
    static final String TAG = "quince-marmalade-tag";

    /** This person's rows in both event store tables, as the bytes PostgreSQL holds (payload and metadata). */
    List<String> storedBytes(String user) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("domainevententry", "snapshotevententry")) {
            jdbc.query(
                    "select payload, metadata from " + table + " where aggregateidentifier = ?",
                    rs -> {
                        rows.add(new String(rs.getBytes("payload"), java.nio.charset.StandardCharsets.ISO_8859_1));
                        rows.add(new String(rs.getBytes("metadata"), java.nio.charset.StandardCharsets.ISO_8859_1));
                    },
                    user);
        }
        return rows;
    }

    @Test
    @Order(7)
    void nothing_a_person_wrote_or_rated_is_readable_in_the_event_store_tables_events_or_snapshots() {
        String user = "raw-" + UUID.randomUUID();
        for (int i = 1; i <= 22; i++) {
            assertThat(post(
                            user,
                            "/api/journal/wins",
                            body(
                                    "winId",
                                    "zebra-win-" + i,
                                    "text",
                                    SENTENCE + " " + i,
                                    "focusArea",
                                    "SELF_COMPASSION",
                                    "tags",
                                    List.of(TAG),
                                    "zone",
                                    "Europe/Berlin")))
                    .isEqualTo(201);
        }
        assertThat(post(
                        user,
                        "/api/journal/check-ins",
                        body(
                                "checkInId",
                                "zebra-check-in",
                                "mood",
                                2,
                                "energy",
                                4,
                                "window",
                                "HYPERAROUSED",
                                "note",
                                NOTE)))
                .isEqualTo(201);

        assertThat(jdbc.queryForList(
                        "select payloadtype from snapshotevententry where aggregateidentifier = ?", String.class, user))
                .as("the journal was snapshotted, sealed")
                .isNotEmpty()
                .containsOnly("org.smallwins.command.eventstore.SealedSnapshot");
        assertThat(jdbc.queryForList(
                        "select distinct payloadtype from domainevententry where aggregateidentifier = ?",
                        String.class,
                        user))
                .containsOnly("org.smallwins.command.eventstore.SealedPayload");
        List<String> stored = storedBytes(user);
        assertThat(stored).hasSizeGreaterThan(2 * 23);
        assertThat(String.join("\n", stored))
                .doesNotContain("Zebra lantern", "Octopus harmonica", TAG, "zebra-win", "zebra-check-in")
                .doesNotContain("SELF_COMPASSION", "HYPERAROUSED", "\"mood\"", "\"note\"");
    }

    @Autowired
    DataKeys keysForOpening;

    @Test
    @Order(8)
    void the_relay_puts_the_stored_ciphertext_on_the_topic_and_it_opens_with_the_persons_key_to_the_same_payload()
            throws Exception {
        String user = "relayed-" + UUID.randomUUID();
        assertThat(post(
                        user,
                        "/api/journal/wins",
                        body(
                                "winId",
                                "w1",
                                "text",
                                SENTENCE,
                                "focusArea",
                                "REST",
                                "tags",
                                List.of(TAG),
                                "zone",
                                "Europe/Berlin")))
                .isEqualTo(201);
        assertThat(post(
                        user,
                        "/api/journal/check-ins",
                        body("checkInId", "c1", "mood", 2, "energy", 4, "window", "HYPERAROUSED", "note", NOTE)))
                .isEqualTo(201);

        List<byte[]> records = rawRecords(user, 2);

        assertThat(records).hasSize(2);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> storedCiphertexts = new ArrayList<>();
        jdbc.query(
                "select payload from domainevententry where aggregateidentifier = ? order by sequencenumber",
                rs -> {
                    try {
                        storedCiphertexts.add(json.readTree(rs.getBytes("payload"))
                                .path("ciphertext")
                                .asText());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                user);
        DataKey key = keysForOpening.live(user).orElseThrow();
        List<Object> payloads = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            assertThat(new String(records.get(i), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("Zebra lantern", "Octopus harmonica", TAG, "HYPERAROUSED");
            DecodeResult decoded = codec.decode(records.get(i));
            assertThat(decoded).isInstanceOf(DecodeResult.Sealed.class);
            SealedEnvelope sealed = ((DecodeResult.Sealed) decoded).envelope();
            assertThat(sealed.keyId()).isEqualTo(key.keyId());
            assertThat(sealed.sequence()).isEqualTo(i + 1);
            assertThat(java.util.Base64.getEncoder().encodeToString(sealed.ciphertext()))
                    .as("the stored ciphertext, as it is")
                    .isEqualTo(storedCiphertexts.get(i));
            DecodeResult opened = codec.open(sealed, key.keyset());
            assertThat(opened).isInstanceOf(DecodeResult.Decoded.class);
            payloads.add(((DecodeResult.Decoded) opened).envelope().payload());
        }
        assertThat(payloads)
                .containsExactly(
                        new WinLogged("w1", SENTENCE, FocusArea.REST, List.of(TAG)),
                        new CheckInRecorded("c1", 2, 4, ToleranceWindow.HYPERAROUSED, NOTE));
    }

    @Test
    @Order(9)
    void a_journal_reloads_from_its_sealed_snapshot_and_sealed_events_and_still_knows_every_entry() {
        String user = "reload-" + UUID.randomUUID();
        for (int i = 1; i <= 23; i++) {
            assertThat(logWin(user, "w" + i, "Today I showed up " + i, "c" + i)).isEqualTo(201);
        }

        DomainEventStream loaded = eventStore.readEvents(user);

        DomainEventMessage<?> first = loaded.next();
        assertThat(first.getPayload()).as("the opened snapshot").isInstanceOf(Journal.class);
        assertThat(first.getSequenceNumber()).isEqualTo(19);
        List<Object> after = new ArrayList<>();
        loaded.forEachRemaining(e -> after.add(e.getPayload()));
        assertThat(after)
                .containsExactly(
                        new WinLogged("w21", "Today I showed up 21", FocusArea.REST, List.of()),
                        new WinLogged("w22", "Today I showed up 22", FocusArea.REST, List.of()),
                        new WinLogged("w23", "Today I showed up 23", FocusArea.REST, List.of()));
        // No cache here: each write loads the journal from its sealed snapshot and events.
        assertThat(logWin(user, "w1", "Today I showed up 1", "retry")).isEqualTo(200);
        assertThat(logWin(user, "w22", "Today I showed up 22", "retry")).isEqualTo(200);
        assertThat(logWin(user, "w1", "Today I changed my mind", "conflict")).isEqualTo(409);
        assertThat(logWin(user, "w24", "Today I showed up 24", "next")).isEqualTo(201);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** Stores an event the way the service did before payloads were sealed (the payload is the contract record). */
    void storeUnsealed(String user, long sequence, WinLogged win) {
        MetaData meta = MetaData.with(JournalMetaData.USER_ID, user)
                .and(JournalMetaData.OCCURRED_AT, "2026-11-20T08:00:00Z")
                .and(JournalMetaData.OCCURRED_DATE, "2026-11-20")
                .and(JournalMetaData.OCCURRED_ZONE, "Europe/Berlin")
                .and(JournalMetaData.CORRELATION_ID, "legacy-" + sequence);
        var payload = eventSerializer.serialize(win, byte[].class);
        jdbc.update(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                        + "payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user,
                sequence,
                "Journal",
                UUID.randomUUID().toString(),
                eventSerializer.serialize(meta, byte[].class).getData(),
                payload.getData(),
                payload.getType().getRevision(),
                payload.getType().getName(),
                "2026-11-20T08:00:01Z");
    }

    @Test
    @Order(10)
    void events_stored_before_sealing_still_load_and_reach_the_topic_as_they_were_and_new_ones_are_sealed() {
        String user = "legacy-" + UUID.randomUUID();
        storeUnsealed(user, 0, new WinLogged("w1", "Today I wrote before sealing", FocusArea.REST, List.of()));
        storeUnsealed(user, 1, new WinLogged("w2", "Today I wrote again", FocusArea.REST, List.of()));

        assertThat(logWin(user, "w1", "Today I wrote before sealing", "retry")).isEqualTo(200);
        assertThat(logWin(user, "w2", "Today I wrote something else", "conflict"))
                .isEqualTo(409);
        ResponseEntity<Void> next = logWinAnswer(user, "w3", "Today I wrote sealed");
        assertThat(next.getStatusCode().value()).isEqualTo(201);
        assertThat(next.getHeaders().getFirst("Journal-Sequence")).isEqualTo("3");

        List<byte[]> records = rawRecords(user, 3);
        assertThat(records).hasSize(3);
        assertThat(records.stream().map(codec::decode).map(r -> r.getClass().getSimpleName()))
                .containsExactly("Decoded", "Decoded", "Sealed");
        assertThat(records.stream()
                        .map(this::opened)
                        .map(e -> e.payloadEncoding() + ":" + e.payload().entryId()))
                .containsExactly("json:w1", "json:w2", "tink-aead:w3");
    }

    @Test
    @Order(11)
    void events_whose_key_was_destroyed_are_skipped_when_the_journal_loads_and_still_count_for_its_sequence() {
        String user = "shredded-" + UUID.randomUUID();
        // A plain record first (as an erasure record will be): the journal still has one readable event.
        storeUnsealed(user, 0, new WinLogged("w1", "Today I wrote before sealing", FocusArea.REST, List.of()));
        assertThat(logWin(user, "w2", "Today I wrote sealed", "c2")).isEqualTo(201);
        assertThat(logWin(user, "w3", "Today I wrote sealed again", "c3")).isEqualTo(201);
        String oldKey = dataKeys.live(user).orElseThrow().keyId();

        assertThat(dataKeys.destroy(user))
                .hasValueSatisfying(d -> assertThat(d.keyId()).isEqualTo(oldKey));

        assertThat(eventStore.readEvents(user).asStream().map(e -> ((JournalEvent) e.getPayload()).entryId()))
                .containsExactly("w1");
        ResponseEntity<Void> again = logWinAnswer(user, "w2", "Today I wrote sealed");
        assertThat(again.getStatusCode().value()).as("forgotten with its key").isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Journal-Sequence"))
                .as("after the skipped events, never reusing their sequence")
                .isEqualTo("4");
        assertThat(dataKeys.live(user).orElseThrow().keyId()).isNotEqualTo(oldKey);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user))
                .isEqualTo(4L);
    }

    /** Walks one journal's records from the topic: each hash recomputes from the record as it is, each link holds. */
    static List<String> chainOf(JournalEventCodec codec, List<byte[]> records) {
        List<String> hashes = new ArrayList<>();
        String previous = null;
        for (byte[] record : records) {
            DecodeResult decoded = codec.decode(record);
            String carriedPrevious;
            String carried;
            String recomputed;
            if (decoded instanceof DecodeResult.Sealed sealed) {
                carriedPrevious = sealed.envelope().previousHash();
                carried = sealed.envelope().hash();
                recomputed = org.smallwins.contract.EventChain.hash(sealed.envelope(), previous);
            } else {
                EventEnvelope plain = ((DecodeResult.Decoded) decoded).envelope();
                carriedPrevious = plain.previousHash();
                carried = plain.hash();
                recomputed = org.smallwins.contract.EventChain.hash(plain, previous);
            }
            assertThat(carried).as("the hash stored with the event").isEqualTo(recomputed);
            assertThat(carriedPrevious).as("the link to the previous event").isEqualTo(previous);
            hashes.add(carried);
            previous = carried;
        }
        return hashes;
    }

    @Test
    @Order(12)
    void every_event_carries_the_hash_chain_of_its_journal_from_its_first_event_and_it_verifies_without_any_key() {
        String user = "chain-" + UUID.randomUUID();
        assertThat(logWin(user, "w1", "Today I started a chain", "c1")).isEqualTo(201);
        assertThat(logWin(user, "w2", "Today I kept it going", "c2")).isEqualTo(201);
        assertThat(logWin(user, "w1", "Today I started a chain", "c1-again"))
                .as("a retry records nothing")
                .isEqualTo(200);
        assertThat(logWin(user, "w3", "Today I added a third", "c3")).isEqualTo(201);
        dataKeys.destroy(user);

        List<byte[]> records = rawRecords(user, 3);

        assertThat(records).hasSize(3);
        List<String> hashes = chainOf(codec, records);
        assertThat(hashes).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(new String(records.get(0), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"envelopeVersion\":2")
                .doesNotContain("previousHash");
        List<byte[]> stored = jdbc.queryForList(
                "select metadata from domainevententry where aggregateidentifier = ? order by sequencenumber",
                byte[].class,
                user);
        assertThat(stored).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(new String(stored.get(i), java.nio.charset.StandardCharsets.UTF_8))
                    .as("stored with the event, in its clear metadata")
                    .contains(hashes.get(i));
        }
    }

    @Test
    @Order(13)
    void a_journal_written_before_the_chain_existed_is_chained_from_its_first_event_when_next_written() {
        String user = "prechain-" + UUID.randomUUID();
        storeUnsealed(user, 0, new WinLogged("w1", "Today I wrote before the chain", FocusArea.REST, List.of()));
        storeUnsealed(user, 1, new WinLogged("w2", "Today I wrote again before it", FocusArea.REST, List.of()));
        assertThat(logWin(user, "w3", "Today I wrote with the chain", "c3")).isEqualTo(201);
        assertThat(logWin(user, "w4", "Today I wrote once more", "c4")).isEqualTo(201);

        List<byte[]> records = rawRecords(user, 4);

        assertThat(records).hasSize(4);
        // The first two carry no hash (envelope version 1); the third links to the second's hash, computed on the fly.
        assertThat(codec.decode(records.get(0)))
                .isInstanceOfSatisfying(
                        DecodeResult.Decoded.class,
                        d -> assertThat(d.envelope().hash()).isNull());
        String secondHash = org.smallwins.contract.EventChain.hash(
                ((DecodeResult.Decoded) codec.decode(records.get(1))).envelope(),
                org.smallwins.contract.EventChain.hash(
                        ((DecodeResult.Decoded) codec.decode(records.get(0))).envelope(), null));
        SealedEnvelope third = ((DecodeResult.Sealed) codec.decode(records.get(2))).envelope();
        assertThat(third.previousHash()).isEqualTo(secondHash);
        assertThat(third.hash()).isEqualTo(org.smallwins.contract.EventChain.hash(third, secondHash));
        SealedEnvelope fourth = ((DecodeResult.Sealed) codec.decode(records.get(3))).envelope();
        assertThat(fourth.previousHash()).isEqualTo(third.hash());
    }
}
