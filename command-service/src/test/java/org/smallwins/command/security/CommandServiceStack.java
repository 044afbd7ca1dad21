package org.smallwins.command.security;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smallwins.command.TestKeys;
import org.smallwins.infra.DevTokens;
import org.smallwins.infra.KafkaServer;
import org.smallwins.infra.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Real PostgreSQL and Kafka for command-service tests, started once per JVM. */
final class CommandServiceStack {

    static final PostgresServer POSTGRES;
    static final KafkaServer KAFKA;
    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final Path PUBLIC_KEY;

    static {
        try {
            POSTGRES = PostgresServer.start(null, 0);
            KAFKA = KafkaServer.start();
            PUBLIC_KEY =
                    TOKENS.writePublicKey(Files.createTempDirectory("issuer").resolve("public.pem"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    KAFKA.close();
                    POSTGRES.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CommandServiceStack() {}

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::user);
        registry.add("spring.datasource.password", POSTGRES::password);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", TOKENS::audience);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PUBLIC_KEY);
        TestKeys.register(registry);
    }
}
