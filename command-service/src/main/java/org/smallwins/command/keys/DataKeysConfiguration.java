package org.smallwins.command.keys;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The data keys and the key-encryption key that wraps them (the local one unless a KMS-backed bean is defined). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeysProperties.class)
class DataKeysConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKey keyEncryptionKey(KeysProperties properties) {
        return LocalKeyEncryptionKey.from(properties);
    }

    @Bean
    DataKeys dataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock, KeysProperties properties) {
        return new DataKeys(jdbc, kek, clock, properties);
    }
}
