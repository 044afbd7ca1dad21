package org.smallwins.command.journal.web;

/**
 * The answer to an accepted entry.
 *
 * @param id      the entry's id
 * @param kind    {@code WIN} or {@code CHECK_IN}
 * @param outcome  {@code RECORDED}, or {@code ALREADY_RECORDED} when this was a retry of an entry already kept
 * @param version  the entry's version after this write (also its {@code ETag}): 1 as first logged
 * @param sequence the person's journal sequence after this write (also in the {@code Journal-Sequence} header): pass
 *                 it to a read ({@code ?after=} or the same header) to see this entry there
 */
public record EntryResponse(String id, String kind, String outcome, long sequence, int version) {}
