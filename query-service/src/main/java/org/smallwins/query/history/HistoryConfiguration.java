package org.smallwins.query.history;

import org.smallwins.query.readstore.ReadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class HistoryConfiguration {

    @Bean
    HistoryQueries historyQueries(ReadStore store) {
        return new HistoryQueries(store);
    }
}
