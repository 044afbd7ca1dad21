package org.smallwins.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smallwins.client.contract.ContractGuard.Published;
import org.smallwins.client.contract.ContractGuard.Verdict;
import org.smallwins.client.contract.ContractGuard.Version;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guard on a small fixture document (a win can be logged, a timeline read): every kind of change that breaks a
 * generated client is refused unless the major is raised, and every additive change passes.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractGuardTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BASE = fixture("journal-1.0.0.json");
    static final List<Published> PUBLISHED = List.of(new Published(Version.parse("1.0.0"), BASE));

    static String fixture(String name) {
        try (InputStream in = ContractGuardTest.class.getResourceAsStream("/contract-guard/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture as published, changed by {@code change}, declaring {@code version}. */
    static String changed(String version, Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) JSON.readTree(BASE);
        ((ObjectNode) document.path("info")).put("version", version);
        change.accept(document);
        return JSON.writeValueAsString(document);
    }

    static ObjectNode schema(ObjectNode document, String name) {
        return (ObjectNode) document.path("components").path("schemas").path(name);
    }

    static ObjectNode properties(ObjectNode document, String schema) {
        return (ObjectNode) schema(document, schema).path("properties");
    }

    static Arguments change(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change);
    }

    static List<Arguments> breaking_changes() {
        return List.of(
                change("a removed operation", d -> ((ObjectNode) d.path("paths")).remove("/api/timeline")),
                change(
                        "a removed response member",
                        d -> properties(d, "TimelineEntry").remove("text")),
                change(
                        "a required response member made optional",
                        d -> ((ArrayNode) schema(d, "EntryReceipt").path("required")).remove(1)),
                change(
                        "a narrowed request type (shorter text)",
                        d -> ((ObjectNode) properties(d, "LogWinRequest").path("text")).put("maxLength", 200)),
                change(
                        "a narrowed parameter range",
                        d -> ((ObjectNode) d.path("paths")
                                        .path("/api/timeline")
                                        .path("get")
                                        .path("parameters")
                                        .get(0)
                                        .path("schema"))
                                .put("maximum", 50)),
                change(
                        "a changed member type",
                        d -> ((ObjectNode) properties(d, "EntryReceipt").path("sequence"))
                                .put("type", "string")
                                .remove("format")),
                change("a new required request member", d -> {
                    properties(d, "LogWinRequest").putObject("zone").put("type", "string");
                    ((ArrayNode) schema(d, "LogWinRequest").path("required")).add("zone");
                }),
                change(
                        "a removed enum value",
                        d -> ((ArrayNode) schema(d, "FocusArea").path("enum")).remove(1)),
                change("a removed response status", d -> {
                    ObjectNode responses = (ObjectNode) d.path("paths")
                            .path("/api/journal/wins")
                            .path("post")
                            .path("responses");
                    responses.set("200", responses.remove("201"));
                }));
    }

    static List<Arguments> additive_changes() {
        return List.of(
                change(
                        "a new optional request member",
                        d -> properties(d, "LogWinRequest")
                                .putObject("tags")
                                .put("type", "array")
                                .putObject("items")
                                .put("type", "string")),
                change(
                        "a new response member",
                        d -> properties(d, "TimelineEntry").putObject("version").put("type", "integer")),
                change(
                        "a new operation",
                        d -> ((ObjectNode) d.path("paths"))
                                .putObject("/api/changes")
                                .set("get", JSON.readTree("""
                                        {"operationId":"getChanges","tags":["Changes"],
                                         "responses":{"200":{"description":"changes","content":{"application/json":
                                         {"schema":{"type":"object","properties":{"hasMore":{"type":"boolean"}}}}}}}}"""))),
                change(
                        "a new enum value",
                        d -> ((ArrayNode) schema(d, "FocusArea").path("enum")).add("CONNECTION")),
                change(
                        "a widened request range (longer text)",
                        d -> ((ObjectNode) properties(d, "LogWinRequest").path("text")).put("maxLength", 1000)),
                change(
                        "a request member made optional",
                        d -> ((ArrayNode) schema(d, "LogWinRequest").path("required")).remove(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaking_changes")
    void a_breaking_change_under_the_same_major_fails_the_build(String what, Consumer<ObjectNode> change) {
        Verdict verdict = ContractGuard.check(changed("1.1.0", change), PUBLISHED);

        assertThat(verdict.passes()).as(what).isFalse();
        assertThat(verdict.refusals()).singleElement().asString().contains("breaks clients of the published 1.0.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaking_changes")
    void a_breaking_change_passes_once_the_major_is_raised(String what, Consumer<ObjectNode> change) {
        assertThat(ContractGuard.check(changed("2.0.0", change), PUBLISHED).refusals())
                .as(what)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additive_changes")
    void an_additive_change_passes_without_a_new_major(String what, Consumer<ObjectNode> change) {
        assertThat(ContractGuard.check(changed("1.1.0", change), PUBLISHED).refusals())
                .as(what)
                .isEmpty();
    }

    @Test
    void the_published_document_itself_passes() {
        assertThat(ContractGuard.check(BASE, PUBLISHED).passes()).isTrue();
    }

    @Test
    void every_published_version_of_the_major_is_a_baseline_not_only_the_newest() {
        // 1.1.0 was published with a longer text limit; 1.2.0 goes back to 500: fine for 1.0.0's clients, a narrowed
        // request for 1.1.0's.
        String widened = changed(
                "1.1.0", d -> ((ObjectNode) properties(d, "LogWinRequest").path("text")).put("maxLength", 1000));
        List<Published> both = List.of(PUBLISHED.get(0), new Published(Version.parse("1.1.0"), widened));

        Verdict verdict = ContractGuard.check(changed("1.2.0", d -> {}), both);

        assertThat(verdict.refusals()).singleElement().asString().contains("breaks clients of the published 1.1.0");
    }

    @Test
    void a_version_below_a_published_one_is_refused() {
        Verdict verdict = ContractGuard.check(changed("0.9.0", d -> {}), PUBLISHED);

        assertThat(verdict.refusals()).singleElement().asString().contains("below the published 1.0.0");
    }

    @Test
    void a_version_that_is_not_semantic_is_refused_with_what_to_write() {
        assertThatThrownBy(() -> ContractGuard.check(changed("v1", d -> {}), PUBLISHED))
                .hasMessageContaining("MAJOR.MINOR.PATCH")
                .hasMessageContaining("'v1'");
    }
}
