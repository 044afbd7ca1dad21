package org.smallwins.command.journal.web;

/**
 * The answer to a focus choice.
 *
 * @param area     the focus area now current
 * @param stage    its stage of change
 * @param outcome  {@code RECORDED}, or {@code ALREADY_RECORDED} when it was already the current choice
 * @param sequence the person's journal sequence after this write (also in the {@code Journal-Sequence} header)
 * @param version  how many choices the person has made, this one included
 */
public record FocusResponse(String area, String stage, String outcome, long sequence, int version) {}
