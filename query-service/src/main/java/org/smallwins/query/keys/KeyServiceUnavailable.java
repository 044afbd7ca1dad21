package org.smallwins.query.keys;

/**
 * The key service could not say anything about a key (unreachable, too slow, an error, or it refused this service's
 * token). Nothing about the events can be decided from this: the batch is retried. The message never holds the token
 * or key material.
 */
public class KeyServiceUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyServiceUnavailable(String message) {
        super(message);
    }

    public KeyServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
