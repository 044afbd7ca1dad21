package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The production-like stack is described by docker-compose.yml. No Docker engine runs here, so the file is checked by
 * a compose parser (Debian's docker-compose, installed by .ci/run; in CI its absence is a failure, elsewhere a skip).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DockerComposeFileTest {

    @Test
    void the_compose_file_parses_and_orders_the_services_by_health() throws Exception {
        boolean parserPresent = Files.isExecutable(Path.of("/usr/bin/docker-compose"));
        if (System.getenv("CI") == null) {
            assumeTrue(parserPresent, "docker-compose (the parser) is not installed");
        }
        assertThat(parserPresent).as("docker-compose must be installed in CI (see .ci/run)").isTrue();

        Path output = Files.createTempFile("compose", ".yml");
        Process process = new ProcessBuilder("/usr/bin/docker-compose", "-f", "docker-compose.yml", "config")
                .directory(new File(".."))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String config = Files.readString(output, StandardCharsets.UTF_8);
        // The only required variable is the OIDC issuer; without it the file refuses to resolve.
        assertThat(process.exitValue()).as(config).isNotZero();
        assertThat(config).contains("SMALLWINS_JWT_ISSUER");

        ProcessBuilder withIssuer = new ProcessBuilder("/usr/bin/docker-compose", "-f", "docker-compose.yml", "config")
                .directory(new File(".."))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        withIssuer.environment().put("SMALLWINS_JWT_ISSUER", "https://id.example.org/realms/small-wins");
        Process resolved = withIssuer.start();
        assertThat(resolved.waitFor(60, TimeUnit.SECONDS)).isTrue();
        config = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(resolved.exitValue()).as(config).isZero();
        assertThat(config).contains("postgres:", "kafka:", "mongo:", "command-service:", "query-service:");
        assertThat(config).contains("condition: service_healthy", "healthcheck:", "replSet", "postgres-data:",
                "kafka-data:", "mongo-data:");
    }
}
