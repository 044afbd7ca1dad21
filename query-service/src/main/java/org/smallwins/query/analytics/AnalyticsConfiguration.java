package org.smallwins.query.analytics;

import java.time.Clock;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {

    @Bean
    Cohorts cohorts(AnalyticsProperties properties) {
        return new Cohorts(properties.k(), properties.blockWeeks());
    }

    @Bean
    CohortQueries cohortQueries(Cohorts cohorts, FactsSource facts, ReadStore store, Clock clock) {
        return new CohortQueries(cohorts, facts, new AnalyticsAudit(store, clock));
    }
}
