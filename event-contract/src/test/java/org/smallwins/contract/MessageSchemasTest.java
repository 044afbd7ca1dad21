package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published description of both topics (issue 16): a JSON Schema per message type and version under
 * {@code schemas/}, and the AsyncAPI document naming them. Every golden file and a real message of every type (as the
 * codec writes it, readable and sealed) is valid against its schema; the schemas refuse what the contract does not
 * allow (values outside the vocabulary, fields nobody defined); the
 * AsyncAPI document has a message for every event type the contract knows and references only schemas that exist.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageSchemasTest {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    static final JsonMapper JSON = JsonMapper.builder().build();

    final JournalEventCodec codec = new JournalEventCodec();

    static Schema schema(String path) {
        try (InputStream in = MessageSchemasTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as("schema %s", path).isNotNull();
            return SCHEMAS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of a journal message: by its type and version. */
    static Schema schemaOf(JsonNode message) {
        return schema("schemas/journal/" + message.path("type").asString() + "-v"
                + message.path("typeVersion").asInt() + ".schema.json");
    }

    static List<Error> errors(byte[] message) {
        JsonNode node = JSON.readTree(message);
        return schemaOf(node).validate(node);
    }

    static Path resources(String directory) throws URISyntaxException {
        URL url = MessageSchemasTest.class.getResource("/" + directory);
        assertThat(url).as(directory).isNotNull();
        return Path.of(url.toURI());
    }

    @Test
    void every_golden_file_is_valid_against_the_schema_of_its_type_and_version() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(resources("golden"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                assertThat(errors(Files.readAllBytes(file)))
                        .as(file.getFileName().toString())
                        .isEmpty();
                checked.add(file.getFileName().toString());
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20).contains("AnalyticsConsentGiven-v1.envelope-v2.json");
    }

    static List<JournalEvent> everyType() {
        return List.of(
                new WinLogged("w1", "Today I rested without guilt", FocusArea.REST, List.of("evening")),
                new CheckInRecorded("c1", 2, 4, ToleranceWindow.HYPERAROUSED, "a loud day"),
                new JournalErased("e1", "k1", 3, 3, "ev-3"),
                new WinCorrected("w1", 2, "Today I rested", FocusArea.SELF_COMPASSION, List.of()),
                new CheckInCorrected("c1", 2, 3, 3, ToleranceWindow.WITHIN, null),
                new EntryRetracted("c1", 3, EntryKind.CHECK_IN, RetractionReason.DUPLICATE),
                new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                new WeeklyReflectionWritten("2026-W48", "I said no", List.of("w1"), true),
                new AnalyticsConsentGiven(),
                new AnalyticsConsentWithdrawn());
    }

    @Test
    void a_real_message_of_every_type_as_the_relay_publishes_it_is_valid_sealed_or_plain_with_its_chain() {
        DataKeyset key = DataKeyset.generate();
        String previous = null;
        long sequence = 1;
        for (JournalEvent event : everyType()) {
            EventEnvelope envelope = new EventEnvelope(
                    "ev-" + sequence,
                    "alice",
                    sequence,
                    new Occurred(Instant.parse("2026-11-23T08:15:00Z"), LocalDate.of(2026, 11, 23), "Europe/Berlin"),
                    Instant.parse("2026-11-23T08:15:01Z"),
                    "corr-" + sequence,
                    EventEnvelope.PLAIN_JSON,
                    event);
            String hash = EventChain.hash(envelope, previous);
            byte[] plain = codec.encode(envelope.withChain(previous, hash));
            assertThat(errors(plain)).as(event.type() + " plain").isEmpty();
            if (event.containsPersonalData()) {
                SealedEnvelope sealed = codec.seal(envelope, "k-1", key);
                assertThat(errors(codec.encode(sealed)))
                        .as(event.type() + " sealed")
                        .isEmpty();
            }
            previous = hash;
            sequence++;
        }
    }

    @Test
    void the_schemas_refuse_values_outside_the_vocabulary_unknown_fields_and_a_sealed_consent() {
        String win = new String(
                codec.encode(new EventEnvelope(
                        "ev-1",
                        "alice",
                        1,
                        new Occurred(Instant.parse("2026-11-23T08:15:00Z"), LocalDate.of(2026, 11, 23), "UTC"),
                        Instant.parse("2026-11-23T08:15:01Z"),
                        "corr-1",
                        EventEnvelope.PLAIN_JSON,
                        new CheckInRecorded("c1", 2, 4, ToleranceWindow.WITHIN, null))),
                StandardCharsets.UTF_8);
        for (String broken : List.of(
                win.replace("\"mood\":2", "\"mood\":6"),
                win.replace("\"window\":\"WITHIN\"", "\"window\":\"CALM\""),
                win.replace("\"checkInId\":\"c1\"", "\"checkInId\":\"c1\",\"userId\":\"bob\""),
                win.replace("\"typeVersion\":1", "\"typeVersion\":1,\"extra\":true"),
                win.replace("\"sequence\":1", "\"sequence\":0"))) {
            assertThat(errors(broken.getBytes(StandardCharsets.UTF_8)))
                    .as(broken)
                    .isNotEmpty();
        }
        String consent = "{\"eventId\":\"e\",\"type\":\"AnalyticsConsentGiven\",\"typeVersion\":1,\"userId\":\"a\","
                + "\"sequence\":1,\"occurred\":{\"instant\":\"2026-11-23T08:15:00Z\",\"localDate\":\"2026-11-23\","
                + "\"zone\":\"UTC\"},\"recordedAt\":\"2026-11-23T08:15:00Z\",\"correlationId\":\"c\","
                + "\"payloadEncoding\":\"tink-aead\",\"keyId\":\"k\",\"payload\":\"AQ==\"}";
        assertThat(errors(consent.getBytes(StandardCharsets.UTF_8)))
                .as("a consent is never sealed")
                .isNotEmpty();
    }

    @Test
    void the_asyncapi_document_describes_both_topics_and_a_message_for_every_event_type_with_its_schema()
            throws Exception {
        JsonNode asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/smallwins-asyncapi.yaml")) {
            assertThat(in).isNotNull();
            asyncApi = YAMLMapper.builder().build().readTree(in);
        }
        assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("channels")
                        .path("journalEvents")
                        .path("address")
                        .asString())
                .isEqualTo(JournalTopic.NAME);
        assertThat(asyncApi.path("channels")
                        .path("analyticsWeekly")
                        .path("address")
                        .asString())
                .isEqualTo(AnalyticsTopic.NAME);
        Set<String> types = Arrays.stream(JournalEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .map(name -> name + "-v1")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> onJournalChannel = new TreeSet<>(
                asyncApi.path("channels").path("journalEvents").path("messages").propertyNames());
        assertThat(onJournalChannel).isEqualTo(types);
        Set<String> referenced = new TreeSet<>();
        for (var message : asyncApi.path("components").path("messages").properties()) {
            JsonNode schema = message.getValue().path("payload").path("schema");
            String ref = schema.path("$ref").asString("");
            if (!ref.isEmpty()) {
                String path = ref.replace("../", "");
                schema(path); // exists and is a schema
                referenced.add(path);
            }
        }
        Set<String> files = new TreeSet<>();
        for (String directory : List.of("schemas/journal", "schemas/analytics")) {
            try (Stream<Path> list = Files.list(resources(directory))) {
                list.forEach(f -> files.add(directory + "/" + f.getFileName()));
            }
        }
        assertThat(referenced)
                .as("every schema file is in the AsyncAPI document")
                .isEqualTo(files);
    }
}
