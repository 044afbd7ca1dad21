package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
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
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.SealedEnvelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault suite: every link of the chain fails once, on the real broker, the real PostgreSQL and both services as
 * their own processes. Each fault sends known commands for many people, injects the fault, and then compares what
 * every person sees (their whole timeline and every week with entries) with a {@link Reference} computed only from
 * the commands the command side accepted: exact equality. The event store must hold exactly one event per accepted
 * command. The faults run in order on one stack, so each later fault also checks that earlier ones left nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineFaultsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JournalEventCodec CODEC = new JournalEventCodec();
    static final Path data =
            Path.of("target", "faults-" + System.currentTimeMillis()).toAbsolutePath();
    static final String[] ZONES = {"Europe/Berlin", "Pacific/Auckland", "America/New_York"};
    static final String[] AREAS = {"REST", "BOUNDARIES", "SELF_COMPASSION", "FEELINGS", "ASKING_FOR_HELP", "CONNECTION"
    };
    static final String[] WINDOWS = {"HYPOAROUSED", "WITHIN", "HYPERAROUSED"};
    static final Duration CONVERGE = Duration.ofMinutes(3);

    static LocalStack stack;
    static MongoClient mongo;
    static MongoDatabase readStore;
    static final Reference reference = new Reference();
    static final List<String> users = new ArrayList<>();
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static final AtomicInteger counter = new AtomicInteger();
    static final ExecutorService senders = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        data,
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of(
                                "-Xmx384m",
                                "-XX:TieredStopAtLevel=1",
                                // one person sends hundreds of commands here: the per-person write limit is tested
                                // elsewhere
                                "-Dsmallwins.http.writes-per-minute=1000000",
                                "-Dsmallwins.http.write-burst=100000",
                                // a killed consumer's partitions move after 6 s instead of Kafka's default 45 s
                                "-Dspring.kafka.consumer.properties.session.timeout.ms=6000",
                                "-Dspring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                                "-Dsmallwins.projection.rebuild.log-every=500")),
                step -> {});
        for (int i = 0; i < 24; i++) {
            String user = "faults-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            users.add(user);
            tokens.put(user, stack.tokens().mint(user));
        }
        mongo = MongoClients.create(stack.mongoConnectionString());
        readStore = mongo.getDatabase(LocalStack.READ_STORE_DATABASE);
    }

    @AfterAll
    static void stopStack() {
        senders.shutdownNow();
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void eight_threads_logging_for_one_person_at_once_through_two_command_services_land_in_one_gap_free_sequence()
            throws Exception {
        ServiceProcess secondCommandService = stack.startAnotherCommandService("command-service-2");
        acceptAll(entriesFor(users, 5));
        secondCommandService.awaitHealthy(Duration.ofMinutes(3), () -> {});
        String solo = users.get(0);
        CountDownLatch go = new CountDownLatch(1);
        double concurrentAppends;
        List<Future<List<Integer>>> threads = new ArrayList<>();
        ExecutorService eight = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                // four threads on each instance: each instance's journal cache goes stale under the other's writes
                String commandService = t % 2 == 0 ? stack.commandServiceUrl() : secondCommandService.baseUrl();
                threads.add(eight.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        Reference.Entry entry = newEntry(solo);
                        HttpResponse<String> response = post(commandService, entry);
                        statuses.add(response.statusCode());
                        if (response.statusCode() == 201) {
                            reference.accepted(entry);
                        }
                    }
                    return statuses;
                }));
            }
            go.countDown();
            for (Future<List<Integer>> thread : threads) {
                assertThat(thread.get()).containsOnly(201);
            }
            concurrentAppends = metric(stack.commandServiceUrl(), "smallwins.journal.concurrent-appends")
                    + metric(secondCommandService.baseUrl(), "smallwins.journal.concurrent-appends");
        } finally {
            eight.shutdownNow();
        }
        // The other instance writes last; this one may still hold that person's journal in its cache, one version
        // behind. Whatever it holds, it must record the next entries (201), never answer 500.
        Reference.Entry lastFromOther = newEntry(solo);
        assertThat(post(secondCommandService.baseUrl(), lastFromOther).statusCode())
                .isEqualTo(201);
        reference.accepted(lastFromOther);
        secondCommandService.close();
        double before = metric(stack.commandServiceUrl(), "smallwins.journal.concurrent-appends");
        acceptAll(entriesFor(List.of(solo), 3));
        double after = metric(stack.commandServiceUrl(), "smallwins.journal.concurrent-appends");
        assertThat(reference.entries(solo)).isEqualTo(5 + 240 + 1 + 3);
        assertReadModelsMatchReference(stack.queryServiceUrl());
        assertEventStoreHoldsExactlyTheAcceptedCommands();
        summary(
                "5 (eight threads, one person, two command-service instances)",
                "240 concurrent commands for one person "
                        + "(after 5 each for all 24 people), then 1 through the other instance and 3 through the first -> 249 events for that "
                        + "person with sequences exactly 1..249; commands decided again after the other instance appended first: "
                        + (long) concurrentAppends + " during the concurrent phase, " + (long) (after - before)
                        + " for the 3 after");
    }

    @Test
    @Order(2)
    void commands_succeed_while_the_broker_is_down_and_every_event_arrives_in_order_once_it_is_back() throws Exception {
        acceptAll(entriesFor(users, 3));
        stack.kafka().stop();
        List<Reference.Entry> whileDown = entriesFor(users, 8);
        long started = System.nanoTime();
        acceptAll(whileDown);
        long downMillis = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(3_000); // the relay has been failing and backing off meanwhile
        stack.kafka().startBroker();
        acceptAll(entriesFor(users, 2));
        // the practice first (a focus area, a reflection choosing some of a week's wins), then corrections (some moving
        // a win, perhaps a chosen one, to another week) and retractions, for every person: the later faults
        // (redelivery, rebuild) replay them with everything else
        String practiced = practiceSome(users);
        String changed = changeSome(users, 3);

        assertReadModelsMatchReference(stack.queryServiceUrl());
        assertEventStoreHoldsExactlyTheAcceptedCommands();
        // On the topic: per person, every sequence 1..n, first deliveries in order (a resend may repeat one).
        Map<String, List<Long>> firstDeliveries = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int repeats = 0;
        int plain = 0;
        for (ConsumerRecord<String, byte[]> record : readTopic(JournalTopic.NAME)) {
            Optional<Clear> envelope = clear(record.value());
            if (envelope.isPresent()) {
                if (!envelope.get().sealed()) {
                    plain++;
                }
                if (seen.add(envelope.get().eventId())) {
                    firstDeliveries
                            .computeIfAbsent(envelope.get().userId(), u -> new ArrayList<>())
                            .add(envelope.get().sequence());
                } else {
                    repeats++;
                }
            }
        }
        assertThat(plain).as("records on the topic whose payload is not sealed").isZero();
        for (String user : reference.users()) {
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= reference.events(user); s++) {
                expected.add(s);
            }
            assertThat(firstDeliveries.get(user))
                    .as("sequences of %s in topic order", user)
                    .isEqualTo(expected);
        }
        summary(
                "1 (broker stopped)",
                "72 commands before, " + whileDown.size() + " accepted (201) in " + downMillis
                        + " ms while the broker was down, 48 after, then " + practiced + " and " + changed + "; "
                        + reference.events()
                        + " events on the topic, each "
                        + "person's in order and sealed (tink-aead), " + repeats + " repeated deliveries");
    }

    @Test
    @Order(3)
    void unreadable_records_go_to_the_dead_letter_topic_with_their_reason_and_the_stream_goes_on() throws Exception {
        String victim = users.get(1);
        // the poison is made from one of the victim's own records as the relay sealed it, so it is sealed the same way
        // and with a key the stack knows
        ConsumerRecord<String, byte[]> sealed = readTopic(JournalTopic.NAME).stream()
                .filter(r -> clear(r.value())
                        .filter(c -> c.sealed() && c.userId().equals(victim))
                        .isPresent())
                .reduce((first, second) -> second)
                .orElseThrow();
        ObjectNode valid = (ObjectNode) JSON.readTree(sealed.value());
        ObjectNode unknownType = valid.deepCopy().put("type", "MoodPainted");
        ObjectNode futureVersion = valid.deepCopy().put("typeVersion", 99);
        ObjectNode noUser = valid.deepCopy();
        noUser.remove("userId");
        byte[] ciphertext = Base64.getDecoder().decode(valid.path("payload").asString());
        ciphertext[ciphertext.length - 1] ^= 1; // one bit of the authentication tag
        ObjectNode altered = valid.deepCopy().put("payload", Base64.getEncoder().encodeToString(ciphertext));
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("not-json", "this is not json {".getBytes(StandardCharsets.UTF_8));
        poison.put("unknown-type", JSON.writeValueAsBytes(unknownType));
        poison.put(
                "unsupported-version:" + valid.path("type").asString() + "/99", JSON.writeValueAsBytes(futureVersion));
        poison.put("missing-field:userId", JSON.writeValueAsBytes(noUser));
        poison.put("unopenable-payload", JSON.writeValueAsBytes(altered));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (byte[] value : poison.values()) {
                producer.send(new ProducerRecord<>(JournalTopic.NAME, victim, value))
                        .get();
            }
        }
        // behind the poison, on the same partition: the victim's next entries, and everyone else's
        acceptAll(entriesFor(users, 2));

        assertReadModelsMatchReference(stack.queryServiceUrl());
        List<ConsumerRecord<String, byte[]>> dead = readTopic(JournalTopic.DEAD_LETTERS);
        assertThat(dead).hasSize(5);
        assertThat(dead)
                .extracting(r -> new String(
                        r.headers().lastHeader(JournalTopic.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(poison.keySet());
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyElementsOf(poison.values());
        assertThat(dead)
                .extracting(r ->
                        new String(r.headers().lastHeader("smallwins-source").value(), StandardCharsets.UTF_8))
                .doesNotHaveDuplicates();
        assertThat(metric(stack.queryServiceUrl(), "smallwins.projection.events.rejected"))
                .isEqualTo(5.0);
        summary(
                "4 (poison)",
                "5 records that never project (not JSON, unknown type, version 99, no user id, a sealed payload "
                        + "altered by one bit) then 48 commands behind them -> 5 dead letters with reasons, rejected "
                        + "counter 5, read models exact");
    }

    @Test
    @Order(4)
    void a_query_service_killed_in_the_middle_of_a_batch_loses_nothing_and_counts_nothing_twice() throws Exception {
        stack.queryService().kill();
        long before = readStore.getCollection("timeline").countDocuments();
        List<Reference.Entry> backlog = entriesFor(users, 50);
        acceptAll(backlog);
        long ahead = 0;
        for (int attempt = 1; attempt <= 3 && ahead == 0; attempt++) {
            long start = readStore.getCollection("timeline").countDocuments();
            ServiceProcess restarted = stack.restartQueryService();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> readStore.getCollection("timeline").countDocuments() >= start + 100
                            || !restarted.isAlive());
            restarted.kill();
            ahead = eventsWrittenAfterTheirCheckpoint();
        }
        assertThat(ahead)
                .as("events in the read models beyond the last checkpoint when the process was killed")
                .isPositive();
        long atKill = readStore.getCollection("timeline").countDocuments() - before;
        assertThat(atKill).as("the kill came before the backlog was done").isLessThan(backlog.size());

        stack.restartQueryService().awaitHealthy(Duration.ofMinutes(3), () -> {});
        assertReadModelsMatchReference(stack.queryServiceUrl());
        assertEventStoreHoldsExactlyTheAcceptedCommands();
        summary(
                "2 (query-service killed mid-batch)",
                backlog.size() + " commands queued while it was down; SIGKILL after "
                        + atKill + " of them were projected, " + ahead
                        + " of those beyond the last checkpoint; after restart "
                        + reference.events() + " events exact");
    }

    @Test
    @Order(5)
    void delivering_every_event_a_second_time_changes_no_read_model() throws Exception {
        Map<String, List<Document>> before = readModels();
        stack.queryService().close();
        readStore.getCollection("projection_checkpoints").deleteMany(new Document());
        long records = readTopic(JournalTopic.NAME).size();
        stack.restartQueryService().awaitHealthy(Duration.ofMinutes(3), () -> {});
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(500)).until(() -> checkpointTotal() == records);

        assertThat(readModels()).isEqualTo(before);
        assertReadModelsMatchReference(stack.queryServiceUrl());
        summary(
                "3 (everything delivered twice)",
                "checkpoints removed, read models kept: all " + records + " records ("
                        + reference.events()
                        + " events + 5 poison) replayed from offset 0; every timeline, week and journal "
                        + "document identical before and after");
    }

    @Test
    @Order(6)
    void a_read_store_emptied_while_running_is_rebuilt_from_the_log_with_progress_reported() throws Exception {
        Path log = stack.queryServiceLog();
        long logBefore = Files.size(log);
        // One person erases their journal first: the rebuild must bring none of it back (its sealed events are skipped,
        // their key being destroyed), and the same person writes again, into a new journal, during the rebuild.
        String erased = users.get(users.size() - 1);
        HttpResponse<String> receipt = send(
                HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + "/api/journal"))
                        .header("Confirm-Erasure", erased)
                        .DELETE(),
                erased);
        assertThat(receipt.statusCode()).as("erasure of %s", erased).isEqualTo(202);
        reference.erased(erased);
        int eventsBefore = reference.events();
        for (String collection : List.of(
                "timeline",
                "weekly_trends",
                "journals",
                "journal_history",
                "focus_history",
                "history_chain",
                "history_chain_heads",
                "projection_checkpoints")) {
            readStore.getCollection(collection).drop();
        }
        List<Reference.Entry> during = entriesFor(users, 5);
        acceptAll(during);
        changeSome(users, 1);
        practiceSome(users);

        assertReadModelsMatchReference(stack.queryServiceUrl());
        String written = tail(log, logBefore);
        assertThat(written).contains("Rebuilding the read models from the beginning of the journal topic");
        assertThat(written.lines().filter(l -> l.contains("Rebuild progress:")).count())
                .isGreaterThanOrEqualTo(eventsBefore / 500);
        assertThat(written).contains("Rebuild complete:");
        assertThat(metric(stack.queryServiceUrl(), "smallwins.projection.rebuild.events.applied"))
                .isGreaterThanOrEqualTo(eventsBefore);
        assertThat(metric(stack.queryServiceUrl(), "smallwins.projection.rebuild.active"))
                .isZero();
        summary(
                "6 (read store emptied while running)",
                "8 collections (read models, history, focus history, chain links and heads, checkpoints) dropped with "
                        + eventsBefore
                        + " events projected, "
                        + during.size() + " commands sent during the rebuild; rebuilt to " + reference.events()
                        + " events exact (" + reference.changes() + "; " + reference.practice() + "), "
                        + written.lines()
                                .filter(l -> l.contains("Rebuild progress:"))
                                .count()
                        + " progress lines");
    }

    @Test
    @Order(7)
    void while_postgresql_is_unreachable_commands_get_503_and_record_nothing_and_service_resumes_by_itself()
            throws Exception {
        stack.postgres().stop();
        List<Reference.Entry> refused = entriesFor(users.subList(0, 6), 1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Reference.Entry entry : refused) {
            answers.add(senders.submit(() -> post(entry)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(response.body()).path("type").asString()).endsWith("/store-unavailable");
            assertThat(response.body()).doesNotContain("Today I");
        }
        stack.postgres().startServer();

        // The same requests again: recorded now (201), not "already recorded" (200), so nothing of them was written.
        acceptAll(refused);
        acceptAll(entriesFor(users, 2));
        assertReadModelsMatchReference(stack.queryServiceUrl());
        assertEventStoreHoldsExactlyTheAcceptedCommands();
        summary(
                "7 (PostgreSQL unreachable)",
                refused.size() + " commands answered 503 problem details; after the restart "
                        + "the same " + refused.size()
                        + " gave 201 and 48 more were accepted; event store rows = accepted commands = "
                        + reference.events());
    }

    @Test
    @Order(8)
    void when_one_of_two_query_services_stops_the_survivor_takes_its_partitions_and_the_read_models_are_exact()
            throws Exception {
        ServiceProcess second = stack.startAnotherQueryService("query-service-2");
        second.awaitHealthy(Duration.ofMinutes(3), () -> {});
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> assignments().size() == 2
                        && assignments().values().stream().allMatch(n -> n > 0));
        Map<String, Integer> split = assignments();

        int start = reference.events();
        List<Reference.Entry> wave = entriesFor(users, 12);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> acceptAll(wave));
        await().atMost(Duration.ofMinutes(1)).until(() -> reference.events() >= start + wave.size() / 3);
        second.kill();
        sending.get();

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> assignments().size() == 1
                        && assignments().values().iterator().next() == 6);
        assertReadModelsMatchReference(stack.queryServiceUrl());
        assertEventStoreHoldsExactlyTheAcceptedCommands();
        summary(
                "8 (two query-services, one killed)",
                "partitions split " + split.values() + "; " + wave.size()
                        + " commands sent, SIGKILL of one instance after a third; the survivor owns all 6 partitions; "
                        + reference.events() + " events exact");
    }

    // ---- commands and the reference ----

    static List<Reference.Entry> entriesFor(List<String> people, int each) {
        List<Reference.Entry> entries = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            for (String user : people) {
                entries.add(newEntry(user));
            }
        }
        return entries;
    }

    static Reference.Entry newEntry(String user) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = counter.incrementAndGet();
        String zone = ZONES[Math.abs(user.hashCode()) % ZONES.length];
        String id = "e" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (random.nextInt(10) < 7) {
            LocalDate day = LocalDate.now(ZoneId.of(zone)).minusDays(1 + random.nextInt(20));
            List<String> tags = random.nextBoolean() ? List.of("gentle") : List.of("tag" + random.nextInt(5), "quiet");
            return new Reference.Win(
                    user,
                    id,
                    "Today I did small thing number " + n,
                    AREAS[random.nextInt(AREAS.length)],
                    tags,
                    day,
                    zone);
        }
        Instant at = Instant.now()
                .minus(1 + random.nextInt(20), ChronoUnit.DAYS)
                .minusSeconds(random.nextInt(20 * 3600))
                .truncatedTo(ChronoUnit.SECONDS);
        return new Reference.CheckIn(
                user,
                id,
                1 + random.nextInt(5),
                1 + random.nextInt(5),
                WINDOWS[random.nextInt(3)],
                random.nextBoolean() ? "note " + n : null,
                at,
                zone);
    }

    /**
     * For each person, changes {@code each} of their current entries through the command side, one person per thread
     * and one request at a time (each with the If-Match of the version the reference expects): mostly corrections
     * (a win gets new text, area and tags and moves 3 to 9 days back, usually into another week; a check-in new values,
     * a time a day earlier and its note changed), every third a retraction. Asserts 200 / 204 and records each in the
     * reference. Returns a line for the summary.
     */
    static String changeSome(List<String> people, int each) {
        List<Future<int[]>> work = new ArrayList<>();
        for (String user : people) {
            work.add(senders.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<Reference.Entry> current = new ArrayList<>(reference.current(user));
                java.util.Collections.shuffle(current);
                int corrected = 0;
                int retracted = 0;
                for (Reference.Entry entry : current.subList(0, Math.min(each, current.size()))) {
                    String ifMatch = "\"" + reference.version(entry) + "\"";
                    int n = counter.incrementAndGet();
                    if (n % 3 == 0) {
                        HttpResponse<String> response = send(
                                HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + "/api/journal/entries/"
                                                + entry.id() + "?reason=DUPLICATE"))
                                        .header("If-Match", ifMatch)
                                        .DELETE(),
                                entry.user());
                        assertThat(response.statusCode())
                                .as("retraction of %s", entry.id())
                                .isEqualTo(204);
                        reference.retracted(entry.user(), entry.id());
                        retracted++;
                        continue;
                    }
                    Reference.Entry changed;
                    String path;
                    String body;
                    if (entry instanceof Reference.Win win) {
                        changed = new Reference.Win(
                                user,
                                win.id(),
                                "Today I corrected small thing number " + n,
                                AREAS[random.nextInt(AREAS.length)],
                                List.of("fixed" + random.nextInt(3)),
                                win.day().minusDays(3 + random.nextInt(7)),
                                win.zone());
                        path = "/api/journal/wins/" + win.id();
                        body = ((Reference.Win) changed).correctionJson();
                    } else {
                        Reference.CheckIn checkIn = (Reference.CheckIn) entry;
                        changed = new Reference.CheckIn(
                                user,
                                checkIn.id(),
                                1 + (checkIn.mood() % 5),
                                1 + random.nextInt(5),
                                WINDOWS[random.nextInt(3)],
                                checkIn.note() == null ? "corrected note " + n : null,
                                checkIn.at().minus(1, ChronoUnit.DAYS),
                                checkIn.zone());
                        path = "/api/journal/check-ins/" + checkIn.id();
                        body = ((Reference.CheckIn) changed).correctionJson();
                    }
                    HttpResponse<String> response = send(
                            HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + path))
                                    .header("Content-Type", "application/json")
                                    .header("If-Match", ifMatch)
                                    .PUT(HttpRequest.BodyPublishers.ofString(body)),
                            user);
                    assertThat(response.statusCode())
                            .as("correction of %s", entry.id())
                            .isEqualTo(200);
                    assertThat(response.headers().firstValue("ETag"))
                            .contains("\"" + (reference.version(entry) + 1) + "\"");
                    reference.corrected(changed);
                    corrected++;
                }
                return new int[] {corrected, retracted};
            }));
        }
        int corrected = 0;
        int retracted = 0;
        for (Future<int[]> done : work) {
            try {
                int[] counts = done.get();
                corrected += counts[0];
                retracted += counts[1];
            } catch (Exception e) {
                throw new AssertionError("a correction or retraction failed", e);
            }
        }
        return corrected + " corrections and " + retracted + " retractions";
    }

    static final String[] STAGES = {"PRECONTEMPLATION", "CONTEMPLATION", "PREPARATION", "ACTION", "MAINTENANCE"};

    /**
     * For each person, through the command side, one request at a time: chooses a focus area and stage other than their
     * current one ({@code PUT /api/journal/focus}), then writes the reflection of one of their weeks with wins, choosing
     * up to five of that week's wins in a random order, with an answer and the affirmation (or not)
     * ({@code PUT /api/journal/reflections/{week}}); each is new content, so each records an event. Asserts 200 and
     * records both in the reference (the focus choice in the week of the person's own today). Returns a line for the
     * summary.
     */
    static String practiceSome(List<String> people) {
        List<Future<Integer>> work = new ArrayList<>();
        for (String user : people) {
            work.add(senders.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String zone = ZONES[Math.abs(user.hashCode()) % ZONES.length];
                Optional<Reference.FocusChoice> current = reference.focus(user);
                String area;
                String stage;
                do {
                    area = AREAS[random.nextInt(AREAS.length)];
                    stage = STAGES[random.nextInt(STAGES.length)];
                } while (current.isPresent()
                        && current.get().area().equals(area)
                        && current.get().stage().equals(stage));
                Reference.FocusChoice choice = new Reference.FocusChoice(area, stage, null);
                HttpResponse<String> chosen = send(
                        HttpRequest.newBuilder(URI.create(stack.commandServiceUrl() + "/api/journal/focus"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(choice.json())),
                        user);
                assertThat(chosen.statusCode())
                        .as("focus of %s: %s", user, chosen.body())
                        .isEqualTo(200);
                assertThat(JSON.readTree(chosen.body()).path("outcome").asString())
                        .isEqualTo("RECORDED");
                // the event's day is the person's today in their zone as the command side decided it
                reference.chose(
                        user, new Reference.FocusChoice(area, stage, Reference.week(LocalDate.now(ZoneId.of(zone)))));
                List<String> weeks = reference.weeks(user).stream()
                        .filter(week -> !reference.winsIn(user, week).isEmpty())
                        .toList();
                if (weeks.isEmpty()) {
                    return 1;
                }
                String week = weeks.get(random.nextInt(weeks.size()));
                List<String> wins = new ArrayList<>(reference.winsIn(user, week).keySet());
                java.util.Collections.shuffle(wins);
                int n = counter.incrementAndGet();
                Reference.Reflection reflection = new Reference.Reflection(
                        week,
                        random.nextInt(4) == 0 ? null : "I honored myself by resting, number " + n,
                        List.copyOf(wins.subList(0, Math.min(5, wins.size()))),
                        random.nextBoolean());
                HttpResponse<String> written = send(
                        HttpRequest.newBuilder(
                                        URI.create(stack.commandServiceUrl() + "/api/journal/reflections/" + week))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(reflection.json())),
                        user);
                assertThat(written.statusCode())
                        .as("reflection of %s for %s: %s", user, week, written.body())
                        .isEqualTo(200);
                assertThat(JSON.readTree(written.body()).path("outcome").asString())
                        .isEqualTo("RECORDED");
                reference.reflected(user, reflection);
                return 2;
            }));
        }
        int events = 0;
        for (Future<Integer> done : work) {
            try {
                events += done.get();
            } catch (Exception e) {
                throw new AssertionError("a focus choice or a reflection failed", e);
            }
        }
        return people.size() + " focus choices and " + (events - people.size()) + " reflections";
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String user)
            throws IOException, InterruptedException {
        return HTTP.send(
                request.header("Authorization", "Bearer " + tokens.get(user))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Reference.Entry entry) throws IOException, InterruptedException {
        return post(stack.commandServiceUrl(), entry);
    }

    static HttpResponse<String> post(String commandService, Reference.Entry entry)
            throws IOException, InterruptedException {
        String path = entry instanceof Reference.Win ? "/api/journal/wins" : "/api/journal/check-ins";
        String body = entry instanceof Reference.Win win ? win.json() : ((Reference.CheckIn) entry).json();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(commandService + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.get(entry.user()))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends all entries (eight at a time) and asserts each was recorded (201); records them in the reference. */
    static void acceptAll(List<Reference.Entry> entries) {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Reference.Entry entry : entries) {
            statuses.add(senders.submit(() -> {
                int status = post(entry).statusCode();
                if (status == 201) {
                    reference.accepted(entry);
                }
                return status;
            }));
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Future<Integer> status : statuses) {
            try {
                counts.merge(status.get(), 1, Integer::sum);
            } catch (Exception e) {
                counts.merge(-1, 1, Integer::sum);
            }
        }
        assertThat(counts).as("statuses of %d commands", entries.size()).isEqualTo(Map.of(201, entries.size()));
    }

    // ---- what people see, compared with the reference ----

    static void assertReadModelsMatchReference(String queryService) {
        AtomicReference<List<String>> differences = new AtomicReference<>(List.of("not compared yet"));
        try {
            await().atMost(CONVERGE).pollInterval(Duration.ofMillis(500)).until(() -> {
                differences.set(differences(queryService));
                return differences.get().isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            List<String> last = differences.get();
            fail(last.size() + " differences from the reference, first: " + last.subList(0, Math.min(20, last.size())));
        }
    }

    static List<String> differences(String queryService) {
        List<String> differences = new ArrayList<>();
        try {
            for (String user : reference.users()) {
                List<JsonNode> timeline = new ArrayList<>();
                String cursor = null;
                do {
                    JsonNode page = get(
                            queryService,
                            "/api/timeline?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                            user);
                    page.path("items").forEach(timeline::add);
                    cursor = page.path("nextCursor").isString()
                            ? page.path("nextCursor").asString()
                            : null;
                } while (cursor != null);
                differences.addAll(reference.timelineDifferences(user, timeline));
                for (String week : reference.weeks(user)) {
                    differences.addAll(reference.weekDifferences(
                            user, week, get(queryService, "/api/trends/weeks/" + week, user)));
                }
                // The person's hash chain verifies, whatever was redelivered, replayed or rebuilt.
                JsonNode chain = get(queryService, "/api/history/verify", user);
                if (!chain.path("intact").asBoolean() || chain.path("events").asLong() < 1) {
                    differences.add(user + ": chain " + chain);
                }
            }
        } catch (Exception e) {
            differences.add("query-service not answering: " + e.getClass().getSimpleName());
        }
        return differences;
    }

    static JsonNode get(String base, String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + tokens.get(user))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    static double metric(String base, String name) throws Exception {
        return get(base, "/actuator/metrics/" + name, users.get(0))
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    static void assertEventStoreHoldsExactlyTheAcceptedCommands() throws Exception {
        try (Connection c = stack.postgres().dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from domainevententry")) {
            rs.next();
            assertThat(rs.getLong(1)).as("events in the event store").isEqualTo(reference.events());
        }
    }

    // ---- evidence from the broker and the read store ----

    static List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** Events whose timeline entry exists although their offset is not yet covered by their partition's checkpoint. */
    static long eventsWrittenAfterTheirCheckpoint() {
        Map<Integer, Long> checkpoints = new HashMap<>();
        readStore
                .getCollection("projection_checkpoints")
                .find()
                .forEach(d -> checkpoints.put(
                        d.getInteger("partition"),
                        d.get("nextOffset", Number.class).longValue()));
        // the timeline is the first read model a batch writes; one document per entry, each version with its event id
        Set<String> projected = new HashSet<>();
        readStore
                .getCollection("timeline")
                .find()
                .forEach(d -> d.getList("versions", Document.class, List.of())
                        .forEach(v -> projected.add(v.getString("eventId"))));
        long ahead = 0;
        for (ConsumerRecord<String, byte[]> record : readTopic(JournalTopic.NAME)) {
            Optional<Clear> envelope = clear(record.value());
            if (envelope.isPresent()
                    && projected.contains(envelope.get().eventId())
                    && record.offset() >= checkpoints.getOrDefault(record.partition(), 0L)) {
                ahead++;
            }
        }
        return ahead;
    }

    /** What stays readable of a topic record without keys: its envelope. */
    record Clear(String eventId, String userId, long sequence, boolean sealed) {}

    /** The readable envelope of a record, sealed or not; empty if the record is not an event (poison). */
    static Optional<Clear> clear(byte[] record) {
        DecodeResult result = CODEC.decode(record);
        if (result instanceof DecodeResult.Sealed sealed) {
            SealedEnvelope envelope = sealed.envelope();
            return Optional.of(new Clear(envelope.eventId(), envelope.userId(), envelope.sequence(), true));
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            EventEnvelope envelope = decoded.envelope();
            return Optional.of(new Clear(envelope.eventId(), envelope.userId(), envelope.sequence(), false));
        }
        return Optional.empty();
    }

    static long checkpointTotal() {
        long total = 0;
        for (Document d : readStore.getCollection("projection_checkpoints").find()) {
            total += d.get("nextOffset", Number.class).longValue();
        }
        return total;
    }

    static Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new TreeMap<>();
        for (String collection : List.of("timeline", "weekly_trends", "focus_history", "journals", "journal_history")) {
            models.put(
                    collection,
                    readStore
                            .getCollection(collection)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()));
        }
        return models;
    }

    /** Members of the query-service consumer group and how many partitions each holds. */
    static Map<String, Integer> assignments() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) stack.kafkaBootstrapServers()))) {
            Map<String, Integer> members = new TreeMap<>();
            for (MemberDescription member : admin.describeConsumerGroups(List.of("query-service"))
                    .all()
                    .get()
                    .get("query-service")
                    .members()) {
                members.put(
                        member.consumerId(),
                        member.assignment().topicPartitions().size());
            }
            return members;
        }
    }

    static String tail(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    static void summary(String fault, String what) {
        System.out.println("FAULT " + fault + ": " + what);
    }
}
