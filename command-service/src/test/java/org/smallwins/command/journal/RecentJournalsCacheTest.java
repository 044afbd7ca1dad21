package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecentJournalsCacheTest {

    /** Caffeine's maintenance (eviction) on the calling thread, so sizes are exact when asked. */
    static RecentJournalsCache cacheOf(int size) {
        return new RecentJournalsCache(Caffeine.newBuilder().executor(Runnable::run), size);
    }

    @Test
    void keeps_the_journals_in_use_up_to_its_size_and_forgets_ones_written_once_long_ago() {
        RecentJournalsCache cache = cacheOf(100);
        cache.put("ana", "journal of ana");
        for (int i = 0; i < 1_000; i++) {
            cache.put("person-" + i, "journal of person " + i);
            assertThat((String) cache.get("ana")).as("ana writes all the time").isEqualTo("journal of ana");
        }

        assertThat(cache.size()).isEqualTo(100);
        assertThat(cache.containsKey("ana")).as("used all the time").isTrue();
        assertThat(cache.containsKey("person-0")).as("written once, long ago").isFalse();
    }

    @Test
    void a_journal_dropped_after_a_failed_append_is_loaded_again_next_time() {
        RecentJournalsCache cache = cacheOf(10);
        cache.put("ana", "stale journal of ana");
        assertThat(cache.remove("ana")).isTrue();
        assertThat((String) cache.get("ana")).isNull();
        assertThat(cache.putIfAbsent("ana", "fresh journal of ana")).isTrue();
        assertThat(cache.putIfAbsent("ana", "another")).isFalse();
        assertThat((String) cache.get("ana")).isEqualTo("fresh journal of ana");
        cache.computeIfPresent("ana", (String journal) -> journal + ", one more entry");
        assertThat((String) cache.get("ana")).isEqualTo("fresh journal of ana, one more entry");
        cache.removeAll();
        assertThat(cache.containsKey("ana")).isFalse();
    }
}
