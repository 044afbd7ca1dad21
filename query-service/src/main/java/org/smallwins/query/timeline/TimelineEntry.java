package org.smallwins.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** One entry of the timeline: a win or a check-in, exactly one of {@code win} and {@code checkIn} is present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
        String id, String kind, String day, Instant occurredAt, String zone, long sequence, Win win, CheckIn checkIn) {

    public record Win(String text, String focusArea, List<String> tags) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckIn(int mood, int energy, String window, String note) {}
}
