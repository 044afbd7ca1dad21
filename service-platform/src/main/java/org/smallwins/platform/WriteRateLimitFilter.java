package org.smallwins.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each user's writes (any method but GET, HEAD, OPTIONS) with a Bucket4j token bucket: a burst, then a steady
 * rate per minute, refilled continuously. Past it, 429 with {@code Retry-After}.
 *
 * <p>The buckets live in this instance's memory (Bucket4j's Caffeine proxy manager), so with several instances the
 * effective limit is per instance. A bucket is forgotten once it has had time to refill completely: a full bucket says
 * nothing a new one would not, so memory follows the people writing now, not everyone who ever wrote. For one limit
 * shared by several instances, the same buckets can live in a shared store through another Bucket4j proxy manager
 * (JDBC over the command side's PostgreSQL, or Redis); see the README.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration limit;

    public WriteRateLimitFilter(int writesPerMinute, int burst) {
        this(writesPerMinute, burst, Caffeine.newBuilder(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the cache builder and clock given, so that tests can move time (both must follow the same time). */
    WriteRateLimitFilter(int writesPerMinute, int burst, Caffeine<Object, Object> cache, TimeMeter clock) {
        this.limit = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth
                        .capacity(Math.max(1, burst))
                        .refillGreedy(Math.max(1, writesPerMinute), Duration.ofMinutes(1)))
                .build();
        this.buckets = Bucket4jCaffeine.<String>builderFor(cache)
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        long waitMillis = take(caller.getName());
        if (waitMillis > 0) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
            ProblemWriter.write(
                    request,
                    response,
                    Problems.of(
                            ProblemType.TOO_MANY_WRITES,
                            "Too many entries in a short time. Everything already sent is safe; try again shortly."));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Takes one write from the user's bucket; returns 0, or how many milliseconds until one is available. */
    long take(String user) {
        ConsumptionProbe probe = buckets.getProxy(user, () -> limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill() + 999_999));
    }

    /** Whether this instance still holds a bucket for the user. */
    boolean tracks(String user) {
        return buckets.getProxyConfiguration(user).isPresent();
    }
}
