package org.smallwins.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the timeline as it stands now: a win or a check-in, exactly one of {@code win} and {@code checkIn} is
 * present.
 *
 * @param sequence  the sequence of the event that logged it
 * @param version   the entry's version (1 as first logged; each correction adds one): its {@code ETag}
 * @param corrected when it was last corrected, and to which version; absent if it never was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
        String id,
        String kind,
        String day,
        Instant occurredAt,
        String zone,
        long sequence,
        int version,
        Corrected corrected,
        Win win,
        CheckIn checkIn) {

    public record Win(String text, String focusArea, List<String> tags) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckIn(int mood, int energy, String window, String note) {}

    public record Corrected(Instant at, int version) {}
}
