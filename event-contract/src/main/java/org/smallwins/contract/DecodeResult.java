package org.smallwins.contract;

/**
 * The outcome of reading one record from the topic: an event, an event whose payload is sealed with its person's data
 * key, or a rejection with a reason free of journal content.
 */
public sealed interface DecodeResult {

    /** A readable event ({@code payloadEncoding} {@code json}, or a sealed one after {@link JournalEventCodec#open}). */
    record Decoded(EventEnvelope envelope) implements DecodeResult {}

    /**
     * An event whose payload is sealed ({@code payloadEncoding} {@value SealedEnvelope#ENCODING}); its type and
     * version are known and supported. Open it with its key through {@link JournalEventCodec#open}.
     */
    record Sealed(SealedEnvelope envelope) implements DecodeResult {}

    /**
     * @param reason a short machine-readable reason such as {@code not-json} or {@code unknown-type:Foo}; never
     *               contains journal text or check-in values
     */
    record Rejected(String reason) implements DecodeResult {}
}
