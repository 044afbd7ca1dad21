package org.smallwins.query.chain;

import org.smallwins.query.readstore.ReadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ChainConfiguration {

    @Bean
    ChainVerification chainVerification(ReadStore store) {
        return new ChainVerification(store);
    }
}
