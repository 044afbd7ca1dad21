package org.smallwins.command.relay;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The one relay from the event store to Kafka. It runs in a tracking event processor whose position is stored in
 * PostgreSQL beside the events, so commands never wait for Kafka. A failed send propagates (see
 * {@link RelayConfiguration}): the processor keeps its position, backs off and sends again, so every event reaches the
 * topic at least once and each user's events in order.
 */
@Component
@ProcessingGroup(RelayConfiguration.PROCESSING_GROUP)
class KafkaRelay {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JournalEventCodec codec = new JournalEventCodec();
    private final long sendTimeoutMillis;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, @Value("${smallwins.relay.send-timeout:10s}") java.time.Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeoutMillis = sendTimeout.toMillis();
    }

    @EventHandler
    void relay(JournalEvent payload, DomainEventMessage<?> message)
            throws InterruptedException, ExecutionException, TimeoutException {
        EventEnvelope envelope = EnvelopeMapper.toEnvelope(message);
        kafka.send(JournalTopic.NAME, envelope.userId(), codec.encode(envelope))
                .get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
    }
}
