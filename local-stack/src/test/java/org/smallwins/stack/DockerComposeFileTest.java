package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The production-like stack is described by docker-compose.yml. No Docker engine runs here, so the file is checked in
 * Java the way {@code docker compose config} checks it (see {@link ComposeFile}): interpolated, validated against the
 * Compose specification's JSON Schema, its service and volume references resolved.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DockerComposeFileTest {

    /**
     * What the file requires from whoever starts it: the key-encryption key, the key-access token, the analytics
     * pseudonym secret, Keycloak's admin password and the web app's client secret. The OIDC issuer defaults to the
     * file's own Keycloak realm (issue 17).
     */
    static final Map<String, String> SECRETS = Map.of(
            "SMALLWINS_KEK", "{\"primaryKeyId\":1,\"key\":[]}",
            "SMALLWINS_KEY_ACCESS_TOKEN", "a-long-random-secret",
            "SMALLWINS_ANALYTICS_PSEUDONYM_SECRET", "a-random-pseudonym-secret-of-32-characters-or-more",
            "SMALLWINS_KEYCLOAK_ADMIN_PASSWORD", "an-admin-password",
            "SMALLWINS_WEB_CLIENT_SECRET", "a-long-random-client-secret");

    /** The secrets and another OIDC issuer than the file's own Keycloak. */
    static final Map<String, String> WITH_ISSUER = withIssuer();

    static Map<String, String> withIssuer() {
        Map<String, String> env = new java.util.HashMap<>(SECRETS);
        env.put("SMALLWINS_JWT_ISSUER", "https://id.example.org/realms/small-wins");
        return Map.copyOf(env);
    }

    static final String KEYCLOAK_ISSUER = "http://localhost:8180/realms/small-wins";

    static String composeFile() throws Exception {
        return Files.readString(Path.of("..", "docker-compose.yml"), StandardCharsets.UTF_8);
    }

    @Test
    void the_services_trust_the_files_own_keycloak_unless_another_issuer_is_configured() throws Exception {
        ComposeFile compose = ComposeFile.parse(composeFile());

        assertThat(compose.requiredVariables()).containsExactlyInAnyOrderElementsOf(SECRETS.keySet());
        ComposeFile.Resolved keycloak = compose.resolve(SECRETS);
        ComposeFile.Resolved other = compose.resolve(WITH_ISSUER);
        assertThat(keycloak.problems()).isEmpty();
        for (String service : List.of("command-service", "query-service")) {
            assertThat(keycloak.service(service)
                            .path("environment")
                            .path("SMALLWINS_JWT_ISSUER")
                            .asString())
                    .as(service)
                    .isEqualTo(KEYCLOAK_ISSUER);
            assertThat(other.service(service)
                            .path("environment")
                            .path("SMALLWINS_JWT_ISSUER")
                            .asString())
                    .as(service)
                    .isEqualTo(WITH_ISSUER.get("SMALLWINS_JWT_ISSUER"));
        }
    }

    @Test
    void without_any_one_of_its_secrets_the_compose_file_refuses_to_resolve() throws Exception {
        ComposeFile compose = ComposeFile.parse(composeFile());

        for (String secret : SECRETS.keySet()) {
            Map<String, String> without = new java.util.HashMap<>(WITH_ISSUER);
            without.remove(secret);
            assertThat(compose.resolve(without).problems())
                    .as("without " + secret)
                    .isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).contains(secret));
        }
    }

    @Test
    void only_command_service_gets_the_key_encryption_key_and_both_services_share_the_key_access_token()
            throws Exception {
        ComposeFile.Resolved compose = ComposeFile.parse(composeFile()).resolve(WITH_ISSUER);
        JsonNode command = compose.service("command-service").path("environment");
        JsonNode query = compose.service("query-service").path("environment");

        assertThat(command.path("SMALLWINS_KEK").asString()).isEqualTo(WITH_ISSUER.get("SMALLWINS_KEK"));
        assertThat(query.has("SMALLWINS_KEK")).as("query-service has the KEK").isFalse();
        assertThat(query.has("SMALLWINS_KEK_FILE"))
                .as("query-service has the KEK")
                .isFalse();
        assertThat(command.path("SMALLWINS_KEY_ACCESS_TOKEN").asString())
                .isEqualTo(query.path("SMALLWINS_KEY_ACCESS_TOKEN").asString())
                .isEqualTo("a-long-random-secret");
        assertThat(query.path("SMALLWINS_KEYS_URL").asString()).isEqualTo("http://command-service:8081");
    }

    @Test
    void with_the_issuer_the_compose_file_follows_the_compose_specification_and_orders_the_services_by_health()
            throws Exception {
        ComposeFile.Resolved compose = ComposeFile.parse(composeFile()).resolve(WITH_ISSUER);

        assertThat(compose.problems()).isEmpty();
        assertThat(compose.model().path("services").propertyNames())
                .containsExactlyInAnyOrder(
                        "postgres", "kafka", "mongo", "command-service", "query-service", "keycloak", "web");
        assertThat(compose.model().path("volumes").propertyNames())
                .containsExactlyInAnyOrder("postgres-data", "kafka-data", "mongo-data");
        for (String service :
                List.of("postgres", "kafka", "mongo", "command-service", "query-service", "keycloak", "web")) {
            assertThat(compose.service(service).has("healthcheck"))
                    .as(service + " has a healthcheck")
                    .isTrue();
        }
        assertThat(conditions(compose.service("command-service")))
                .isEqualTo(Map.of("postgres", "service_healthy", "kafka", "service_healthy"));
        assertThat(conditions(compose.service("query-service")))
                .isEqualTo(Map.of(
                        "mongo", "service_healthy", "kafka", "service_healthy", "command-service", "service_healthy"));
        assertThat(conditions(compose.service("web")))
                .isEqualTo(Map.of(
                        "command-service", "service_healthy",
                        "query-service", "service_healthy",
                        "keycloak", "service_healthy"));
        assertThat(compose.service("mongo").path("command").toString()).contains("--replSet");
        assertThat(compose.service("command-service")
                        .path("environment")
                        .path("SMALLWINS_JWT_ISSUER")
                        .asString())
                .isEqualTo(WITH_ISSUER.get("SMALLWINS_JWT_ISSUER"));
        assertThat(compose.service("postgres")
                        .path("environment")
                        .path("POSTGRES_PASSWORD")
                        .asString())
                .isEqualTo("smallwins");
    }

    /** Each row breaks the real file in one way; every one must be refused, with the reason naming what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt service key            | '    healthcheck:\n      test: ["CMD-SHELL", "pg_isready' | '    healtcheck:\n      test: ["CMD-SHELL", "pg_isready' | healtcheck
            an unknown depends_on condition   | 'postgres:\n        condition: service_healthy'            | 'postgres:\n        condition: service_healty'            | depends_on
            a port that is not a port mapping | '- "8081:8081"'                                               | '- {published: [8081]}'                                   | ports
            an image that is not a name       | 'image: postgres:18'                                          | 'image: [postgres, 18]'                                   | /services/postgres/image
            a dependency on no service        | 'kafka:\n        condition: service_healthy\n    healthcheck:\n      test: ["CMD-SHELL", "bash' | 'kafak:\n        condition: service_healthy\n    healthcheck:\n      test: ["CMD-SHELL", "bash' | undefined service kafak
            an undeclared named volume        | '- mongo-data:/data/db'                                       | '- mongo-date:/data/db'                                   | undefined volume mongo-date
            a dependency cycle                | '    ports:\n      - "8081:8081"\n    depends_on:\n'        | '    ports:\n      - "8081:8081"\n    depends_on:\n      query-service:\n        condition: service_started\n' | dependency cycle
            """)
    void a_broken_compose_file_fails_validation(String what, String original, String broken, String reason)
            throws Exception {
        String file = composeFile();
        String from = original.replace("\\n", "\n");
        assertThat(file).as("the row must change the real file").contains(from);
        String changed = file.replaceFirst(
                java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(broken.replace("\\n", "\n")));

        List<String> problems = ComposeFile.parse(changed).resolve(WITH_ISSUER).problems();

        assertThat(problems)
                .as(what)
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains(reason));
    }

    @Test
    void variables_are_interpolated_as_the_compose_specification_says() {
        Map<String, String> env = Map.of("SET", "value", "EMPTY", "");
        List<String> missing = new ArrayList<>();
        assertThat(ComposeFile.interpolate("${SET} $SET ${UNSET} $$SET", env, missing))
                .isEqualTo("value value  $SET");
        assertThat(ComposeFile.interpolate("${EMPTY:-d} ${EMPTY-d} ${UNSET-d} ${SET:-d}", env, missing))
                .isEqualTo("d  d value");
        assertThat(ComposeFile.interpolate("${SET:+alt} ${EMPTY:+alt} ${EMPTY+alt}", env, missing))
                .isEqualTo("alt  alt");
        assertThat(missing).isEmpty();
        ComposeFile.interpolate(
                "${EMPTY?ok when empty} ${EMPTY:?must not be empty} ${UNSET?must be set}", env, missing);
        assertThat(missing)
                .containsExactly(
                        "required variable EMPTY is missing a value: must not be empty",
                        "required variable UNSET is missing a value: must be set");
    }

    private static Map<String, String> conditions(JsonNode service) {
        Map<String, String> conditions = new java.util.HashMap<>();
        service.path("depends_on")
                .properties()
                .forEach(e -> conditions.put(
                        e.getKey(), e.getValue().path("condition").asString()));
        return conditions;
    }
}
