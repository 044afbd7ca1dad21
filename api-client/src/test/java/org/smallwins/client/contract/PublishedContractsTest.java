package org.smallwins.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallwins.client.contract.ContractGuard.Published;
import org.smallwins.client.contract.ContractGuard.Verdict;
import org.smallwins.client.contract.ContractGuard.Version;

/**
 * The guard on the real documents: each committed {@code api/<service>.openapi.json} against every published
 * {@code api/published/<service>-<version>.json}. Publishing a version (a release) is
 * {@code ./mvnw -B -pl api-client test -Dtest=PublishedContractsTest -Dsmallwins.api.publish=true}: it copies a
 * document whose version is not published yet into {@code api/published/}; a published file is never rewritten.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishedContractsTest {

    static final Path DOCUMENTS = Path.of(System.getProperty("smallwins.api.documents", "../api"));
    static final Path PUBLISHED = DOCUMENTS.resolve("published");

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void the_committed_document_keeps_every_published_client_of_its_major_working(String service) throws IOException {
        String current = Files.readString(DOCUMENTS.resolve(service + ".openapi.json"));
        Version version = ContractGuard.versionOf(current);
        List<Published> published = ContractGuard.published(PUBLISHED, service);

        Verdict verdict = ContractGuard.check(current, published);

        if (verdict.passes() && Boolean.getBoolean("smallwins.api.publish")) {
            published = publish(service, version, current);
        }
        assertThat(published)
                .as("%s has a published version in %s (publish with -Dsmallwins.api.publish=true)", service, PUBLISHED)
                .isNotEmpty();
        assertThat(verdict.refusals())
                .as("api/%s.openapi.json (info.version %s) against %s", service, version, PUBLISHED)
                .isEmpty();
    }

    /** Writes the document as published, unless that version is published already; answers what is published. */
    static List<Published> publish(String service, Version version, String document) throws IOException {
        Path target = PUBLISHED.resolve(service + "-" + version + ".json");
        if (!Files.exists(target)) {
            Files.createDirectories(PUBLISHED);
            Files.writeString(target, document);
        }
        return ContractGuard.published(PUBLISHED, service);
    }
}
