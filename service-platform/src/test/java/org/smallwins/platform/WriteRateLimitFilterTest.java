package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WriteRateLimitFilterTest {

    /** 60 writes a minute: one token a second; a burst of 3. */
    final WriteRateLimitFilter limit = new WriteRateLimitFilter(60, 3, Clock.systemUTC());

    @Test
    void a_burst_is_allowed_then_the_next_write_waits_for_the_steady_rate() {
        assertThat(limit.take("ana", 0)).isZero();
        assertThat(limit.take("ana", 0)).isZero();
        assertThat(limit.take("ana", 0)).isZero();
        assertThat(limit.take("ana", 0)).isEqualTo(1_000);
        assertThat(limit.take("ana", 1_000)).isZero();
        assertThat(limit.take("ben", 1_000)).as("another person is not affected").isZero();
    }

    @Test
    void buckets_of_people_who_stopped_writing_are_forgotten_and_active_ones_are_kept() {
        for (int i = 0; i < 1_000; i++) {
            limit.take("person-" + i, 0);
        }
        assertThat(limit.trackedUsers()).isEqualTo(1_000);

        // ten seconds later their buckets are full again; "busy" has just used up its burst
        limit.take("busy", 10_000);
        limit.take("busy", 10_000);
        limit.take("busy", 10_000);
        for (int i = 0; i < WriteRateLimitFilter.SWEEP_EVERY; i++) {
            limit.take("late", 10_000);
        }
        assertThat(limit.trackedUsers()).isEqualTo(2);
        assertThat(limit.take("busy", 10_000)).as("the active person's limit still holds").isPositive();
    }
}
