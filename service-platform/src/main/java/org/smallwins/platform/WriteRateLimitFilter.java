package org.smallwins.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each user's writes (any method but GET, HEAD, OPTIONS) with a token bucket: a burst, then a steady rate per
 * minute. Past it, 429 with {@code Retry-After}. The buckets live in this instance's memory, so with several instances
 * the effective limit is per instance. A bucket that has refilled completely says nothing a new one would not, so such
 * buckets are dropped from time to time: memory follows the people writing now, not everyone who ever wrote.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private final double perMillisecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /** Idle buckets are looked for once every this many writes. */
    static final int SWEEP_EVERY = 1024;

    public WriteRateLimitFilter(int writesPerMinute, int burst, Clock clock) {
        this.perMillisecond = writesPerMinute / 60_000.0;
        this.burst = Math.max(1, burst);
        this.clock = clock;
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
        long waitMillis = take(caller.getName(), clock.millis());
        if (waitMillis > 0) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
            ProblemWriter.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-writes", "Slow down a little",
                    "Too many entries in a short time. Everything already sent is safe; try again shortly."));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Takes one write from the user's bucket; returns 0, or how many milliseconds until one is available. */
    long take(String user, long now) {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(user, u -> new Bucket(burst, now)).take(now);
    }

    int trackedUsers() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /** Takes one token; returns 0, or how long until one is available. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - updated) * perMillisecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMillisecond);
        }

        /** True if the bucket would be full by {@code now}: forgetting it changes nothing. */
        synchronized boolean fullAt(long now) {
            return tokens + (now - updated) * perMillisecond >= burst;
        }
    }
}
