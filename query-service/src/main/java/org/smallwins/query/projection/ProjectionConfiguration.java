package org.smallwins.query.projection;

import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.smallwins.contract.JournalTopic;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JournalProjection journalProjection(ReadStore store) {
        return new JournalProjection(store);
    }

    @Bean
    Checkpoints checkpoints(ReadStore store) {
        return new Checkpoints(store, "journal-projection");
    }

    /**
     * Unreadable records never reach this handler (they are dead-lettered by the consumer), so any failure here is the
     * read store or the broker being unavailable: retry the batch, backing off, for as long as it takes. Skipping would
     * lose events.
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
