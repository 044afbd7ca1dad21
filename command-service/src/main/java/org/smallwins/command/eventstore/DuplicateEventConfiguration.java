package org.smallwins.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the event store recognises a second event with the same journal and sequence (two instances deciding for the
 * same journal at once). Axon's default for its JDBC engine looks for {@code SQLIntegrityConstraintViolationException},
 * which the PostgreSQL driver never throws, so the clash surfaced as a generic storage error (500) instead of a
 * {@code ConcurrencyException} that the command side decides again. PostgreSQL reports it as SQL state 23505
 * (unique_violation), also inside a batch.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateEventConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }
}
