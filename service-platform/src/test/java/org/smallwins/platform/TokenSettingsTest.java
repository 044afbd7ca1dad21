package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallwins.infra.DevTokens;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Which tokens are accepted is Boot's resource-server configuration, plus a required issuer and a non-blank subject. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenSettingsTest {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final DevTokens TOKENS = DevTokens.generate("https://id.example.org/realms/small-wins", "small-wins");

    @TempDir
    Path dir;

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    PlatformSecurityConfiguration.class,
                    SecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void a_service_without_an_issuer_refuses_to_start_and_says_which_variable_to_set() throws Exception {
        String key = "file:" + TOKENS.writePublicKey(dir.resolve("public.pem"));
        service.withPropertyValues(PREFIX + "issuer-uri=", PREFIX + "public-key-location=" + key)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("SMALLWINS_JWT_ISSUER"));
        service.withPropertyValues(PREFIX + "issuer-uri=")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("SMALLWINS_JWT_ISSUER"));
    }

    @Test
    void with_a_public_key_the_issuer_audience_and_subject_are_still_checked() throws Exception {
        String key = "file:" + TOKENS.writePublicKey(dir.resolve("public.pem"));
        service.withPropertyValues(
                        PREFIX + "issuer-uri=" + TOKENS.issuer(),
                        PREFIX + "audiences=" + TOKENS.audience(),
                        PREFIX + "public-key-location=" + key,
                        PREFIX + "jwk-set-uri=")
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder.decode(TOKENS.mint("ana")).getSubject()).isEqualTo("ana");

                    DevTokens otherIssuer = DevTokens.generate("https://evil.example", TOKENS.audience());
                    Instant now = Instant.now();
                    JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder()
                            .subject("ana")
                            .issuer(TOKENS.issuer())
                            .audience(TOKENS.audience())
                            .expirationTime(Date.from(now.plusSeconds(600)));
                    assertThatThrownBy(() -> decoder.decode(TOKENS.sign(
                                    valid.issuer("https://evil.example").build())))
                            .as("another issuer")
                            .isInstanceOf(JwtValidationException.class);
                    assertThatThrownBy(() -> decoder.decode(TOKENS.sign(valid.issuer(TOKENS.issuer())
                                    .audience("another-app")
                                    .build())))
                            .as("another audience")
                            .isInstanceOf(JwtValidationException.class);
                    assertThatThrownBy(() -> decoder.decode(TOKENS.sign(valid.audience(TOKENS.audience())
                                    .subject(" ")
                                    .build())))
                            .as("a blank subject")
                            .isInstanceOf(JwtValidationException.class);
                    assertThatThrownBy(() -> decoder.decode(otherIssuer.mint("ana")))
                            .as("signed with another key")
                            .hasMessageContaining("signature");
                });
    }

    @Test
    void verified_tokens_are_kept_in_a_bounded_cache_unless_its_size_is_0() throws Exception {
        String key = "file:" + TOKENS.writePublicKey(dir.resolve("public.pem"));
        var withKey = service.withPropertyValues(
                PREFIX + "issuer-uri=" + TOKENS.issuer(),
                PREFIX + "audiences=" + TOKENS.audience(),
                PREFIX + "public-key-location=" + key);
        withKey.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
            String token = TOKENS.mint("ana");
            assertThat(decoder.decode(token)).isSameAs(decoder.decode(token));
        });
        withKey.withPropertyValues("smallwins.http.token-cache-size=0")
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class));
    }

    @Test
    void a_jwk_set_uri_wins_over_a_public_key_and_then_boot_builds_the_decoder_with_the_subject_check()
            throws Exception {
        String key = "file:" + TOKENS.writePublicKey(dir.resolve("public.pem"));
        service.withPropertyValues(
                        PREFIX + "issuer-uri=" + TOKENS.issuer(),
                        PREFIX + "public-key-location=" + key,
                        PREFIX + "jwk-set-uri=https://id.example.org/realms/small-wins/certs")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("publicKeyJwtDecoder");
                    assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(VerifiedTokenCache.class);
                    assertThat(((VerifiedTokenCache) context.getBean(JwtDecoder.class)).verifier())
                            .isInstanceOf(NimbusJwtDecoder.class);
                    assertThat(context).hasBean("subjectRequired");
                });
    }
}
