package org.smallwins.command.journal.web;

/**
 * {@code PUT /api/journal/consent}: whether the person's weekly facts may reach analytics.
 *
 * @param analytics {@code true} to consent, {@code false} not to (required)
 */
public record ConsentRequest(Boolean analytics) {}
