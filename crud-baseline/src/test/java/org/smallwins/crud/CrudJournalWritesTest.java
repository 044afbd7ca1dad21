package org.smallwins.crud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.PostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The CRUD baseline's writes over real HTTP on a real PostgreSQL: it asks the same decider as the command service, so
 * it answers 201 / 200 / 409 / 422 for the same requests, including a changed retry that a textual digest mistook
 * for the same entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrudJournalWritesTest {

    static final PostgresServer POSTGRES;
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final Path PUBLIC_KEY;

    static {
        try {
            POSTGRES = PostgresServer.start(null, 0);
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
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", TOKENS::audience);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        POSTGRES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<String> post(String user, String path, Map<String, Object> body) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TOKENS.mint(user))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    long rows(String user) {
        return jdbc.queryForObject("select count(*) from crud_entry where user_id = ?", Long.class, user);
    }

    static String user() {
        return "crud-" + UUID.randomUUID();
    }

    @Test
    void a_win_is_recorded_once_a_retry_changes_nothing_and_a_changed_retry_is_a_conflict() {
        String user = user();
        Map<String, Object> win = Map.of(
                "winId",
                "w1",
                "text",
                "Today I rested",
                "focusArea",
                "REST",
                "tags",
                List.of("a, b"),
                "zone",
                "Europe/Berlin");

        assertThat(post(user, "/api/journal/wins", win).getStatusCode().value()).isEqualTo(201);
        assertThat(post(
                                user,
                                "/api/journal/wins",
                                Map.of(
                                        "winId",
                                        "w1",
                                        "text",
                                        " Today I rested ",
                                        "focusArea",
                                        "REST",
                                        "tags",
                                        List.of("a, b")))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> changed = post(
                user,
                "/api/journal/wins",
                Map.of(
                        "winId",
                        "w1",
                        "text",
                        "Today I rested",
                        "focusArea",
                        "REST",
                        "tags",
                        List.of("a", "b"),
                        "zone",
                        "Europe/Berlin"));

        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(changed.getBody()).contains("entry-id-taken");
        assertThat(rows(user)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select length(digest) from crud_entry where user_id = ?", Integer.class, user))
                .isEqualTo(43);
    }

    @Test
    void a_check_in_with_the_note_null_after_one_without_a_note_is_a_conflict_and_the_zone_defaults_to_the_latest() {
        String user = user();

        assertThat(post(
                                user,
                                "/api/journal/check-ins",
                                Map.of(
                                        "checkInId",
                                        "c1",
                                        "mood",
                                        3,
                                        "energy",
                                        2,
                                        "window",
                                        "WITHIN",
                                        "zone",
                                        "Asia/Tokyo"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(post(
                                user,
                                "/api/journal/check-ins",
                                Map.of("checkInId", "c1", "mood", 3, "energy", 2, "window", "WITHIN", "note", "null"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(post(
                                user,
                                "/api/journal/wins",
                                Map.of("winId", "w2", "text", "Today I asked for help", "focusArea", "ASKING_FOR_HELP"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        assertThat(jdbc.queryForList("select zone from crud_entry where user_id = ? order by id", String.class, user))
                .containsExactly("Asia/Tokyo", "Asia/Tokyo");
    }

    @Test
    void a_bad_request_is_422_naming_every_field_at_fault_and_nothing_is_stored() {
        String user = user();

        ResponseEntity<String> refused = post(
                user,
                "/api/journal/wins",
                Map.of(
                        "winId",
                        "not an id!",
                        "text",
                        " ",
                        "focusArea",
                        "NAPPING",
                        "day",
                        "23/11/2026",
                        "zone",
                        "Atlantis/Capital"));
        ResponseEntity<String> firstWithoutZone =
                post(user, "/api/journal/wins", Map.of("winId", "w1", "text", "Today I rested", "focusArea", "REST"));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody())
                .contains("id.format", "text.required", "focusArea.unknown", "zone.unknown", "day.format")
                .doesNotContain("NAPPING", "Atlantis");
        assertThat(firstWithoutZone.getStatusCode().value()).isEqualTo(422);
        assertThat(firstWithoutZone.getBody()).contains("zone.required");
        assertThat(rows(user)).isZero();
    }
}
