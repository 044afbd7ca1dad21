package org.smallwins.command.portability.web;

/**
 * The answer to an import.
 *
 * @param outcome         {@code IMPORTED}, or {@code ALREADY_IMPORTED} when every entry was already in the journal
 * @param events          events in the file
 * @param recorded        entries recorded now
 * @param alreadyRecorded entries the journal already held exactly so
 * @param sequence        the journal's sequence after the import: pass it to a read to see the imported entries
 */
public record ImportResponse(String outcome, long events, long recorded, long alreadyRecorded, long sequence) {}
