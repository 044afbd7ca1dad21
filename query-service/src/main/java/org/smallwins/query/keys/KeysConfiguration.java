package org.smallwins.query.keys;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class KeysConfiguration {

    /**
     * The key service (command-service) and this service's key-access token; without a token query-service does not
     * start, since it could not project anything sealed.
     */
    @Bean
    DataKeyAccess dataKeyAccess(
            @Value("${smallwins.keys.command-service-url:http://localhost:8081}") URI commandService,
            @Value("${smallwins.keys.access-token:}") String accessToken,
            @Value("${smallwins.keys.connect-timeout:2s}") Duration connectTimeout,
            @Value("${smallwins.keys.request-timeout:5s}") Duration requestTimeout,
            @Value("${smallwins.keys.parallel-lookups:8}") int parallelism,
            @Value("${smallwins.keys.cache-lifetime:5m}") Duration lifetime,
            @Value("${smallwins.keys.cache-size:100000}") long cacheSize,
            MeterRegistry meters) {
        if (accessToken.isBlank()) {
            throw new IllegalStateException("smallwins.keys.access-token (environment variable "
                    + "SMALLWINS_KEY_ACCESS_TOKEN) is not set: query-service needs the key-access token it shares with "
                    + "command-service to obtain the data keys that open journal events");
        }
        return new CachedDataKeys(
                new HttpDataKeyAccess(commandService, accessToken, connectTimeout, requestTimeout, parallelism),
                lifetime,
                cacheSize,
                meters);
    }
}
