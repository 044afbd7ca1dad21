package org.smallwins.command.journal.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a consent.
 *
 * @param analytics whether the person consents to analytics now
 * @param outcome   {@code RECORDED}, or {@code ALREADY_RECORDED} when it was already so (nobody consents until they say
 *                  so)
 * @param sequence  the person's journal sequence after this write (0 for a journal without any event)
 */
@Schema(
        name = "ConsentSet",
        description = "Your consent to analytics as it now is",
        requiredProperties = {"analytics", "outcome", "sequence"})
public record ConsentResponse(
        @Schema(description = "Whether you consent to analytics now", example = "true")
        boolean analytics,

        @Schema(description = "RECORDED, or ALREADY_RECORDED when it already was so", example = "RECORDED")
        String outcome,

        @Schema(
                description = "Your journal's sequence after this write (0 for a journal without any event)",
                example = "12")
        long sequence) {}
