package org.smallwins.command.erasure;

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
public record ErasureReceipt(
        String erasureId,
        Instant erasedAt,
        String outcome,
        long erasedEvents,
        String destroyedKeyId,
        long lastSequence,
        String lastEventId,
        String chainHead,
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
