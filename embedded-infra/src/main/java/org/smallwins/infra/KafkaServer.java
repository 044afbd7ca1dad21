package org.smallwins.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, one node) running in this JVM, on a port the test kit chooses (it ignores requested
 * ports), with its log in a temporary directory.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    public static KafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
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
