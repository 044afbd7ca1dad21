package org.smallwins.query.readstore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the read store through {@link ReadStore#ping()}: Spring Boot's own indicator uses {@code hello}, which the
 * in-JVM stand-in does not know.
 */
@Component
class ReadStoreHealthIndicator implements HealthIndicator {

    private final ReadStore store;

    ReadStoreHealthIndicator(ReadStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            return store.ping() ? Health.up().build() : Health.down().build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
