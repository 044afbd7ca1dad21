package org.smallwins.command.keys.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallwins.command.keys.KeysProperties;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataKeyAccessSecurityTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void without_a_key_access_token_the_service_does_not_start_so_a_blank_token_never_matches(String token) {
        KeysProperties properties = new KeysProperties("kek", null, token, 10, Duration.ofMinutes(1));

        assertThatThrownBy(() -> DataKeyAccessSecurity.requiredToken(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMALLWINS_KEY_ACCESS_TOKEN");
    }
}
