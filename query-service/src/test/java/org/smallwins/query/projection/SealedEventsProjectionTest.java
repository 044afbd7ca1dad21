package org.smallwins.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.DataKeyset;
import org.smallwins.contract.EventChain;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.SealedEnvelope;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sealed events on the whole query service: records sealed as command-service's relay seals them arrive through real
 * (embedded) Kafka, their keys come over HTTP from a key endpoint answering as command-service's does, and what a person
 * sees is read over HTTP. One partition, so every case also shows what happens to the records behind it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "smallwins.keys.access-token=" + SealedEventsProjectionTest.TOKEN,
            // the key service being unavailable is retried quickly here
            "smallwins.keys.request-timeout=1s"
        })
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SealedEventsProjectionTest {

    static final String TOKEN = "query-service-key-access-token";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final HttpClient HTTP = ValidatingHttpClient.forService("query-service");
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
                admin.createTopics(List.of(new NewTopic(JournalTopic.NAME, 1, (short) 1)))
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
        registry.add("smallwins.keys.command-service-url", () -> KEYS.url().toString());
        registry.add("smallwins.analytics.pseudonym-secret", () -> "a-test-pseudonym-secret-of-32-characters");
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

    @Autowired
    MeterRegistry meters;

    final JournalEventCodec codec = new JournalEventCodec();

    @AfterEach
    void keyServiceBack() {
        KEYS.failing = false;
    }

    /** A person with a live data key, as command-service creates with their first event. */
    record Person(String userId, String keyId, DataKeyset key) {

        static Person withKey(String name) {
            return new Person(name + "-" + UUID.randomUUID(), "key-" + UUID.randomUUID(), DataKeyset.generate());
        }

        Person serving() {
            KEYS.keys.put(keyId, new KeyEndpointStandIn.Key(userId, key.toBinary()));
            return this;
        }
    }

    EventEnvelope envelope(String user, long sequence, JournalEvent event) {
        Instant now = Instant.now();
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                user,
                sequence,
                Occurred.at(now, BERLIN),
                now,
                "corr-" + sequence,
                EventEnvelope.PLAIN_JSON,
                event);
    }

    /** As command-service's relay publishes a sealed event: the sealed envelope, keyed by its person. */
    byte[] publishSealed(Person person, long sequence, JournalEvent event) throws Exception {
        byte[] bytes =
                codec.encode(codec.seal(envelope(person.userId(), sequence, event), person.keyId(), person.key()));
        send(person.userId(), bytes);
        return bytes;
    }

    void publishPlain(String user, long sequence, JournalEvent event) throws Exception {
        send(user, codec.encode(envelope(user, sequence, event)));
    }

    void send(String key, byte[] bytes) throws Exception {
        PRODUCER.send(new ProducerRecord<>(JournalTopic.NAME, key, bytes)).get();
    }

    String timeline(String user) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/timeline"))
                        .header("Authorization", "Bearer " + TOKENS.mint(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** A plain event of a new person, behind everything sent so far on the one partition, has been projected. */
    void everythingBeforeProjected() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        publishPlain(marker, 1, new WinLogged("m1", "Today I was a marker", FocusArea.REST, List.of()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> store.journals().find(eq("_id", marker)).first() != null);
    }

    double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    long endOffset() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(JournalTopic.NAME, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    OptionalLong checkpoint() {
        return new Checkpoints(store, "journal-projection").nextOffset(JournalTopic.NAME, 0);
    }

    List<ConsumerRecord<String, byte[]>> deadLettersOf(String user) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (user.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void sealed_events_are_opened_with_their_persons_key_fetched_once_and_plain_json_ones_still_project()
            throws Exception {
        Person alice = Person.withKey("alice").serving();
        String carol = "carol-" + UUID.randomUUID();

        publishSealed(
                alice, 1, new WinLogged("w1", "Today I called my sister", FocusArea.CONNECTION, List.of("family")));
        publishSealed(alice, 2, new CheckInRecorded("c1", 2, 4, ToleranceWindow.WITHIN, "slept well after the call"));
        publishPlain(carol, 1, new WinLogged("w1", "Today I went for a walk", FocusArea.MOVEMENT, List.of()));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> timeline(alice.userId()).contains("\"id\":\"c1\""));
        assertThat(timeline(alice.userId()))
                .contains("Today I called my sister")
                .contains("family")
                .contains("slept well after the call");
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(carol).contains("Today I went for a walk"));
        assertThat(KEYS.asked).filteredOn(alice.keyId()::equals).hasSize(1);
    }

    @Test
    void events_whose_key_was_destroyed_are_skipped_and_counted_and_passed_never_dead_lettered() throws Exception {
        Person bob = Person.withKey("bob");
        KEYS.destroyed.add(bob.keyId());
        double erasedBefore = counter(ProjectionConsumer.ERASED_EVENTS);

        publishSealed(bob, 1, new WinLogged("w1", "Today I wrote to the council", FocusArea.OTHER, List.of()));
        publishSealed(bob, 2, new CheckInRecorded("c1", 1, 1, ToleranceWindow.HYPOAROUSED, null));
        long behindBob = endOffset();
        everythingBeforeProjected();

        assertThat(counter(ProjectionConsumer.ERASED_EVENTS) - erasedBefore).isEqualTo(2.0);
        assertThat(store.timeline().countDocuments(eq("userId", bob.userId()))).isZero();
        assertThat(store.journals().find(eq("_id", bob.userId())).first()).isNull();
        assertThat(timeline(bob.userId())).doesNotContain("council");
        // the checkpoint is written just after the batch's documents: it passes bob's events
        await().atMost(Duration.ofSeconds(30)).until(() -> checkpoint().orElse(-1) >= behindBob);
        assertThat(deadLettersOf(bob.userId())).isEmpty();
    }

    @Test
    void
            a_ciphertext_that_does_not_open_with_its_key_or_whose_key_is_unknown_or_someone_elses_is_dead_lettered_as_it_came()
                    throws Exception {
        Person dave = Person.withKey("dave").serving();
        Person impostor = new Person(dave.userId(), dave.keyId(), DataKeyset.generate()); // same key id, other key
        Person nobody = Person.withKey("nobody"); // its key was never served
        Person frank = Person.withKey("frank"); // its key is served as somebody else's
        KEYS.keys.put(
                frank.keyId(),
                new KeyEndpointStandIn.Key("somebody-else", frank.key().toBinary()));
        double unopenableBefore = counter("smallwins.projection.events.rejected", "reason", "unopenable-payload");

        byte[] unopenable =
                publishSealed(impostor, 1, new WinLogged("w1", "Sealed with another key", FocusArea.REST, List.of()));
        publishSealed(dave, 2, new WinLogged("w2", "Today I fixed the bike", FocusArea.MOVEMENT, List.of()));
        byte[] unknownKey = publishSealed(
                nobody, 1, new WinLogged("w1", "Sealed with a key nobody knows", FocusArea.REST, List.of()));
        byte[] otherPersonsKey = publishSealed(
                frank, 1, new WinLogged("w1", "Sealed with somebody else's key", FocusArea.REST, List.of()));
        everythingBeforeProjected();

        assertThat(timeline(dave.userId())).contains("Today I fixed the bike").doesNotContain("another key");
        List<ConsumerRecord<String, byte[]>> daves = deadLettersOf(dave.userId());
        assertThat(daves).hasSize(1);
        assertThat(daves.get(0).value()).isEqualTo(unopenable);
        assertThat(header(daves.get(0), JournalTopic.REASON_HEADER)).isEqualTo("unopenable-payload");
        List<ConsumerRecord<String, byte[]>> nobodys = deadLettersOf(nobody.userId());
        assertThat(nobodys).extracting(ConsumerRecord::value).containsExactly(unknownKey);
        assertThat(header(nobodys.get(0), JournalTopic.REASON_HEADER)).isEqualTo("unknown-key");
        List<ConsumerRecord<String, byte[]>> franks = deadLettersOf(frank.userId());
        assertThat(franks).extracting(ConsumerRecord::value).containsExactly(otherPersonsKey);
        assertThat(header(franks.get(0), JournalTopic.REASON_HEADER)).isEqualTo("key-of-another-person");
        assertThat(store.journals().find(eq("_id", frank.userId())).first()).isNull();
        assertThat(counter("smallwins.projection.events.rejected", "reason", "unopenable-payload") - unopenableBefore)
                .isEqualTo(1.0);
    }

    @Test
    void while_the_key_service_is_unavailable_the_batch_waits_and_nothing_is_skipped_or_dead_lettered()
            throws Exception {
        everythingBeforeProjected();
        Person erin = Person.withKey("erin").serving();
        KEYS.failing = true;
        double erasedBefore = counter(ProjectionConsumer.ERASED_EVENTS);
        long before = endOffset();

        publishSealed(erin, 1, new WinLogged("w1", "Today I asked for help", FocusArea.CONNECTION, List.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        KEYS.asked.stream().filter(erin.keyId()::equals).count() >= 2); // asked, failed, asked again
        Thread.sleep(1_000);

        assertThat(store.timeline().countDocuments(eq("userId", erin.userId()))).isZero();
        assertThat(checkpoint()).hasValue(before);
        assertThat(deadLettersOf(erin.userId())).isEmpty();

        KEYS.failing = false;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> timeline(erin.userId()).contains("Today I asked for help"));
        assertThat(counter(ProjectionConsumer.ERASED_EVENTS)).isEqualTo(erasedBefore);
        assertThat(deadLettersOf(erin.userId())).isEmpty();
    }

    /** A person's chained history, as command-service stores and relays it: each record hashed and linked. */
    final class Chain {
        final Person person;
        String head;

        Chain(Person person) {
            this.person = person;
        }

        /** The next sealed record, chained; {@code alter} changes its ciphertext after hashing (a forgery). */
        byte[] sealed(long sequence, JournalEvent event, boolean alter) throws Exception {
            SealedEnvelope sealed =
                    codec.seal(envelope(person.userId(), sequence, event), person.keyId(), person.key());
            String hash = EventChain.hash(sealed, head);
            sealed = sealed.withChain(head, hash);
            if (alter) {
                byte[] ciphertext = sealed.ciphertext();
                ciphertext[ciphertext.length - 1] ^= 1;
                sealed = new SealedEnvelope(
                        sealed.eventId(),
                        sealed.userId(),
                        sealed.sequence(),
                        sealed.occurred(),
                        sealed.recordedAt(),
                        sealed.correlationId(),
                        sealed.type(),
                        sealed.typeVersion(),
                        sealed.keyId(),
                        ciphertext,
                        sealed.previousHash(),
                        sealed.hash());
            }
            head = hash;
            byte[] bytes = codec.encode(sealed);
            send(person.userId(), bytes);
            return bytes;
        }

        /** A plain record stored before the chain existed (envelope version 1): its hash is computed on the fly. */
        void unchained(long sequence, JournalEvent event) throws Exception {
            EventEnvelope plain = envelope(person.userId(), sequence, event);
            head = EventChain.hash(plain, head);
            send(person.userId(), codec.encode(plain));
        }
    }

    HttpResponse<String> verify(String user) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/history/verify"))
                        .header("Authorization", "Bearer " + TOKENS.mint(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode verified(String user) throws Exception {
        HttpResponse<String> answer = verify(user);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body());
    }

    @Test
    void a_persons_chain_verifies_over_http_from_events_stored_before_the_chain_to_its_head_and_only_their_own()
            throws Exception {
        Chain grace = new Chain(Person.withKey("grace").serving());
        grace.unchained(1, new WinLogged("w1", "Today I wrote before the chain", FocusArea.REST, List.of()));
        grace.sealed(2, new WinLogged("w2", "Today I planted bulbs", FocusArea.MOVEMENT, List.of()), false);
        grace.sealed(3, new CheckInRecorded("c1", 4, 4, ToleranceWindow.WITHIN, "calm"), false);
        everythingBeforeProjected();

        JsonNode report = verified(grace.person.userId());

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(3);
        assertThat(report.path("head").asString()).isEqualTo(grace.head);
        assertThat(report.path("brokenAt").isNull() || report.path("brokenAt").isMissingNode())
                .isTrue();
        assertThat(verified("nobody-" + UUID.randomUUID()).path("events").asLong())
                .as("another person sees only their own (empty) chain")
                .isZero();
        assertThat(verify(grace.person.userId()).body()).doesNotContain("bulbs", "calm");
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/history/verify"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void
            an_event_altered_on_the_topic_breaks_the_chain_at_its_sequence_and_it_is_still_seen_after_the_key_is_destroyed()
                    throws Exception {
        Chain heidi = new Chain(Person.withKey("heidi").serving());
        heidi.sealed(1, new WinLogged("w1", "Today I swam", FocusArea.MOVEMENT, List.of()), false);
        heidi.sealed(2, new WinLogged("w2", "Today I rested", FocusArea.REST, List.of()), true);
        heidi.sealed(3, new WinLogged("w3", "Today I read", FocusArea.REST, List.of()), false);
        everythingBeforeProjected();

        JsonNode report = verified(heidi.person.userId());

        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("events").asLong()).isEqualTo(3);
        assertThat(report.path("brokenAt").path("sequence").asLong()).isEqualTo(2);
        assertThat(report.path("brokenAt").path("problem").asString()).isEqualTo("hash-mismatch");
        // The erased journal's chain is kept and still verifies (without the key) the same way.
        Chain ivan = new Chain(Person.withKey("ivan").serving());
        ivan.sealed(1, new WinLogged("w1", "Today I cooked", FocusArea.REST, List.of()), false);
        everythingBeforeProjected();
        KEYS.destroyed.add(ivan.person.keyId());
        KEYS.keys.remove(ivan.person.keyId());
        ivan.sealed(2, new WinLogged("w2", "Today I cooked again", FocusArea.REST, List.of()), false);
        everythingBeforeProjected();
        JsonNode erased = verified(ivan.person.userId());
        assertThat(erased.path("intact").asBoolean()).isTrue();
        assertThat(erased.path("events").asLong()).isEqualTo(2);
        assertThat(erased.path("head").asString()).isEqualTo(ivan.head);
    }

    @Test
    void
            a_redelivered_or_forged_record_for_a_sequence_already_chained_changes_nothing_and_a_forged_next_one_breaks_the_link()
                    throws Exception {
        Chain judy = new Chain(Person.withKey("judy").serving());
        byte[] first = judy.sealed(1, new WinLogged("w1", "Today I sang", FocusArea.CONNECTION, List.of()), false);
        judy.sealed(2, new WinLogged("w2", "Today I sang again", FocusArea.CONNECTION, List.of()), false);
        send(judy.person.userId(), first); // a redelivery
        everythingBeforeProjected();
        assertThat(verified(judy.person.userId()).path("intact").asBoolean()).isTrue();

        // An event injected with a link to something other than the head.
        String realHead = judy.head;
        judy.head = "0".repeat(64);
        judy.sealed(3, new WinLogged("w3", "Injected", FocusArea.CONNECTION, List.of()), false);
        everythingBeforeProjected();

        JsonNode report = verified(judy.person.userId());
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("brokenAt").path("sequence").asLong()).isEqualTo(3);
        assertThat(report.path("brokenAt").path("problem").asString()).isEqualTo("previous-hash-mismatch");
        assertThat(realHead).isNotEqualTo(judy.head);
    }
}
