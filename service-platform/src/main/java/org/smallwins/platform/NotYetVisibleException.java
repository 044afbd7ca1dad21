package org.smallwins.platform;

/**
 * A read asked to see a write (by its journal sequence) that the read model has not reached within the wait: answered
 * as a 503 problem of type {@code not-yet-visible} with {@code Retry-After}, never with data that lacks the write.
 */
public class NotYetVisibleException extends RuntimeException {

    private final long retryAfterSeconds;

    public NotYetVisibleException(long retryAfterSeconds) {
        super("not yet visible", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
