package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WriteRateLimitFilterTest {

    /** One time for the buckets and for the cache that forgets them, moved by the test. */
    final AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(1));

    /** 60 writes a minute: one token a second; a burst of 3. */
    final WriteRateLimitFilter limit = new WriteRateLimitFilter(
            60, 3, Caffeine.newBuilder().ticker(nanos::get).executor(Runnable::run), new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return true; // Bucket4j's proxy managers accept only clocks shared by every instance
                }
            });

    void after(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void a_burst_is_allowed_then_the_next_write_waits_for_the_steady_rate() {
        assertThat(limit.take("ana")).isZero();
        assertThat(limit.take("ana")).isZero();
        assertThat(limit.take("ana")).isZero();
        assertThat(limit.take("ana")).isEqualTo(1_000);
        after(400);
        assertThat(limit.take("ana")).as("still waiting for the next token").isEqualTo(600);
        after(600);
        assertThat(limit.take("ana")).isZero();
        assertThat(limit.take("ben")).as("another person is not affected").isZero();
    }

    @Test
    void buckets_of_people_who_stopped_writing_are_forgotten_and_active_ones_are_kept() {
        for (int i = 0; i < 1_000; i++) {
            limit.take("person-" + i);
        }
        assertThat(limit.tracks("person-0")).isTrue();
        assertThat(limit.tracks("person-999")).isTrue();

        // ten seconds later their buckets are full again; "busy" has just used up its burst
        after(10_000);
        limit.take("busy");
        limit.take("busy");
        limit.take("busy");

        assertThat(limit.tracks("person-0")).as("a full bucket is forgotten").isFalse();
        assertThat(limit.tracks("person-999")).isFalse();
        assertThat(limit.tracks("busy")).isTrue();
        assertThat(limit.take("busy"))
                .as("the active person's limit still holds")
                .isPositive();
    }
}
