package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.MongoStandIn;

/** The development issuer exists only in the local run mode: the services neither contain nor trust it by default. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DevelopmentIssuerTest {

    static final Path SERVICES = Path.of("target", "services");

    @Test
    void neither_service_ships_the_development_issuer() throws Exception {
        for (String jar : List.of("command-service-exec.jar", "query-service-exec.jar")) {
            try (JarFile file = new JarFile(SERVICES.resolve(jar).toFile())) {
                assertThat(file.stream().map(java.util.zip.ZipEntry::getName))
                        .as(jar)
                        .noneMatch(name -> name.contains("DevTokens")
                                || name.contains("TokenEndpoint")
                                || name.contains("embedded-infra"));
            }
        }
    }

    @Test
    void with_the_default_configuration_a_service_trusts_no_issuer_and_refuses_to_start() throws Exception {
        // Real addresses for everything else, so the only thing left at its default is token configuration.
        try (MongoStandIn mongo = MongoStandIn.start(0);
                KafkaServer kafka = KafkaServer.start()) {
            assertRefusesToStart(mongo.connectionString() + "/smallwins", kafka.bootstrapServers());
        }
    }

    private static void assertRefusesToStart(String mongoUri, String kafkaBootstrap) throws Exception {
        Path log = Files.createTempFile("query-service-default", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        SERVICES.resolve("query-service-exec.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SMALLWINS_"));
        env.put("SMALLWINS_QUERY_PORT", "0");
        env.put("SMALLWINS_MONGODB_URI", mongoUri);
        env.put("SMALLWINS_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("SMALLWINS_KEY_ACCESS_TOKEN", "a-key-access-token");
        env.put("SMALLWINS_ANALYTICS_PSEUDONYM_SECRET", "a-random-pseudonym-secret-of-32-characters");
        Process process = builder.start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("SMALLWINS_JWT_ISSUER (spring.security.oauth2.resourceserver.jwt.issuer-uri) must be set");
    }
}
