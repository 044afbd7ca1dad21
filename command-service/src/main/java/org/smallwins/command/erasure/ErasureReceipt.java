package org.smallwins.command.erasure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.smallwins.command.journal.ErasureAccepted;
import org.smallwins.contract.JournalErased;

/**
 * What a person is given when their journal is erased: no journal content, only what was done.
 *
 * @param erasureId      this erasure's id (also in the {@code JournalErased} event and the access log)
 * @param erasedAt       when
 * @param outcome        {@code ERASED}, or {@code NOTHING_TO_ERASE} when the journal held no event since its last
 *                       erasure (a repeated request, or a journal never written)
 * @param erasedEvents   how many events were erased
 * @param destroyedKeyId the data key destroyed (null when there was none)
 * @param lastSequence   the journal's last sequence at erasure
 * @param lastEventId    the id of the journal's last event at erasure
 * @param chainHead      the journal's hash-chain head after the erasure: the chain hash of its last event (the
 *                       {@code JournalErased} itself, whose {@code previousHash} is the hash of the last erased event),
 *                       so the receipt pins the whole history that was erased; {@code GET /api/history/verify} on
 *                       the query service answers the same head; null when the journal holds no event
 * @param sequence       the journal's sequence after the erasure: a read that passes it sees the erasure
 */
@Schema(
        description = "What an erasure did; no journal content. Absent members: there was nothing of that kind.",
        requiredProperties = {"erasureId", "erasedAt", "outcome", "erasedEvents", "lastSequence", "sequence"})
public record ErasureReceipt(
        @Schema(description = "This erasure's id", example = "0b6c2f4e-1d3a-4e5f-8a9b-7c6d5e4f3a2b")
        String erasureId,

        @Schema(description = "When", example = "2026-11-23T08:30:00Z")
        Instant erasedAt,

        @Schema(
                description = "ERASED, or NOTHING_TO_ERASE when the journal held no event since its last erasure",
                allowableValues = {"ERASED", "NOTHING_TO_ERASE"},
                example = "ERASED")
        String outcome,

        @Schema(description = "How many events were erased", minimum = "0", example = "12")
        long erasedEvents,

        @Schema(description = "The data key destroyed", example = "key-5f8e2c7a")
        String destroyedKeyId,

        @Schema(description = "The journal's last sequence at erasure", minimum = "0", example = "12")
        long lastSequence,

        @Schema(
                description = "The id of the journal's last event at erasure",
                example = "7d1e0f2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a")
        String lastEventId,

        @Schema(
                description = "The journal's hash-chain head after the erasure (hex SHA-256)",
                pattern = "^[0-9a-f]{64}$",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String chainHead,

        @Schema(description = "The journal's sequence after the erasure", minimum = "0", example = "13")
        long sequence) {

    static ErasureReceipt of(String erasureId, Instant at, ErasureAccepted accepted, String chainHead) {
        JournalErased erased = accepted.erased();
        if (erased == null) {
            return new ErasureReceipt(
                    erasureId,
                    at,
                    "NOTHING_TO_ERASE",
                    0,
                    null,
                    accepted.sequence(),
                    null,
                    chainHead,
                    accepted.sequence());
        }
        return new ErasureReceipt(
                erased.erasureId(),
                at,
                "ERASED",
                erased.erasedEvents(),
                erased.keyId(),
                erased.lastSequence(),
                erased.lastEventId(),
                chainHead,
                accepted.sequence());
    }
}
