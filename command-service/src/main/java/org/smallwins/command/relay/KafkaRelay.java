package org.smallwins.command.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.smallwins.command.eventstore.SealedPayload;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.JournalTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The one relay from the event store to Kafka. It runs in a tracking event processor whose position is stored in
 * PostgreSQL beside the events, so commands never wait for Kafka. The events of one processor batch are sent without
 * waiting for each other (the idempotent producer keeps each partition in order) and the batch waits for every send
 * before its position is stored. A failed send propagates (see {@link RelayConfiguration}): the processor keeps its
 * position, backs off and sends the batch again, so every event reaches the topic at least once and each user's
 * events in order.
 */
@Component
@ProcessingGroup(RelayConfiguration.PROCESSING_GROUP)
class KafkaRelay {

    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final JournalEventCodec codec = new JournalEventCodec();
    private final long sendTimeoutMillis;

    KafkaRelay(
            KafkaTemplate<String, byte[]> kafka,
            @Value("${smallwins.relay.send-timeout:10s}") java.time.Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeoutMillis = sendTimeout.toMillis();
    }

    /** A sealed event: its stored ciphertext goes on the topic as it is; the relay holds no keys. */
    @EventHandler
    void relay(SealedPayload payload, DomainEventMessage<?> message)
            throws InterruptedException, ExecutionException, TimeoutException {
        send(message.getAggregateIdentifier(), codec.encode(EnvelopeMapper.toSealedEnvelope(message, payload)));
    }

    /** An event stored before payloads were sealed (older data directories) goes on as it was stored. */
    @EventHandler
    void relay(JournalEvent payload, DomainEventMessage<?> message)
            throws InterruptedException, ExecutionException, TimeoutException {
        EventEnvelope envelope = EnvelopeMapper.toEnvelope(message);
        send(envelope.userId(), codec.encode(envelope));
    }

    private void send(String userId, byte[] record) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<SendResult<String, byte[]>> sent = kafka.send(JournalTopic.NAME, userId, record);
        if (!CurrentUnitOfWork.isStarted()) {
            sent.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            return;
        }
        pendingSends(CurrentUnitOfWork.get().root()).add(sent);
    }

    /** The batch's sends, awaited once before the batch (and with it the processor's position) commits. */
    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
        try {
            for (CompletableFuture<?> send : pending) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("relay send failed; the batch is sent again", e);
        }
    }
}
