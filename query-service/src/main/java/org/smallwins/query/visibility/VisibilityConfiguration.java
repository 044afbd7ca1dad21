package org.smallwins.query.visibility;

import java.time.Duration;
import org.smallwins.query.readstore.JournalPositions;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class VisibilityConfiguration {

    @Bean
    ReadYourWrites readYourWrites(
            ReadStore store,
            @Value("${smallwins.read-your-writes.wait:2s}") Duration wait,
            @Value("${smallwins.read-your-writes.first-pause:5ms}") Duration firstPause,
            @Value("${smallwins.read-your-writes.longest-pause:100ms}") Duration longestPause) {
        return new ReadYourWrites(new JournalPositions(store)::sequenceOf, wait, firstPause, longestPause);
    }
}
