package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingInterceptor;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export, import and the access log over real HTTP, on the real event store in PostgreSQL: a journal exported by one
 * person and imported by another reads back the same; the same import again changes nothing; a refused import stores
 * nothing; each person reads only their own journal and access log.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortabilityOverHttpTest extends CommandServiceHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "Today I told my therapist about the dream";

    RestClient client(String user) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestInterceptor(ValidatingInterceptor.forService("command-service"))
                .defaultHeader("Authorization", "Bearer " + CommandServiceStack.TOKENS.mint(user))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    static String user(String name) {
        return name + "-" + UUID.randomUUID();
    }

    void write(String user, String path, Map<String, Object> body) {
        assertThat(client(user)
                        .post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    /** A journal with wins of today and earlier days, tags, a formula-like text, and check-ins with and without notes. */
    void writeJournal(String user) {
        write(
                user,
                "/api/journal/wins",
                Map.of("winId", "w1", "text", SECRET, "focusArea", "FEELINGS", "zone", "Europe/Berlin"));
        write(
                user,
                "/api/journal/wins",
                Map.of(
                        "winId",
                        "w2",
                        "text",
                        "=I said no, \"kindly\"",
                        "focusArea",
                        "BOUNDARIES",
                        "tags",
                        List.of("work", "family"),
                        "day",
                        "2026-03-02",
                        "zone",
                        "Europe/Berlin"));
        write(
                user,
                "/api/journal/check-ins",
                Map.of(
                        "checkInId",
                        "c1",
                        "mood",
                        2,
                        "energy",
                        4,
                        "window",
                        "HYPERAROUSED",
                        "note",
                        "busy\nday",
                        "at",
                        "2026-03-03T06:30:00Z",
                        "zone",
                        "Asia/Tokyo"));
        write(user, "/api/journal/check-ins", Map.of("checkInId", "c2", "mood", 4, "energy", 3, "window", "WITHIN"));
        write(
                user,
                "/api/journal/wins",
                Map.of("winId", "w3", "text", "I rested", "focusArea", "REST", "day", "2026-03-01"));
    }

    ResponseEntity<String> export(String user, String format) {
        return client(user)
                .get()
                .uri("/api/journal/export?format=" + format)
                .retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<String> importInto(String user, String file) {
        return client(user)
                .post()
                .uri("/api/journal/import")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "import-" + user)
                .body(file.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .toEntity(String.class);
    }

    long eventsOf(String user) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, user);
    }

    /** What a person recorded, without what belongs to one journal (event ids, user, recording time, request). */
    static List<JsonNode> recorded(String export) {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode event : JSON.readTree(export).path("events")) {
            ObjectNode copy = ((ObjectNode) event).deepCopy();
            copy.remove(List.of("eventId", "userId", "recordedAt", "correlationId"));
            events.add(copy);
        }
        return events;
    }

    @Test
    void
            a_journal_exported_by_one_person_and_imported_by_another_reads_back_the_same_and_importing_again_changes_nothing() {
        String alice = user("alice");
        String bea = user("bea");
        writeJournal(alice);

        ResponseEntity<String> aliceExport = export(alice, "json");
        ResponseEntity<String> imported = importInto(bea, aliceExport.getBody());
        ResponseEntity<String> again = importInto(bea, aliceExport.getBody());
        ResponseEntity<String> beaExport = export(bea, "json");

        assertThat(aliceExport.getStatusCode().value()).isEqualTo(200);
        assertThat(aliceExport.getHeaders().getContentDisposition().getFilename())
                .endsWith(".json");
        JsonNode aliceJson = JSON.readTree(aliceExport.getBody());
        assertThat(aliceJson.path("format").asString()).isEqualTo("smallwins-journal-export");
        assertThat(aliceJson.path("eventCount").asInt()).isEqualTo(5);
        assertThat(aliceJson.path("events").get(0).path("payload").path("text").asString())
                .isEqualTo(SECRET);

        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        assertThat(imported.getHeaders().getFirst("Journal-Sequence")).isEqualTo("5");
        JsonNode answer = JSON.readTree(imported.getBody());
        assertThat(answer.path("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(answer.path("recorded").asInt()).isEqualTo(5);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(again.getBody()).path("outcome").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(JSON.readTree(again.getBody()).path("alreadyRecorded").asInt())
                .isEqualTo(5);
        assertThat(eventsOf(bea)).isEqualTo(5);

        // Same entries, same days, zones, instants and sequences: the same timeline and weeks.
        assertThat(recorded(beaExport.getBody())).isEqualTo(recorded(aliceExport.getBody()));
        JsonNode beaEvent = JSON.readTree(beaExport.getBody()).path("events").get(0);
        assertThat(beaEvent.path("userId").asString()).isEqualTo(bea);
        assertThat(beaEvent.path("correlationId").asString()).isEqualTo("import-" + bea);
    }

    @Test
    void the_csv_export_has_one_row_per_entry_and_a_formula_like_text_is_kept_as_text() throws Exception {
        String carla = user("carla");
        writeJournal(carla);

        ResponseEntity<String> csv = export(carla, "csv");

        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.getBody()))
                .getRecords();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("w1", "w2", "c1", "c2", "w3");
        assertThat(rows.get(1).get("text")).isEqualTo("'=I said no, \"kindly\"");
        assertThat(rows.get(1).get("day")).isEqualTo("2026-03-02");
        assertThat(rows.get(2).get("note")).isEqualTo("busy\nday");
        assertThat(rows.get(2).get("day")).isEqualTo("2026-03-03");
        assertThat(rows.get(2).get("zone")).isEqualTo("Asia/Tokyo");
    }

    @Test
    void an_import_into_a_journal_holding_other_entries_is_409_and_stores_nothing() {
        String alice = user("alice");
        String dora = user("dora");
        writeJournal(alice);
        write(
                dora,
                "/api/journal/wins",
                Map.of("winId", "own", "text", "I went outside", "focusArea", "MOVEMENT", "zone", "UTC"));

        ResponseEntity<String> refused = importInto(dora, export(alice, "json").getBody());

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(refused.getBody()).path("type").asString()).endsWith("/journal-not-empty");
        assertThat(eventsOf(dora)).isEqualTo(1);
    }

    @Test
    void an_import_with_one_event_at_fault_is_refused_naming_its_position_and_stores_nothing() {
        String alice = user("alice");
        String emil = user("emil");
        writeJournal(alice);
        String file = export(alice, "json").getBody().replace("\"window\":\"WITHIN\"", "\"window\":\"CALM\"");

        ResponseEntity<String> refused = importInto(emil, file);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("events[3]");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("invalid-field:window");
        assertThat(refused.getBody()).doesNotContain(SECRET).doesNotContain("CALM");
        assertThat(eventsOf(emil)).isZero();

        ResponseEntity<String> malformed = importInto(emil, file.substring(0, file.length() / 2));
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.getBody()).path("type").asString()).endsWith("/malformed-import");
        assertThat(eventsOf(emil)).isZero();
    }

    /** 1,200 entries, about 400 KB: over the 64 KB limit of other requests, and three chunks of 500. */
    @Test
    void a_long_journal_imports_in_chunks_past_the_limit_of_other_requests() {
        String fritz = user("fritz");
        JournalEventCodec codec = new JournalEventCodec();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        StringBuilder file =
                new StringBuilder("{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,\"events\":[");
        for (int i = 0; i < 1200; i++) {
            LocalDate day = LocalDate.of(2022, 1, 1).plusDays(i);
            EventEnvelope envelope = new EventEnvelope(
                    "e" + i,
                    "elsewhere",
                    i + 1,
                    new Occurred(day.atStartOfDay(berlin).toInstant(), day, berlin.getId()),
                    day.atStartOfDay(berlin).toInstant().plusSeconds(5),
                    "c" + i,
                    EventEnvelope.PLAIN_JSON,
                    new WinLogged(
                            "win-" + i,
                            "Today I kept going, day " + i + " of a long journal",
                            FocusArea.REST,
                            List.of("t" + i % 7)));
            file.append(i == 0 ? "" : ",").append(new String(codec.encode(envelope), StandardCharsets.UTF_8));
        }
        file.append("]}");
        assertThat(file.length()).isGreaterThan(64 * 1024);

        ResponseEntity<String> imported = importInto(fritz, file.toString());

        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        assertThat(JSON.readTree(imported.getBody()).path("recorded").asInt()).isEqualTo(1200);
        assertThat(imported.getHeaders().getFirst("Journal-Sequence")).isEqualTo("1200");
        assertThat(eventsOf(fritz)).isEqualTo(1200);
        JsonNode exported = JSON.readTree(export(fritz, "json").getBody());
        assertThat(exported.path("eventCount").asInt()).isEqualTo(1200);
        assertThat(exported.path("events")
                        .get(1199)
                        .path("occurred")
                        .path("localDate")
                        .asString())
                .isEqualTo(LocalDate.of(2022, 1, 1).plusDays(1199).toString());
    }

    @Test
    void each_person_reads_only_their_own_access_log_newest_first_without_any_content() {
        String alice = user("alice");
        String gina = user("gina");
        writeJournal(alice);
        String file = export(alice, "json").getBody();
        export(alice, "csv");
        importInto(gina, file);
        importInto(gina, file);

        JsonNode aliceLog = JSON.readTree(
                client(alice).get().uri("/api/journal/access-log").retrieve().body(String.class));
        JsonNode ginaLog = JSON.readTree(
                client(gina).get().uri("/api/journal/access-log").retrieve().body(String.class));

        assertThat(aliceLog).hasSize(2);
        assertThat(aliceLog.get(0).path("action").asString()).isEqualTo("EXPORT");
        assertThat(aliceLog.get(0).path("format").asString()).isEqualTo("csv");
        assertThat(aliceLog.get(1).path("format").asString()).isEqualTo("json");
        assertThat(aliceLog.get(1).path("events").asInt()).isEqualTo(5);
        assertThat(aliceLog.get(1).path("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(ginaLog).hasSize(2);
        assertThat(ginaLog.get(0).path("outcome").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(ginaLog.get(1).path("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(ginaLog.get(1).path("events").asInt()).isEqualTo(5);
        assertThat(ginaLog.get(1).path("correlationId").asString()).isEqualTo("import-" + gina);
        assertThat(aliceLog.toString() + ginaLog).doesNotContain(SECRET).doesNotContain("kindly");
    }

    @Test
    void an_empty_journal_exports_an_empty_list() {
        JsonNode export = JSON.readTree(export(user("hana"), "json").getBody());

        assertThat(export.path("events")).isEmpty();
        assertThat(export.path("eventCount").asInt()).isZero();
    }
}
