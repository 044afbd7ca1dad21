package org.smallwins.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeysConfigurationTest {

    DataKeyAccess configured(String token) {
        return new KeysConfiguration()
                .dataKeyAccess(
                        URI.create("http://localhost:8081"),
                        token,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        8,
                        Duration.ofMinutes(5),
                        1000,
                        new SimpleMeterRegistry());
    }

    @Test
    void without_a_key_access_token_query_service_refuses_to_start_and_says_which_variable_to_set() {
        assertThatThrownBy(() -> configured(" "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMALLWINS_KEY_ACCESS_TOKEN");
    }

    @Test
    void with_a_token_keys_come_from_the_key_service_through_the_cache() {
        assertThat(configured("a-token")).isInstanceOf(CachedDataKeys.class);
    }
}
