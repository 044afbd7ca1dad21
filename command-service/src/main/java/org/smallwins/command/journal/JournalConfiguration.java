package org.smallwins.command.journal;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.smallwins.command.eventstore.SealedSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How journals are stored and loaded: snapshots every N events, a cache of loaded journals, the clock "today" uses. */
@Configuration
class JournalConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter() {
        return new SpringAggregateSnapshotterFactoryBean();
    }

    /** A journal of 10,000 events loads from its latest snapshot plus at most N events. */
    @Bean
    SnapshotTriggerDefinition journalSnapshotTrigger(
            Snapshotter snapshotter, @Value("${smallwins.journal.snapshot-every:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The most recently used journals stay in memory (switched off in tests that must load from snapshots).
     */
    @Bean
    Cache journalCache(
            @Value("${smallwins.journal.cache:true}") boolean enabled,
            @Value("${smallwins.journal.cache-size:5000}") int size) {
        return enabled ? new RecentJournalsCache(size) : NoCache.INSTANCE;
    }

    /**
     * Which stored snapshots of a journal are used: sealed ones (their revision is checked once opened), and unsealed
     * ones of the journal's current revision (older data directories).
     */
    @Bean
    SnapshotFilter journalSnapshotFilter() {
        return SealedSnapshot.sealedOr(RevisionSnapshotFilter.builder()
                .type(Journal.class.getSimpleName())
                .revision(Journal.class.getAnnotation(Revision.class).value())
                .build());
    }

    /** Copies the request's correlation id from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider correlationIdProvider() {
        return new SimpleCorrelationDataProvider(JournalMetaData.CORRELATION_ID);
    }
}
