package org.smallwins.query.changes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Changes of a person's journal after a sequence, oldest first.
 *
 * @param items     the changes, in sequence order
 * @param hasMore   whether more changes follow already: ask again at once with {@code after = nextAfter}
 * @param nextAfter the sequence this page brings a local copy up to: the {@code after} of the next read (the same
 *                  {@code after} when nothing changed). Always present, unlike a cursor: a copy keeps it after every
 *                  read, the last page's too, to ask for what comes later.
 */
@Schema(
        description = "The changes of your journal after `after`, oldest first.",
        requiredProperties = {"items", "hasMore", "nextAfter"})
public record ChangePage(
        List<Change> items,

        @Schema(
                description = "Whether more changes follow already: ask again at once with `after=nextAfter`",
                example = "false")
        boolean hasMore,

        @Schema(
                description = "The sequence your copy holds after applying these changes: keep it, and pass it as "
                        + "`after` next time (always present; the same `after` when nothing changed)",
                minimum = "0",
                example = "42")
        long nextAfter) {}
