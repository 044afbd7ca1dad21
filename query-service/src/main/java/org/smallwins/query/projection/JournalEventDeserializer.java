package org.smallwins.query.projection;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.smallwins.contract.DecodeResult;
import org.smallwins.contract.JournalEventCodec;

/**
 * Reads a journal topic record with {@link JournalEventCodec}, without IO: a readable event, or a sealed one whose
 * payload is opened later, a batch at a time ({@link SealedPayloads}). Used as the delegate of Spring Kafka's
 * {@code ErrorHandlingDeserializer} (see application.yml): a record that cannot be read throws {@link Unreadable},
 * whose message is the codec's reason (never journal content); the error-handling deserializer turns it into a null
 * value with the exception in a header, and {@link DeadLetters} sends the original bytes on.
 */
public class JournalEventDeserializer implements Deserializer<ReceivedEvent> {

    private final JournalEventCodec codec = new JournalEventCodec();

    @Override
    public ReceivedEvent deserialize(String topic, byte[] data) {
        DecodeResult result = codec.decode(data);
        if (result instanceof DecodeResult.Decoded decoded) {
            return new ReceivedEvent.Readable(decoded.envelope());
        }
        if (result instanceof DecodeResult.Sealed sealed) {
            return new ReceivedEvent.Sealed(sealed.envelope(), data);
        }
        throw new Unreadable(((DecodeResult.Rejected) result).reason());
    }

    /** A record the codec rejected; the message is the reason, e.g. {@code not-json} or {@code unknown-type:Foo}. */
    public static class Unreadable extends SerializationException {

        private static final long serialVersionUID = 1L;

        public Unreadable(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a verdict on a record, not a fault in the code: no stack trace to carry into headers
        }
    }
}
