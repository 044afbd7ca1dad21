package org.smallwins.command.accesslog;

import java.time.Instant;

/**
 * One time a person's journal was taken out, brought in or asked to be erased. Holds no journal content: what was
 * done, when, by which request, and how many events it concerned.
 *
 * @param at            when
 * @param action        {@link Action}
 * @param correlationId the request that did it (its {@code X-Correlation-Id})
 * @param format        {@code json} or {@code csv} for an export; null otherwise
 * @param events        events exported, imported (new ones) or erased
 * @param outcome       how it ended, e.g. {@code COMPLETED}, {@code INTERRUPTED}, {@code ALREADY_IMPORTED},
 *                      {@code REFUSED}, {@code ERASED}
 * @param keyId         the data key destroyed by an erasure; null otherwise
 */
public record AccessRecord(
        Instant at, Action action, String correlationId, String format, long events, String outcome, String keyId) {

    public enum Action {
        EXPORT,
        IMPORT,
        ERASURE
    }
}
