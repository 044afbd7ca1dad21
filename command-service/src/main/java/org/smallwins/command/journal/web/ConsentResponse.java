package org.smallwins.command.journal.web;

/**
 * The answer to a consent.
 *
 * @param analytics whether the person consents to analytics now
 * @param outcome   {@code RECORDED}, or {@code ALREADY_RECORDED} when it was already so (nobody consents until they say
 *                  so)
 * @param sequence  the person's journal sequence after this write (0 for a journal without any event)
 */
public record ConsentResponse(boolean analytics, String outcome, long sequence) {}
