package org.smallwins.contract;

/** The outcome of reading one record from the topic: an event, or a rejection with a reason free of journal content. */
public sealed interface DecodeResult {

    record Decoded(EventEnvelope envelope) implements DecodeResult {}

    /**
     * @param reason a short machine-readable reason such as {@code not-json} or {@code unknown-type:Foo}; never
     *               contains journal text or check-in values
     */
    record Rejected(String reason) implements DecodeResult {}
}
