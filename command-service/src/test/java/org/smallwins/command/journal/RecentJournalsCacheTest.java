package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecentJournalsCacheTest {

    @Test
    void keeps_the_most_recently_used_journals_up_to_its_size_and_forgets_the_least_recently_used() {
        RecentJournalsCache cache = new RecentJournalsCache(2);
        cache.put("ana", "journal of ana");
        cache.put("ben", "journal of ben");
        assertThat((String) cache.get("ana")).isEqualTo("journal of ana");

        cache.put("cleo", "journal of cleo");

        assertThat(cache.containsKey("ana")).as("used recently").isTrue();
        assertThat(cache.containsKey("ben")).as("least recently used").isFalse();
        assertThat(cache.containsKey("cleo")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void a_journal_dropped_after_a_failed_append_is_loaded_again_next_time() {
        RecentJournalsCache cache = new RecentJournalsCache(10);
        cache.put("ana", "stale journal of ana");
        assertThat(cache.remove("ana")).isTrue();
        assertThat((String) cache.get("ana")).isNull();
        assertThat(cache.putIfAbsent("ana", "fresh journal of ana")).isTrue();
        assertThat(cache.putIfAbsent("ana", "another")).isFalse();
        assertThat((String) cache.get("ana")).isEqualTo("fresh journal of ana");
    }
}
