package org.smallwins.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Servers that must be told their port before they bind it: when another process holds that port, they never share it
 * with that process. A port chosen for them is replaced by another free one; a port asked for by number is refused
 * with the port named.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortTakenMeanwhileTest {

    /** Another process's listener on 127.0.0.1, on a port that was free a moment ago. */
    static ServerSocket another() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }

    @Test
    void a_broker_whose_chosen_port_was_taken_meanwhile_starts_on_another_and_answers_there() throws Exception {
        try (ServerSocket taken = another()) {
            AtomicInteger calls = new AtomicInteger();
            // the first port handed out is the taken one, as if another process had bound it after it was chosen
            try (KafkaServer kafka = KafkaServer.start(
                    null, 0, () -> calls.getAndIncrement() == 0 ? taken.getLocalPort() : FreePort.next())) {
                assertThat(calls.get()).isGreaterThanOrEqualTo(4);
                assertThat(kafka.bootstrapServers()).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
                try (Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                    assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void a_broker_asked_for_a_taken_port_says_so() throws Exception {
        try (ServerSocket taken = another()) {
            assertThatThrownBy(() -> KafkaServer.start(null, taken.getLocalPort()))
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void postgresql_asked_for_a_taken_port_says_so_and_never_answers_for_the_other_process() throws Exception {
        try (ServerSocket taken = another()) {
            assertThatThrownBy(() -> PostgresServer.start(null, taken.getLocalPort()))
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void postgresql_answers_on_the_port_it_reports_as_the_server_it_started() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(null, 0);
                var connection =
                        java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                var result = connection.createStatement().executeQuery("select inet_server_port()")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(postgres.port());
            assertThat(postgres.jdbcUrl()).contains("127.0.0.1:" + postgres.port());
            assertThat(FreePort.isFree("127.0.0.1", postgres.port())).isFalse();
        }
    }
}
