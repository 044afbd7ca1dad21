package org.smallwins.query.changes;

import java.util.List;

/**
 * Changes of a person's journal after a sequence, oldest first.
 *
 * @param items     the changes, in sequence order
 * @param hasMore   whether more changes follow already: ask again at once with {@code after = nextAfter}
 * @param nextAfter the sequence this page brings a local copy up to: the {@code after} of the next read (the same
 *                  {@code after} when nothing changed)
 */
public record ChangePage(List<Change> items, boolean hasMore, long nextAfter) {}
