package org.smallwins.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bounded cache of tokens already verified, in front of the decoder that verifies them: an app sends the same bearer
 * token on every request until it expires, and checking its RSA signature and claims again each time was a large part
 * of a request's CPU. Only tokens the decoder accepted are kept; a refused token is verified (and refused) each time.
 *
 * <p>An entry is keyed by the SHA-256 of the raw token (the token itself is not kept as a key), and is dropped at the
 * token's {@code exp} or after {@code maxAge}, whichever comes first; a token without {@code exp} is not kept. At most
 * {@code maximumSize} tokens are kept (least recently used go first).
 *
 * <p>What this trades: a token verified once stays accepted until its expiry or {@code maxAge} even if the issuer's
 * signing key is withdrawn in the meantime (a compromised key). {@code maxAge} bounds that window (five minutes by
 * default; the decoder caches the issuer's JWK set too, so a withdrawn key was never noticed at once); set
 * {@code smallwins.http.token-cache-max-age} lower, or {@code smallwins.http.token-cache-size=0} to turn the cache
 * off, where that window matters.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder verifier, long maximumSize, Duration maxAge) {
        this(verifier, maximumSize, maxAge, Clock.systemUTC());
    }

    VerifiedTokenCache(JwtDecoder verifier, long maximumSize, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new UntilExpiry(clock, maxAge))
                .build();
    }

    /** The decoder that verifies tokens not in the cache. */
    public JwtDecoder verifier() {
        return verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return verifier.decode(null);
        }
        String key = digest(token);
        Jwt known = verified.getIfPresent(key);
        if (known != null && unexpired(known, clock.instant())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(key, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are kept now (for tests and metrics). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Each entry lives until its token's expiry, at most {@code maxAge}. */
    private record UntilExpiry(Clock clock, Duration maxAge) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
            Duration lives = left.compareTo(maxAge) < 0 ? left : maxAge;
            return Math.max(0, lives.toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** A clock-based check kept beside Caffeine's own expiry, so an entry is never served past {@code exp}. */
    static boolean unexpired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }
}
