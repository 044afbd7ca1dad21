package org.smallwins.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.smallwins.contract.AnalyticsTopic;
import org.smallwins.contract.JournalTopic;
import org.smallwins.query.analytics.AnalyticsProperties;
import org.smallwins.query.keys.DataKeyAccess;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The producer is configured with String keys and byte[] values (application.yml), as the dead letters use it. */
    @Bean
    @SuppressWarnings("unchecked")
    JournalProjection journalProjection(ReadStore store, AnalyticsProperties analytics, KafkaOperations<?, ?> kafka) {
        return new JournalProjection(
                store,
                new WeeklyFactsPublisher(store, analytics.pseudonyms(), (KafkaOperations<String, byte[]>) kafka));
    }

    /** The cohort figures' read model: the analytics topic, read whole into memory. */
    @Bean
    AnalyticsFactsView analyticsFactsView(KafkaProperties kafka) {
        return new AnalyticsFactsView(String.join(",", kafka.getBootstrapServers()));
    }

    /**
     * The analytics stream (issue 16): compacted, so the latest value per {@code pseudonym|week} is what stays, and a
     * tombstone removes a key. Kafka's defaults would let a withdrawn or erased person's earlier facts stay readable
     * from the start of the topic for days (segments roll weekly and the active one is never cleaned); here segments
     * roll every 10 minutes and a record may wait at most 10 minutes to be compacted away, so the earlier facts are gone
     * within about 20 minutes of the tombstone; the tombstone itself stays an hour so every consumer sees it.
     */
    @Bean
    NewTopic analyticsTopic(@Value("${smallwins.analytics.partitions:6}") int partitions) {
        return TopicBuilder.name(AnalyticsTopic.NAME)
                .partitions(partitions)
                .replicas(1)
                .compact()
                .config(
                        TopicConfig.SEGMENT_MS_CONFIG,
                        Long.toString(Duration.ofMinutes(10).toMillis()))
                .config(
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                        Long.toString(Duration.ofMinutes(10).toMillis()))
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
                .config(
                        TopicConfig.DELETE_RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofHours(1).toMillis()))
                .build();
    }

    @Bean
    Checkpoints checkpoints(ReadStore store) {
        return new Checkpoints(store, "journal-projection");
    }

    @Bean
    ProjectionConsumer projectionConsumer(
            JournalProjection projection,
            Checkpoints checkpoints,
            ReadStore store,
            KafkaOperations<?, ?> kafka,
            DataKeyAccess keys,
            Clock clock,
            MeterRegistry meters,
            @Value("${smallwins.projection.rebuild.log-every:10000}") long rebuildLogEvery) {
        return new ProjectionConsumer(
                new SealedPayloads(keys),
                projection,
                new ChainRecords(store),
                new PartitionPositions(checkpoints, store, new RebuildProgress(meters, rebuildLogEvery)),
                new DeadLetters(kafka, meters),
                new ProjectionLag(clock, meters),
                meters);
    }

    /**
     * Unreadable records never reach this handler (the ErrorHandlingDeserializer leaves them null and the consumer hands
     * them to DeadLetters, as it does sealed ones that do not open), so any failure here is the read store, the broker
     * or the key service being unavailable: retry the batch, backing off, for as long as it takes. Skipping would lose
     * events.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    NewTopic deadLetterTopic() {
        return TopicBuilder.name(JournalTopic.DEAD_LETTERS)
                .partitions(1)
                .replicas(1)
                .build();
    }
}
