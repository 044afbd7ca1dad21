package org.smallwins.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.PostgresServer;

class EventStoreCeilingTest {

    private static PostgresServer postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start(null, 0);
        url = postgres.jdbcUrl();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void the_ceiling_appends_to_a_table_shaped_exactly_like_the_command_services_event_store() throws Exception {
        String schema = Files.readString(Path.of("../command-service/src/main/resources/schema.sql"));
        String axon = schema.substring(
                schema.indexOf("CREATE TABLE IF NOT EXISTS DomainEventEntry"), schema.indexOf(");") + 1);

        assertThat(normalised(Ceilings.EVENT_TABLE_DDL))
                .isEqualTo(normalised(axon.replace("DomainEventEntry", "bench_domain_event_entry")));
    }

    @Test
    void batched_appends_are_counted_row_for_row_with_gap_free_sequences_under_axons_unique_constraints()
            throws Exception {
        double perSecond = Ceilings.eventStoreAppendsPerSecond(
                url, postgres.user(), postgres.password(), 2, 100, 320, 140, 1, line -> {});

        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
                var s = c.createStatement()) {
            var rows = s.executeQuery("SELECT count(*), min(octet_length(payload)), max(octet_length(metaData)) "
                    + "FROM bench_domain_event_entry");
            rows.next();
            assertThat(perSecond).isPositive();
            assertThat(rows.getLong(1)).isEqualTo(Math.round(perSecond));
            assertThat(rows.getInt(2)).isEqualTo(320);
            assertThat(rows.getInt(3)).isEqualTo(140);
            var gaps = s.executeQuery("SELECT count(*) FROM (SELECT aggregateIdentifier, "
                    + "max(sequenceNumber) + 1 - count(*) AS gap FROM bench_domain_event_entry "
                    + "GROUP BY aggregateIdentifier) g WHERE gap <> 0 OR gap IS NULL");
            gaps.next();
            assertThat(gaps.getLong(1)).isZero();
            List<String> first = new ArrayList<>();
            var one = s.executeQuery("SELECT aggregateIdentifier, sequenceNumber, eventIdentifier "
                    + "FROM bench_domain_event_entry LIMIT 1");
            one.next();
            first.add(one.getString(1));
            first.add(Long.toString(one.getLong(2)));
            first.add(one.getString(3));
            assertThatThrownBy(() -> s.execute("INSERT INTO bench_domain_event_entry (aggregateIdentifier, "
                            + "sequenceNumber, eventIdentifier, payload, payloadType, timeStamp) VALUES ('"
                            + first.get(0) + "', " + first.get(1) + ", 'another-id', 'x', 't', 'now')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    private static String normalised(String ddl) {
        return ddl.replaceAll("\\s+", " ").trim();
    }
}
