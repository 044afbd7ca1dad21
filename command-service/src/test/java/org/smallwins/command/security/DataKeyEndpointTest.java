package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.command.TestKeys;
import org.smallwins.command.keys.DataKeys;
import org.smallwins.contract.DataKeyset;
import org.smallwins.contract.SealedEnvelope;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/data-keys/{keyId}}, the one way a data key leaves the command service: only with the key access
 * token, never with a person's token; a destroyed key is gone (410) for good.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataKeyEndpointTest extends CommandServiceHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = ValidatingHttpClient.forService("command-service");

    @Autowired
    DataKeys keys;

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getKey(String keyId) throws Exception {
        return get("/internal/data-keys/" + keyId, "Bearer " + TestKeys.ACCESS_TOKEN);
    }

    /** Writes a first win for a new person and answers their key id. */
    String personWithAKey(String user, String text) throws Exception {
        HttpResponse<String> written = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                        .header("Authorization", "Bearer " + CommandServiceStack.TOKENS.mint(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"winId\":\"w1\",\"text\":\"" + text
                                + "\",\"focusArea\":\"REST\",\"zone\":\"Europe/Berlin\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).isEqualTo(201);
        return jdbc.queryForObject(
                "select key_id from journal_data_keys where user_id = ? and destroyed_at is null", String.class, user);
    }

    @Test
    void with_the_key_access_token_the_key_is_handed_out_and_opens_that_persons_stored_event() throws Exception {
        String user = "keyed-" + UUID.randomUUID();
        String keyId = personWithAKey(user, "Today I trusted the vault");

        HttpResponse<String> answer = getKey(keyId);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("keyId").asString()).isEqualTo(keyId);
        assertThat(body.path("userId").asString()).isEqualTo(user);
        DataKeyset key = DataKeyset.fromBinary(
                Base64.getDecoder().decode(body.path("keyset").asString()));
        var stored = jdbc.queryForMap(
                "select eventidentifier, payload from domainevententry where aggregateidentifier = ?", user);
        byte[] ciphertext = Base64.getDecoder()
                .decode(JSON.readTree((byte[]) stored.get("payload"))
                        .path("ciphertext")
                        .asString());
        byte[] plaintext = key.open(
                ciphertext,
                SealedEnvelope.associatedData((String) stored.get("eventidentifier"), user, "WinLogged", 1));
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).contains("Today I trusted the vault");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "Bearer ",
                "Bearer wrong-token",
                "Bearer test-key-access-00000000-0000-0000-0000-000000000000",
                "Basic dXNlcjpwYXNz",
                "person"
            })
    void without_the_key_access_token_it_is_401_as_a_problem_and_names_no_key(String authorization) throws Exception {
        String user = "denied-" + UUID.randomUUID();
        String keyId = personWithAKey(user, "Today I kept a secret");
        String header = authorization.equals("person")
                ? "Bearer " + CommandServiceStack.TOKENS.mint(user)
                : authorization.isEmpty() ? null : authorization;

        HttpResponse<String> answer = get("/internal/data-keys/" + keyId, header);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("type").asString())
                .isEqualTo("https://smallwins.dev/problems/unauthorized");
        assertThat(answer.body()).doesNotContain("keyset", user);
    }

    @Test
    void a_destroyed_key_is_410_key_destroyed_and_the_next_entry_of_that_person_gets_a_new_key() throws Exception {
        String user = "erased-" + UUID.randomUUID();
        String keyId = personWithAKey(user, "Today I let go");

        var destroyed = keys.destroy(user);

        assertThat(destroyed).hasValueSatisfying(d -> {
            assertThat(d.keyId()).isEqualTo(keyId);
            assertThat(d.userId()).isEqualTo(user);
            assertThat(d.destroyedAt()).isAfterOrEqualTo(d.createdAt());
        });
        HttpResponse<String> answer = getKey(keyId);
        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("type").asString())
                .isEqualTo("https://smallwins.dev/problems/key-destroyed");
        assertThat(jdbc.queryForObject(
                        "select wrapped_keyset is null from journal_data_keys where key_id = ?", Boolean.class, keyId))
                .as("the wrapped key itself is gone")
                .isTrue();
        assertThat(keys.destroy(user)).as("nothing left to destroy").isEmpty();
        assertThat(keys.forWriting(user).keyId()).isNotEqualTo(keyId);
    }

    @Test
    void an_unknown_key_is_404_and_the_endpoint_is_not_in_the_api_document() throws Exception {
        HttpResponse<String> answer = getKey(UUID.randomUUID().toString());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body()).path("type").asString())
                .isEqualTo("https://smallwins.dev/problems/key-not-found");
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/journal/wins").doesNotContain("data-keys", "/internal");
    }
}
