package org.smallwins.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.DataKeyset;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CachedDataKeysTest {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    KeyEndpointStandIn endpoint;
    final AtomicLong now = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CachedDataKeys keys;

    @BeforeEach
    void start() throws Exception {
        endpoint = new KeyEndpointStandIn("token");
        endpoint.keys.put(
                "k-alice",
                new KeyEndpointStandIn.Key("alice", DataKeyset.generate().toBinary()));
        endpoint.keys.put(
                "k-bob", new KeyEndpointStandIn.Key("bob", DataKeyset.generate().toBinary()));
        endpoint.destroyed.add("k-erased");
        keys = new CachedDataKeys(
                new HttpDataKeyAccess(endpoint.url(), "token", Duration.ofSeconds(2), Duration.ofSeconds(2), 4),
                LIFETIME,
                1000,
                meters,
                now::get);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void a_batch_asks_for_each_key_once_and_the_next_batches_within_the_lifetime_ask_nothing() {
        keys.find(List.of("k-alice", "k-bob", "k-alice", "k-erased"));
        now.addAndGet(LIFETIME.minusSeconds(1).toNanos());
        keys.find(List.of("k-bob", "k-alice", "k-erased"));

        assertThat(endpoint.asked).containsExactlyInAnyOrder("k-alice", "k-bob", "k-erased");
        assertThat(meters.get("cache.gets")
                        .tag("cache", "data-keys")
                        .tag("result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(3.0);
    }

    @Test
    void after_the_lifetime_keys_are_asked_for_again_and_a_key_destroyed_meanwhile_is_seen_destroyed() {
        assertThat(keys.find(List.of("k-alice")).get("k-alice")).isInstanceOf(DataKey.Available.class);
        endpoint.destroyed.add("k-alice");

        now.addAndGet(LIFETIME.minusSeconds(1).toNanos());
        assertThat(keys.find(List.of("k-alice")).get("k-alice")).isInstanceOf(DataKey.Available.class);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(keys.find(List.of("k-alice")).get("k-alice")).isEqualTo(new DataKey.Destroyed("k-alice"));
        assertThat(endpoint.asked).containsExactly("k-alice", "k-alice");
    }

    @Test
    void unknown_keys_are_not_kept_and_are_asked_about_again() {
        keys.find(List.of("k-nobody"));
        keys.find(List.of("k-nobody"));

        assertThat(endpoint.asked).containsExactly("k-nobody", "k-nobody");
    }

    @Test
    void when_the_key_service_fails_nothing_is_kept_and_the_next_try_asks_again() {
        endpoint.failing = true;
        assertThatThrownBy(() -> keys.find(List.of("k-alice"))).isInstanceOf(KeyServiceUnavailable.class);
        endpoint.failing = false;

        assertThat(keys.find(List.of("k-alice")).get("k-alice")).isInstanceOf(DataKey.Available.class);
        assertThat(endpoint.asked).containsExactly("k-alice", "k-alice");
    }
}
