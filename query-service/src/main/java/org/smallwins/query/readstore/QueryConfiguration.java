package org.smallwins.query.readstore;

import java.time.Clock;
import org.smallwins.query.timeline.TimelineQueries;
import org.smallwins.query.trends.TrendQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class QueryConfiguration {

    @Bean
    TimelineQueries timelineQueries(ReadStore store) {
        return new TimelineQueries(store);
    }

    @Bean
    TrendQueries trendQueries(ReadStore store, Clock clock) {
        return new TrendQueries(store, clock);
    }
}
