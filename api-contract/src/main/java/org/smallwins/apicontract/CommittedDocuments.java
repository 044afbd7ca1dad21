package org.smallwins.apicontract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the committed OpenAPI documents live: {@code api/<service>.openapi.json} at the repository root, found from
 * the working directory of the test (a module's directory) upwards. The system property
 * {@value #DIRECTORY_PROPERTY} names another directory.
 */
public final class CommittedDocuments {

    public static final String DIRECTORY_PROPERTY = "smallwins.api.documents";

    /** Set to true to rewrite the committed documents from what the services serve, instead of failing on a difference. */
    public static final String REWRITE_PROPERTY = "smallwins.api.rewrite";

    private CommittedDocuments() {}

    public static Path path(String service) {
        return directory().resolve(service + ".openapi.json");
    }

    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("api")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("api");
            }
        }
        throw new IllegalStateException("no api/ directory with the committed OpenAPI documents above "
                + Path.of("").toAbsolutePath() + "; set -D" + DIRECTORY_PROPERTY);
    }

    public static boolean rewrite() {
        return Boolean.getBoolean(REWRITE_PROPERTY);
    }

    /**
     * Fails unless the document a running service serves is the committed one (compared as JSON: member order and
     * layout aside). With {@code -D}{@value #REWRITE_PROPERTY}{@code =true} it writes the served document instead.
     */
    public static void assertServedIsCommitted(String service, String testClass, String served) {
        Path committed = path(service);
        JsonNode servedTree = read(served);
        if (rewrite()) {
            try {
                Files.writeString(committed, JSON.writeValueAsString(servedTree) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String instruction = "The served document of " + service + " is not the committed " + committed
                + ". If the change is meant, rewrite it and commit it: ./mvnw -B -q -pl " + service
                + " -am verify -Dtest=" + testClass + " -Dsurefire.failIfNoSpecifiedTests=false -D"
                + REWRITE_PROPERTY + "=true";
        if (!Files.isRegularFile(committed)) {
            throw new AssertionError(instruction + "\n  (no committed document yet)");
        }
        JsonNode committedTree;
        try {
            committedTree = read(Files.readString(committed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differences = new ArrayList<>();
        diff("", committedTree, servedTree, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError(instruction + "\n"
                    + differences.stream().limit(20).map(d -> "  " + d).collect(Collectors.joining("\n"))
                    + (differences.size() > 20 ? "\n  … " + (differences.size() - 20) + " more" : ""));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where two documents differ, as JSON pointers: what the committed one has and the served one has not, and so on. */
    static void diff(String at, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!served.has(name)) {
                    differences.add("only committed: " + pointer);
                } else if (!committed.has(name)) {
                    differences.add("only served:    " + pointer);
                } else {
                    diff(pointer, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                diff(at + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else {
            differences.add("differs:        " + (at.isEmpty() ? "/" : at) + " committed " + abbreviate(committed)
                    + ", served " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
