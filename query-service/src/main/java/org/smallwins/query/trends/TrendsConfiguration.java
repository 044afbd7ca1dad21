package org.smallwins.query.trends;

import java.time.Clock;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TrendsConfiguration {

    @Bean
    TrendQueries trendQueries(ReadStore store, Clock clock) {
        return new TrendQueries(store, clock);
    }
}
