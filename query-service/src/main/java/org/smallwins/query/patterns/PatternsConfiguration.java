package org.smallwins.query.patterns;

import org.smallwins.query.readstore.ReadStore;
import org.smallwins.query.trends.TrendQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PatternsConfiguration {

    @Bean
    PatternQueries patternQueries(ReadStore store, TrendQueries trends) {
        return new PatternQueries(store, trends);
    }
}
