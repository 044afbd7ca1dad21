package org.smallwins.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lint in the build, with recommendations: each committed document parses without a message and passes OpenAPI
 * Generator's own rule set ({@code OpenApiEvaluator}, the rules of its {@code validate --recommend}) with no error and
 * no warning. The plugin's {@code validate} goal (see the pom) checks errors only; this adds the recommendations.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractLintTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Everything the parser and the evaluator (recommendations on) report about a document; empty when clean. */
    static List<String> lint(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);
        List<String> findings = new ArrayList<>();
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(message -> findings.add("parser: " + message));
        }
        if (parsed.getOpenAPI() == null) {
            return findings;
        }
        JsonNode tree = JSON.readTree(document);
        refSiblings(tree, "", findings);
        domainTags(tree, findings);
        unusedComponents(document, tree, findings);
        RuleConfiguration rules = new RuleConfiguration();
        rules.setEnableRecommendations(true);
        ValidationResult result = new OpenApiEvaluator(rules).validate(parsed.getOpenAPI());
        for (Invalid error : result.getErrors()) {
            findings.add("error: " + error.getMessage() + " " + error.getDetails());
        }
        for (Invalid warning : result.getWarnings()) {
            findings.add("recommendation: " + warning.getMessage() + " " + warning.getDetails());
        }
        return findings;
    }

    /**
     * A {@code $ref} with sibling members: OpenAPI 3.0 ignores the siblings, so what they say is not what tools read
     * (Spectral's {@code no-$ref-siblings} error; OpenAPI Generator's rules do not look for it).
     */
    static void refSiblings(JsonNode node, String pointer, List<String> findings) {
        if (node.isObject()) {
            if (node.has("$ref") && node.size() > 1) {
                List<String> siblings = new ArrayList<>(node.propertyNames());
                siblings.remove("$ref");
                findings.add("error: $ref with sibling members " + siblings + " at " + pointer);
            }
            for (String name : node.propertyNames()) {
                refSiblings(
                        node.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), findings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refSiblings(node.get(i), pointer + "/" + i, findings);
            }
        }
    }

    /**
     * Every operation has exactly one tag, declared in the document's top-level {@code tags}: the generated client
     * makes one class per tag ({@code Journal} → {@code JournalApi}), so an undeclared tag is an operation nobody meant
     * to publish (a framework controller's {@code platform-error-controller} → {@code PlatformErrorControllerApi}).
     */
    static void domainTags(JsonNode document, List<String> findings) {
        List<String> declared = new ArrayList<>();
        document.path("tags").forEach(tag -> declared.add(tag.path("name").asString()));
        for (String path : document.path("paths").propertyNames()) {
            JsonNode item = document.path("paths").path(path);
            for (String method : item.propertyNames()) {
                JsonNode tags = item.path(method).path("tags");
                if (!item.path(method).has("responses")) {
                    continue; // parameters, summary, … of the path item
                }
                if (tags.size() != 1 || !declared.contains(tags.get(0).asString())) {
                    findings.add("error: " + method.toUpperCase(java.util.Locale.ROOT) + " " + path + " has tags "
                            + tags + "; it needs exactly one of the declared tags " + declared);
                }
            }
        }
    }

    /**
     * A shared response or header the document never refers to (Spectral's {@code oas3-unused-component}; the
     * evaluator checks only schemas): a read-only service has no use for 409 or 415.
     */
    static void unusedComponents(String document, JsonNode tree, List<String> findings) {
        for (String kind : List.of("responses", "headers")) {
            for (String name : tree.path("components").path(kind).propertyNames()) {
                if (!document.contains("\"#/components/" + kind + "/" + name + "\"")) {
                    findings.add("recommendation: unused component #/components/" + kind + "/" + name);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void the_committed_document_lints_clean_with_recommendations(String service) throws IOException {
        String document = Files.readString(PublishedContractsTest.DOCUMENTS.resolve(service + ".openapi.json"));

        assertThat(lint(document)).as("api/%s.openapi.json", service).isEmpty();
        assertThat(JSON.readTree(document).path("info").has("contact"))
                .as("api/%s.openapi.json names a contact (Spectral's info-contact)", service)
                .isTrue();
    }

    @Test
    void the_fixture_lints_clean_and_a_flawed_copy_does_not() {
        assertThat(lint(ContractGuardTest.BASE)).isEmpty();

        String flawed = ContractGuardTest.changed("1.0.0", d -> {
            // a schema nothing uses, and a request body on a GET
            ((ObjectNode) d.path("components").path("schemas"))
                    .putObject("Orphan")
                    .put("type", "object");
            ((ObjectNode) d.path("paths").path("/api/timeline").path("get"))
                    .set(
                            "requestBody",
                            d.path("paths")
                                    .path("/api/journal/wins")
                                    .path("post")
                                    .path("requestBody"));
            // an operation under a tag the document does not declare
            ((ArrayNode) d.path("paths").path("/api/timeline").path("get").path("tags"))
                    .removeAll()
                    .add("timeline-controller");
            // a $ref whose sibling every tool ignores
            ((ObjectNode) ContractGuardTest.properties(d, "LogWinRequest").path("focusArea"))
                    .put("description", "ignored next to $ref");
        });

        assertThat(lint(flawed))
                .anySatisfy(finding -> assertThat(finding).contains("Unused model: Orphan"))
                .anySatisfy(finding -> assertThat(finding).contains("GET getTimeline contains a request body"))
                .anySatisfy(finding ->
                        assertThat(finding).startsWith("error: GET /api/timeline has tags [\"timeline-controller\"]"))
                .anySatisfy(finding -> assertThat(finding)
                        .isEqualTo("error: $ref with sibling members [description] at "
                                + "/components/schemas/LogWinRequest/properties/focusArea"));
    }
}
