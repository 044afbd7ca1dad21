package org.smallwins.command.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** command-service over real HTTP on real PostgreSQL and Kafka; subclasses share one application context. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "smallwins.http.writes-per-minute=60",
            "smallwins.http.write-burst=20",
            "smallwins.http.cors-allowed-origins=https://app.smallwins.example",
            // small chunks, so that PortabilityOverHttpTest imports in several
            "smallwins.import.chunk-size=500"
        })
abstract class CommandServiceHttpTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CommandServiceStack.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
