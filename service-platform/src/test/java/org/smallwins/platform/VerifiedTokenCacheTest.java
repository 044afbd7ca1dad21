package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.DevTokens;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Tokens verified once (by the real RSA decoder) and served from the cache until they expire. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerifiedTokenCacheTest {

    static final DevTokens TOKENS = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    static final JwtDecoder RSA = NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509()
                    .convert(new ByteArrayInputStream(TOKENS.publicKeyPem().getBytes(StandardCharsets.US_ASCII))))
            .build();

    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder counted = token -> {
        verifications.incrementAndGet();
        return RSA.decode(token);
    };
    final MovableClock clock = new MovableClock(Instant.now());

    VerifiedTokenCache cache(long size, Duration maxAge) {
        return new VerifiedTokenCache(counted, size, maxAge, clock);
    }

    @Test
    void a_token_is_verified_once_and_then_answered_from_the_cache_until_its_expiry() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String token = TOKENS.mint("ana", Duration.ofMinutes(10));

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode(token).getSubject()).isEqualTo("ana");
        }
        assertThat(verifications).hasValue(1);

        clock.move(Duration.ofMinutes(10).plusSeconds(1));
        cache.decode(token);
        assertThat(verifications).as("verified again once past its exp").hasValue(2);
    }

    @Test
    void a_token_is_kept_at_most_the_maximum_age_even_if_it_expires_later() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = TOKENS.mint("ana", Duration.ofHours(1));

        cache.decode(token);
        clock.move(Duration.ofMinutes(4));
        cache.decode(token);
        assertThat(verifications).hasValue(1);

        clock.move(Duration.ofMinutes(2));
        cache.decode(token);
        assertThat(verifications).as("verified again after the maximum age").hasValue(2);
    }

    @Test
    void a_refused_token_is_verified_every_time_and_never_kept() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String forged = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE)
                .mint("ana");

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void each_token_is_its_own_entry_and_answers_with_its_own_claims() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String ana = TOKENS.mint("ana");
        String bo = TOKENS.mint("bo");

        assertThat(cache.decode(ana).getSubject()).isEqualTo("ana");
        assertThat(cache.decode(bo).getSubject()).isEqualTo("bo");
        assertThat(cache.decode(ana).getSubject()).isEqualTo("ana");
        assertThat(cache.decode(bo).getTokenValue()).isEqualTo(bo);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void the_number_of_tokens_kept_is_bounded() {
        VerifiedTokenCache cache = cache(3, Duration.ofHours(1));

        for (int i = 0; i < 50; i++) {
            cache.decode(TOKENS.mint("person-" + i));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
