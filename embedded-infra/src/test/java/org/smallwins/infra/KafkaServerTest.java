package org.smallwins.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaServerTest {

    @Test
    void the_broker_accepts_clients_at_its_bootstrap_address() throws Exception {
        try (KafkaServer kafka = KafkaServer.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("reachable", 1, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("reachable");
        }
    }
}
