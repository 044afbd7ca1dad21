package org.smallwins.query.timeline;

import java.util.List;

/** Every version of one entry, oldest first; {@code retracted} when its last version took it back. */
public record EntryHistory(String id, String kind, boolean retracted, List<EntryVersion> versions) {}
