package org.smallwins.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, one node) running in this JVM. */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** @param port 0 for any free port */
    public static KafkaServer start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.brokerProperty("log.retention.ms", "-1");
        broker.afterPropertiesSet();
        return new KafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
