package org.smallwins.command.journal;

import org.smallwins.contract.JournalErased;

/**
 * What the journal answers to an erasure.
 *
 * @param erased   the erasure recorded now; null when there was nothing to erase (no event since the journal's last
 *                 erasure: a repeated request)
 * @param sequence the journal's sequence after the erasure (the {@code JournalErased}'s own)
 */
public record ErasureAccepted(JournalErased erased, long sequence) {}
