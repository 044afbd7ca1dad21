package org.smallwins.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The relay's backlog: how many positions of the event store it has not yet sent to Kafka (head of the store minus
 * the relay's position). Grows while Kafka is unreachable, falls back to zero once it is back.
 */
@Component
class RelayMetrics {

    RelayMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        Gauge.builder("smallwins.relay.backlog.events", () -> backlog(processing, eventStore))
                .description("Event store positions not yet relayed to Kafka")
                .register(meters);
    }

    static double backlog(EventProcessingConfiguration processing, EventStore eventStore) {
        var relay = processing.eventProcessor(RelayConfiguration.PROCESSING_GROUP, StreamingEventProcessor.class);
        if (relay.isEmpty()) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        long relayed = relay.get().processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
        return Math.max(0, headPosition - relayed);
    }
}
