package org.smallwins.command.journal;

/**
 * What the journal answers to an import chunk.
 *
 * @param recorded        entries recorded by this chunk
 * @param alreadyRecorded entries the journal already held exactly so (a repeated or resumed import)
 * @param sequence        the journal's sequence after the chunk (0 for a journal that still holds no event)
 */
public record ImportAccepted(int recorded, int alreadyRecorded, long sequence) {}
