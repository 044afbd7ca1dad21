package org.smallwins.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each user's writes (any method but GET, HEAD, OPTIONS) with a token bucket: a burst, then a steady rate per
 * minute. Past it, 429 with {@code Retry-After}. The buckets live in this instance's memory, so with several instances
 * the effective limit is per instance.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private final double perMillisecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

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
        long waitMillis = buckets.computeIfAbsent(caller.getName(), user -> new Bucket(burst, clock.millis()))
                .take(clock.millis());
        if (waitMillis > 0) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
            ProblemWriter.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-writes", "Slow down a little",
                    "Too many entries in a short time. Everything already sent is safe; try again shortly."));
            return;
        }
        chain.doFilter(request, response);
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
    }
}
