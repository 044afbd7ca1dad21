package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code PUT /api/journal/consent}: whether the person's weekly facts may reach analytics.
 *
 * @param analytics {@code true} to consent, {@code false} not to (required)
 */
@Schema(
        name = "ConsentRequest",
        description = "Whether your weekly facts may reach analytics",
        requiredProperties = {"analytics"})
public record ConsentRequest(
        @Schema(
                description = "true to consent (your past weeks included), false not to (or no longer)",
                example = "true")
        Boolean analytics) {}
