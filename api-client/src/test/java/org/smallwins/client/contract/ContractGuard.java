package org.smallwins.client.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract-diff guard: a committed OpenAPI document may change in any way that keeps every client generated from a
 * published version of the same major working; anything else (a removed operation, parameter or response member, a
 * narrowed type or range, a new required request member, a removed request enum value, …, as openapi-diff judges it)
 * needs a higher major in {@code info.version}. A version never goes below a published one.
 *
 * <p>Baseline: every published version of the document's major ({@code api/published/<service>-<version>.json}), not
 * only the newest: a client generated from 1.0.0 must keep working against 1.7.0, and compatibility judged step by step
 * is not always transitive (a member made optional in one step and removed in the next). A new major has no baseline
 * of its own major: it may break, and is then the baseline of what follows it.
 *
 * <p>One deliberate relaxation of openapi-diff's defaults: a new enum value in a response is compatible, because the
 * generated clients are built with {@code enumUnknownDefaultCase} (an unknown value arrives as
 * {@code UNKNOWN_DEFAULT_OPEN_API}, never as an error), and the enums here only grow (a new focus area, a new stage).
 */
public final class ContractGuard {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty("incompatible.response.enum.increased", "false")
            .build();

    private ContractGuard() {}

    /** A semantic version {@code MAJOR.MINOR.PATCH}, ordered. */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {

        private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
                .thenComparingInt(Version::minor)
                .thenComparingInt(Version::patch);

        public static Version parse(String text) {
            Matcher m = VERSION.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "info.version must be a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0; it is '" + text + "'");
            }
            return new Version(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }

        @Override
        public int compareTo(Version other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** A published document: what clients in the field were generated from. */
    public record Published(Version version, String document) {}

    /** What the guard found: the refusals fail the build; an empty list passes. */
    public record Verdict(Version version, List<String> refusals) {
        public boolean passes() {
            return refusals.isEmpty();
        }
    }

    /** The version a document declares ({@code info.version}). */
    public static Version versionOf(String document) {
        JsonNode info = JSON.readTree(document).path("info");
        return Version.parse(info.path("version").asString(null));
    }

    /** Judges {@code current} against every published version. */
    public static Verdict check(String current, List<Published> published) {
        Version version = versionOf(current);
        List<String> refusals = new ArrayList<>();
        for (Published old : published) {
            if (version.compareTo(old.version()) < 0) {
                refusals.add("info.version " + version + " is below the published " + old.version()
                        + ": a version never goes back");
            } else if (version.major() == old.version().major()) {
                ChangedOpenApi diff = OpenApiCompare.fromContents(old.document(), current, null, OPTIONS);
                List<String> removed = removedResponseMembers(diff);
                if (diff.isIncompatible() || !removed.isEmpty()) {
                    refusals.add("breaks clients of the published " + old.version() + " (raise the major of "
                            + "info.version, now " + version + ", to publish a breaking change):\n"
                            + (removed.isEmpty() ? "" : "response members removed: " + removed + "\n")
                            + render(diff));
                }
            }
        }
        return new Verdict(version, refusals);
    }

    /** The published versions of a service, read from {@code <service>-<version>.json} in {@code folder}. */
    public static List<Published> published(Path folder, String service) {
        Pattern name = Pattern.compile(Pattern.quote(service) + "-(\\d+\\.\\d+\\.\\d+)\\.json");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Published> found = new ArrayList<>();
            for (Path file : files.toList()) {
                Matcher m = name.matcher(file.getFileName().toString());
                if (m.matches()) {
                    found.add(new Published(Version.parse(m.group(1)), Files.readString(file)));
                }
            }
            found.sort(Comparator.comparing(Published::version));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Response members that are gone. openapi-diff counts only a removed <em>required</em> response member as breaking;
     * an optional one a client reads is just as gone for it (its code compiles and silently gets nothing), so the
     * guard refuses that too.
     */
    static List<String> removedResponseMembers(ChangedOpenApi diff) {
        List<String> removed = new ArrayList<>();
        collectRemoved(diff, removed, Collections.newSetFromMap(new IdentityHashMap<>()));
        return removed.stream().distinct().sorted().toList();
    }

    private static void collectRemoved(Changed changed, List<String> removed, Set<Changed> seen) {
        if (changed == null || !seen.add(changed)) {
            return;
        }
        if (changed instanceof ChangedSchema schema
                && schema.getContext() != null
                && schema.getContext().isResponse()) {
            removed.addAll(schema.getMissingProperties().keySet());
        }
        if (changed instanceof ComposedChanged composed) {
            composed.getChangedElements().forEach(element -> collectRemoved(element, removed, seen));
        }
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // MarkdownRender closes (and so flushes) the writer it is given.
        new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
