package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingInterceptor;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An erasure over real HTTP, on the real event store and broker: confirmed with the caller's own subject, it answers
 * a content-free receipt, records a plain (never sealed) JournalErased on the topic for every read model, deletes the
 * journal's snapshots, leaves the export empty and the access log (with the erasure's record) in place, and the same
 * person writing again starts a new journal.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasureOverHttpTest extends CommandServiceHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "Today I finally said it out loud";

    RestClient client(String user) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestInterceptor(ValidatingInterceptor.forService("command-service"))
                .defaultHeader("Authorization", "Bearer " + CommandServiceStack.TOKENS.mint(user))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    int logWin(String user, String id, String text) {
        return client(user)
                .post()
                .uri("/api/journal/wins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("winId", id, "text", text, "focusArea", "FEELINGS", "zone", "Europe/Berlin"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    ResponseEntity<String> erase(String user, String confirmation) {
        var request = client(user).delete().uri("/api/journal").header("X-Correlation-Id", "erase-" + user);
        if (confirmation != null) {
            request = request.header("Confirm-Erasure", confirmation);
        }
        return request.retrieve().toEntity(String.class);
    }

    JsonNode export(String user) {
        return JSON.readTree(
                client(user).get().uri("/api/journal/export").retrieve().body(String.class));
    }

    long rows(String table, String user) {
        return jdbc.queryForObject(
                "select count(*) from " + table + " where aggregateidentifier = ?", Long.class, user);
    }

    /** The person's records on the topic, decoded, in order (waits until {@code expected} of them are there). */
    List<DecodeResult> topic(String user, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, CommandServiceStack.KAFKA.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        JournalEventCodec codec = new JournalEventCodec();
        List<DecodeResult> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (user.equals(record.key())) {
                        records.add(codec.decode(record.value()));
                    }
                }
            }
        }
        return records;
    }

    @Test
    void an_erasure_confirmed_by_the_person_erases_their_journal_and_answers_a_receipt_without_content() {
        String ada = "ada-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            assertThat(logWin(ada, "w" + i, SECRET + " " + i)).isEqualTo(201);
        }
        String lastEventId = jdbc.queryForObject(
                "select eventidentifier from domainevententry where aggregateidentifier = ? and sequencenumber = 2",
                String.class,
                ada);

        String keyId = jdbc.queryForObject(
                "select key_id from journal_data_keys where user_id = ? and destroyed_at is null", String.class, ada);

        ResponseEntity<String> receipt = erase(ada, ada);

        assertThat(receipt.getStatusCode().value()).isEqualTo(202);
        assertThat(receipt.getBody()).doesNotContain(SECRET).doesNotContain("FEELINGS");
        JsonNode body = JSON.readTree(receipt.getBody());
        assertThat(body.path("outcome").asString()).isEqualTo("ERASED");
        assertThat(body.path("erasedEvents").asInt()).isEqualTo(3);
        assertThat(body.path("lastSequence").asInt()).isEqualTo(3);
        assertThat(body.path("lastEventId").asString()).isEqualTo(lastEventId);
        assertThat(body.path("sequence").asInt()).isEqualTo(4);
        assertThat(receipt.getHeaders().getFirst("Journal-Sequence")).isEqualTo("4");
        assertThat(body.path("destroyedKeyId").asString()).isEqualTo(keyId);
        assertThat(rows("snapshotevententry", ada)).isZero();
        // The key is gone for good: the sealed events stay in the store, unreadable.
        assertThat(jdbc.queryForObject(
                        "select wrapped_keyset is null and destroyed_at is not null from journal_data_keys where key_id = ?",
                        Boolean.class,
                        keyId))
                .isTrue();

        // Nothing to export any more; the erasure is in the access log, without content.
        assertThat(export(ada).path("events")).isEmpty();
        JsonNode log = JSON.readTree(
                client(ada).get().uri("/api/journal/access-log").retrieve().body(String.class));
        assertThat(log.get(0).path("action").asString()).isEqualTo("EXPORT");
        assertThat(log.get(0).path("events").asInt()).isZero();
        assertThat(log.get(1).path("action").asString()).isEqualTo("ERASURE");
        assertThat(log.get(1).path("events").asInt()).isEqualTo(3);
        assertThat(log.get(1).path("outcome").asString()).isEqualTo("ERASED");
        assertThat(log.get(1).path("correlationId").asString()).isEqualTo("erase-" + ada);

        // Every read model learns of it from the topic: a plain JournalErased after the three entries.
        List<DecodeResult> records = topic(ada, 4);
        assertThat(records).hasSize(4);
        assertThat(records.subList(0, 3)).allMatch(DecodeResult.Sealed.class::isInstance);
        assertThat(records.get(3)).isInstanceOf(DecodeResult.Decoded.class);
        var erased = ((DecodeResult.Decoded) records.get(3)).envelope();
        assertThat(erased.payloadEncoding()).isEqualTo("json");
        assertThat(erased.payload())
                .isEqualTo(new JournalErased(body.path("erasureId").asString(), keyId, 3, 3, lastEventId));
        assertThat(new String(new JournalEventCodec().encode(erased), StandardCharsets.UTF_8))
                .doesNotContain(SECRET);
        // The receipt pins the history as it was: the chain head is the erasure's own hash, linked to the last entry.
        String lastEntryHash = ((DecodeResult.Sealed) records.get(2)).envelope().hash();
        assertThat(erased.previousHash()).isEqualTo(lastEntryHash);
        assertThat(erased.hash()).isEqualTo(org.smallwins.contract.EventChain.hash(erased, lastEntryHash));
        assertThat(body.path("chainHead").asString()).isEqualTo(erased.hash());
    }

    @Test
    void after_an_erasure_the_same_person_starts_a_new_journal_and_an_old_id_is_free_again() {
        String bo = "bo-" + UUID.randomUUID();
        assertThat(logWin(bo, "w1", SECRET)).isEqualTo(201);
        assertThat(erase(bo, bo).getStatusCode().value()).isEqualTo(202);

        assertThat(logWin(bo, "w1", "Today I began again")).isEqualTo(201);

        JsonNode events = export(bo).path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("payload").path("text").asString()).isEqualTo("Today I began again");
        assertThat(events.get(0).path("sequence").asInt()).isEqualTo(3);
        // A new journal, with a new key; the old one stays destroyed.
        assertThat(jdbc.queryForList(
                        "select destroyed_at is null as live from journal_data_keys where user_id = ? order by created_at",
                        Boolean.class,
                        bo))
                .containsExactly(false, true);
    }

    @Test
    void an_erasure_without_confirmation_or_confirmed_with_another_subject_erases_nothing() {
        String cy = "cy-" + UUID.randomUUID();
        assertThat(logWin(cy, "w1", SECRET)).isEqualTo(201);

        assertThat(erase(cy, null).getStatusCode().value()).isEqualTo(400);
        assertThat(erase(cy, "someone-else").getStatusCode().value()).isEqualTo(400);

        assertThat(rows("domainevententry", cy)).isEqualTo(1);
        assertThat(export(cy).path("events")).hasSize(1);
    }

    @Test
    void an_erasure_asked_again_or_of_a_journal_never_written_has_nothing_to_erase() {
        String di = "di-" + UUID.randomUUID();
        assertThat(logWin(di, "w1", SECRET)).isEqualTo(201);
        erase(di, di);

        ResponseEntity<String> again = erase(di, di);
        ResponseEntity<String> never = erase("never-" + di, "never-" + di);

        assertThat(again.getStatusCode().value()).isEqualTo(202);
        assertThat(JSON.readTree(again.getBody()).path("outcome").asString()).isEqualTo("NOTHING_TO_ERASE");
        assertThat(JSON.readTree(again.getBody()).path("chainHead").asString())
                .as("the head is still the first erasure's")
                .matches("[0-9a-f]{64}");
        assertThat(rows("domainevententry", di)).isEqualTo(2);
        assertThat(never.getStatusCode().value()).isEqualTo(202);
        assertThat(JSON.readTree(never.getBody()).path("outcome").asString()).isEqualTo("NOTHING_TO_ERASE");
        assertThat(JSON.readTree(never.getBody()).has("chainHead"))
                .as("absent, never null")
                .isFalse();
        assertThat(rows("domainevententry", "never-" + di)).isZero();
    }

    @Test
    void another_persons_journal_is_untouched_by_an_erasure() {
        String eve = "eve-" + UUID.randomUUID();
        String fay = "fay-" + UUID.randomUUID();
        assertThat(logWin(eve, "w1", SECRET)).isEqualTo(201);
        assertThat(logWin(fay, "w1", "Today I walked")).isEqualTo(201);

        erase(eve, eve);

        assertThat(export(fay).path("events")).hasSize(1);
    }
}
