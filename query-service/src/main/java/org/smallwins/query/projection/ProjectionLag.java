package org.smallwins.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.smallwins.contract.EventEnvelope;

/**
 * How far behind the read models are: {@code smallwins.projection.lag.seconds} (now minus the recorded-at time of the
 * last applied event) and {@code smallwins.projection.events.applied}. Counts and times only, never content.
 */
class ProjectionLag {

    private final Clock clock;
    private final Counter applied;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();

    ProjectionLag(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.applied = Counter.builder("smallwins.projection.events.applied")
                .description("Journal events applied to the read models (redeliveries included)")
                .register(meters);
        Gauge.builder("smallwins.projection.lag.seconds", this, ProjectionLag::seconds)
                .description("Now minus the recorded-at time of the last applied event")
                .register(meters);
    }

    void applied(List<EventEnvelope> batch) {
        if (!batch.isEmpty()) {
            applied.increment(batch.size());
            lastRecordedAt.set(batch.get(batch.size() - 1).recordedAt());
        }
    }

    double seconds() {
        Instant last = lastRecordedAt.get();
        return last == null ? 0 : Math.max(0, (clock.millis() - last.toEpochMilli()) / 1000.0);
    }
}
