package org.smallwins.contract;

/** A payload the codec cannot read; the message is a short machine-readable reason, never journal content. */
public final class PayloadRejectedException extends RuntimeException {

    public PayloadRejectedException(String reason) {
        super(reason, null, false, false);
    }

    /** For example {@code unknown-type}, {@code unsupported-version:WinLogged/2}, {@code missing-field:text}. */
    public String reason() {
        return getMessage();
    }
}
