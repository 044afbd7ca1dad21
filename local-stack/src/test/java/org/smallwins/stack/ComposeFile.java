package org.smallwins.stack;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A Compose file checked the way {@code docker compose config} checks it, in Java: parsed as YAML, its variables
 * interpolated as the Compose specification says ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}},
 * {@code $$}), the result validated against the specification's JSON Schema (vendored under
 * {@code src/test/resources/compose-spec/}), and the references the schema cannot see checked: every service a
 * service depends on exists (and has a health check when it is waited for healthy), there is no dependency cycle,
 * and every named volume is declared.
 */
final class ComposeFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Schema SCHEMA = loadSchema();
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, ${NAME:+other}, ${NAME+other}, $NAME, $$. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    /** The file as written, before interpolation. */
    private final JsonNode raw;

    private ComposeFile(JsonNode raw) {
        this.raw = raw;
    }

    static ComposeFile parse(String yaml) {
        return new ComposeFile(YAML.readTree(yaml));
    }

    /** The file with every variable replaced from {@code environment}; a required variable that is unset is an error. */
    Resolved resolve(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        JsonNode resolved = interpolate(raw, environment, missing);
        return new Resolved(resolved, missing);
    }

    /** Variables the file requires ({@code ${NAME:?…}} or {@code ${NAME?…}}), in order of first use. */
    Set<String> requiredVariables() {
        Set<String> required = new LinkedHashSet<>();
        collectStrings(raw, text -> {
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                if (m.group(3) != null && m.group(3).endsWith("?")) {
                    required.add(m.group(2));
                }
            }
        });
        return required;
    }

    /** The file after interpolation, and the messages of the required variables that were missing. */
    record Resolved(JsonNode model, List<String> missingVariables) {

        /** Everything wrong with the resolved file: missing variables, schema violations, broken references. */
        List<String> problems() {
            List<String> problems = new ArrayList<>(missingVariables);
            if (!missingVariables.isEmpty()) {
                return problems;
            }
            for (Error error : SCHEMA.validate(model)) {
                problems.add("schema: " + error);
            }
            problems.addAll(referenceProblems(model));
            return problems;
        }

        JsonNode service(String name) {
            return model.path("services").path(name);
        }
    }

    private static Schema loadSchema() {
        try (InputStream in = ComposeFile.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec/compose-spec.json is missing from the test resources");
            }
            ObjectNode schema = (ObjectNode) new tools.jackson.databind.json.JsonMapper().readTree(in);
            // The file names its draft by an https address the validator does not know as a meta-schema; the draft is
            // given here instead, so nothing is looked up on the network. Its $id is relative: it is resolved against
            // the file's address in the specification's repository (every $ref in it is internal).
            schema.remove("$schema");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(
                            SchemaLocation.of(
                                    "https://github.com/compose-spec/compose-spec/raw/main/schema/compose-spec.json"),
                            schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode interpolate(JsonNode node, Map<String, String> env, List<String> missing) {
        if (node.isString()) {
            return StringNode.valueOf(interpolate(node.asString(), env, missing));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), interpolate(field.getValue(), env, missing));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(interpolate(item, env, missing)));
            return copy;
        }
        return node;
    }

    static String interpolate(String text, Map<String, String> env, List<String> missing) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "$";
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(5);
                String operator = m.group(3);
                String argument = m.group(4) == null ? "" : m.group(4);
                String value = env.get(name);
                boolean unsetOrEmpty = value == null || value.isEmpty();
                boolean missingValue = operator != null && operator.startsWith(":") ? unsetOrEmpty : value == null;
                if (operator == null) {
                    replacement = value == null ? "" : value;
                } else if (operator.endsWith("-")) {
                    replacement = missingValue ? argument : value;
                } else if (operator.endsWith("?")) {
                    if (missingValue) {
                        missing.add("required variable " + name + " is missing a value: " + argument);
                    }
                    replacement = missingValue ? "" : value;
                } else {
                    replacement = missingValue ? "" : argument;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collectStrings(JsonNode node, java.util.function.Consumer<String> sink) {
        if (node.isString()) {
            sink.accept(node.asString());
        }
        node.forEach(child -> collectStrings(child, sink));
    }

    /** What {@code docker compose config} refuses beyond the schema: references to services and volumes. */
    private static List<String> referenceProblems(JsonNode model) {
        List<String> problems = new ArrayList<>();
        JsonNode services = model.path("services");
        Set<String> declaredVolumes = new TreeSet<>();
        model.path("volumes").propertyNames().forEach(declaredVolumes::add);
        Map<String, List<String>> dependencies = new HashMap<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            String name = service.getKey();
            JsonNode dependsOn = service.getValue().path("depends_on");
            List<String> targets = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(target -> targets.add(target.asString()));
            } else {
                for (Map.Entry<String, JsonNode> target : dependsOn.properties()) {
                    targets.add(target.getKey());
                    if ("service_healthy"
                                    .equals(target.getValue().path("condition").asString())
                            && services.has(target.getKey())
                            && !services.path(target.getKey()).has("healthcheck")) {
                        problems.add("service " + name + " waits for " + target.getKey() + " to be healthy, but "
                                + target.getKey() + " has no healthcheck");
                    }
                }
            }
            for (String target : targets) {
                if (!services.has(target)) {
                    problems.add("service " + name + " depends on undefined service " + target);
                }
            }
            dependencies.put(name, targets);
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.isString()
                        ? volume.asString().split(":", 2)[0]
                        : volume.path("source").asString();
                boolean named = !source.isEmpty()
                        && !source.startsWith(".")
                        && !source.startsWith("/")
                        && !source.startsWith("~")
                        && (volume.isString()
                                ? volume.asString().contains(":")
                                : "volume".equals(volume.path("type").asString()));
                if (named && !declaredVolumes.contains(source)) {
                    problems.add("service " + name + " refers to undefined volume " + source);
                }
            }
        }
        for (String service : dependencies.keySet()) {
            if (reaches(service, service, dependencies, new LinkedHashSet<>())) {
                problems.add("dependency cycle through service " + service);
            }
        }
        return problems;
    }

    private static boolean reaches(
            String from, String target, Map<String, List<String>> dependencies, Set<String> visited) {
        for (String next : dependencies.getOrDefault(from, List.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (visited.add(next) && reaches(next, target, dependencies, visited)) {
                return true;
            }
        }
        return false;
    }
}
