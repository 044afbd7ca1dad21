package org.smallwins.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallwins.contract.JournalTopic;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Records the {@code ErrorHandlingDeserializer} could not read, and sealed ones that do not open, go, with their original bytes, to
 * {@value JournalTopic#DEAD_LETTERS} through Spring Kafka's {@link DeadLetterPublishingRecoverer}: with the reason in
 * {@value JournalTopic#REASON_HEADER}, the origin in {@code smallwins-source} (besides Spring's own
 * {@code kafka_dlt-original-*} headers), counted in {@code smallwins.projection.events.rejected} by kind of reason.
 * Sending waits for the broker's acknowledgement and throws if it fails, so the batch is retried.
 */
class DeadLetters {

    static final String SOURCE_HEADER = "smallwins-source";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final MeterRegistry meters;

    DeadLetters(KafkaOperations<?, ?> template, MeterRegistry meters) {
        this.meters = meters;
        // partition -1: the producer chooses (the dead-letter topic has its own partition count)
        this.recoverer = new DeadLetterPublishingRecoverer(
                template, (record, exception) -> new TopicPartition(JournalTopic.DEAD_LETTERS, -1));
        this.recoverer.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(JournalTopic.REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            headers.add(
                    SOURCE_HEADER,
                    (record.topic() + "-" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
            return headers;
        });
    }

    /** True if this record could not be read (its value is null and the deserializer left its exception). */
    static boolean unreadable(ConsumerRecord<?, ?> record) {
        return record.value() == null;
    }

    void send(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        Exception exception = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (exception == null) {
            exception = new JournalEventDeserializer.Unreadable("empty");
        }
        send(record, exception, consumer);
    }

    private void send(ConsumerRecord<?, ?> record, Exception exception, Consumer<?, ?> consumer) {
        String reason = reason(exception);
        String kind = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        log.warn(
                "Record {}-{}@{} rejected ({}); sent to {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                JournalTopic.DEAD_LETTERS);
        recoverer.accept(record, consumer, exception);
        meters.counter("smallwins.projection.events.rejected", "reason", kind).increment();
    }

    /**
     * Sends on a record that was read but will never project (a sealed payload that does not open, see
     * {@link SealedPayloads}), with its bytes as they came and {@code reason}; as {@link #send(ConsumerRecord,
     * Consumer)} otherwise.
     */
    void send(ConsumerRecord<?, ?> record, byte[] bytes, String reason, Consumer<?, ?> consumer) {
        ConsumerRecord<Object, byte[]> asItCame = new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                bytes.length,
                record.key(),
                bytes,
                record.headers(),
                record.leaderEpoch());
        send(asItCame, new JournalEventDeserializer.Unreadable(reason), consumer);
    }

    /** The codec's reason: the message of the deserializer's exception (never journal content). */
    static String reason(Exception exception) {
        JournalEventDeserializer.Unreadable unreadable =
                ExceptionUtils.throwableOfType(exception, JournalEventDeserializer.Unreadable.class);
        return unreadable == null ? "unreadable" : unreadable.getMessage();
    }
}
