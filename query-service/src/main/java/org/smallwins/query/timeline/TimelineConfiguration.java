package org.smallwins.query.timeline;

import org.smallwins.query.readstore.ReadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimelineConfiguration {

    @Bean
    TimelineQueries timelineQueries(ReadStore store) {
        return new TimelineQueries(store);
    }
}
