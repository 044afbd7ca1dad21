package org.smallwins.query.changes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Changes of a person's journal after a sequence, oldest first.
 *
 * @param items     the changes, in sequence order
 * @param hasMore   whether more changes follow already: ask again at once with {@code after = nextAfter}
 * @param nextAfter the sequence this page brings a local copy up to: the {@code after} of the next read (the same
 *                  {@code after} when nothing changed)
 */
@Schema(
        description = "Changes of your journal after a sequence, oldest first.",
        requiredProperties = {"items", "hasMore", "nextAfter"})
public record ChangePage(
        List<Change> items,

        @Schema(
                description = "Whether more changes follow already: ask again at once with `after = nextAfter`",
                example = "false")
        boolean hasMore,

        @Schema(description = "The `after` of your next read", minimum = "0", example = "7")
        long nextAfter) {}
