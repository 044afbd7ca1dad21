package org.smallwins.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One version of an entry, as recorded: what changed (field names), the entry as that version had it (the person's
 * own data, shown only to them; absent for a retraction), when it was recorded and by which request.
 *
 * @param changed the fields this version changed; empty for the first version and for a retraction
 * @param reason  a retraction's reason, from the fixed vocabulary; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryVersion(
        int version,
        String type,
        int typeVersion,
        long sequence,
        Instant recordedAt,
        String correlationId,
        List<String> changed,
        String reason,
        Values values) {

    /** The entry as this version had it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Values(
            String day, Instant occurredAt, String zone, TimelineEntry.Win win, TimelineEntry.CheckIn checkIn) {}
}
