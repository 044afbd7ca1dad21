package org.smallwins.apicontract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What the check every HTTP test runs lets through and what it stops, on a small document of its own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiContractTest {

    final OpenApiContract contract = OpenApiContract.of(fixture());

    static Path fixture() {
        try {
            return Path.of(OpenApiContractTest.class
                    .getResource("/fixture.openapi.json")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Exchange exchange(String method, String path, String requestBody, int status, String type, String body) {
        return new Exchange(
                method,
                path,
                Map.of(),
                requestBody == null ? Map.of() : Map.of("Content-Type", List.of("application/json")),
                requestBody,
                status,
                type == null ? Map.of() : Map.of("Content-Type", List.of(type)),
                body);
    }

    @Test
    void an_exchange_the_document_describes_passes() {
        assertThatCode(() -> contract.check(exchange(
                        "POST",
                        "/api/things",
                        "{\"name\":\"a\"}",
                        201,
                        "application/json",
                        "{\"id\":\"t1\",\"mood\":3}")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_status_the_operation_does_not_declare_fails() {
        assertThatThrownBy(() -> contract.check(exchange(
                        "GET", "/api/things/t1", null, 404, "application/problem+json", "{\"code\":\"not-found\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.response.status.unknown");
    }

    @Test
    void an_answer_outside_its_schema_fails_naming_the_member() {
        assertThatThrownBy(() -> contract.check(
                        exchange("GET", "/api/things/t1", null, 200, "application/json", "{\"id\":\"t1\",\"mood\":7}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/mood");
        assertThatThrownBy(() -> contract.check(exchange(
                        "GET", "/api/things/t1", null, 200, "application/json", "{\"id\":\"t1\",\"mood\":3,\"x\":1}")))
                .as("a member the document does not have")
                .hasMessageContaining("\"x\"");
    }

    @Test
    void an_accepted_request_the_document_refuses_fails() {
        assertThatThrownBy(() -> contract.check(exchange(
                        "POST",
                        "/api/things",
                        "{\"name\":\"a\",\"tag\":\"b\"}",
                        201,
                        "application/json",
                        "{\"id\":\"t1\",\"mood\":3}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.request.body.schema.additionalProperties");
    }

    @Test
    void a_refused_bad_request_is_held_only_to_its_answer() {
        assertThatCode(() -> contract.check(exchange(
                        "POST",
                        "/api/things",
                        "{\"tag\":\"b\"}",
                        400,
                        "application/problem+json",
                        "{\"code\":\"unknown-property\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(exchange(
                        "POST", "/api/things", "{\"tag\":\"b\"}", 400, "application/json", "{\"code\":\"x\"}")))
                .as("a problem in another media type than the document's")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void an_unknown_path_is_held_to_nothing_unless_it_succeeds() {
        assertThatCode(() -> contract.check(exchange(
                        "GET", "/api/nothing", null, 404, "application/problem+json", "{\"code\":\"not-found\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(exchange("GET", "/api/nothing", null, 200, "application/json", "{}")))
                .as("an endpoint the document does not have")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void paths_outside_the_api_are_not_checked() {
        assertThatCode(() -> contract.check(exchange("GET", "/v3/api-docs", null, 200, "application/json", "{}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check(exchange("GET", "/actuator/health", null, 200, "application/json", "{}")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_document_says_which_paths_it_describes() {
        org.assertj.core.api.Assertions.assertThat(contract.describes("/api/things/t-9"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(contract.describes("/api/things/t-9/more"))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(contract.describes("/api/timeline"))
                .isFalse();
    }
}
