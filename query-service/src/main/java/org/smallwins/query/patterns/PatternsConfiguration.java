package org.smallwins.query.patterns;

import org.smallwins.query.trends.TrendQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PatternsConfiguration {

    @Bean
    PatternQueries patternQueries(TrendQueries trends) {
        return new PatternQueries(trends);
    }
}
