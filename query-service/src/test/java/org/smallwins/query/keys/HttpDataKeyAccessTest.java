package org.smallwins.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.DataKeyset;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpDataKeyAccessTest {

    static final DataKeyset KEYSET = DataKeyset.generate();

    KeyEndpointStandIn endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = new KeyEndpointStandIn("s3cret-token");
        endpoint.keys.put("k-alice", new KeyEndpointStandIn.Key("alice", KEYSET.toBinary()));
        endpoint.keys.put("k-bob", new KeyEndpointStandIn.Key("bob", KEYSET.toBinary()));
        endpoint.destroyed.add("k-erased");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    HttpDataKeyAccess access(String token) {
        return new HttpDataKeyAccess(endpoint.url(), token, Duration.ofSeconds(2), Duration.ofMillis(800), 2);
    }

    @Test
    void live_destroyed_and_unknown_keys_are_told_apart_with_the_token_sent_as_a_bearer() throws Exception {
        Map<String, DataKey> keys = access("s3cret-token").find(List.of("k-alice", "k-erased", "k-nobody", "k-bob"));

        assertThat(keys).containsOnlyKeys("k-alice", "k-erased", "k-nobody", "k-bob");
        DataKey.Available alice = (DataKey.Available) keys.get("k-alice");
        assertThat(alice.userId()).isEqualTo("alice");
        byte[] sealed = KEYSET.seal("sealed by the command side".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(alice.keyset().open(sealed, new byte[0])).asString().isEqualTo("sealed by the command side");
        assertThat(alice.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEYSET.toBinary()));
        assertThat(keys.get("k-erased")).isEqualTo(new DataKey.Destroyed("k-erased"));
        assertThat(keys.get("k-nobody")).isEqualTo(new DataKey.Unknown("k-nobody"));
        assertThat(((DataKey.Available) keys.get("k-bob")).userId()).isEqualTo("bob");
        assertThat(endpoint.authorizations).containsOnly("Bearer s3cret-token");
    }

    @Test
    void a_refused_token_is_the_key_service_unavailable_and_the_message_holds_no_token() {
        assertThatThrownBy(() -> access("wrong-token").find(List.of("k-alice")))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("401")
                .hasMessageContaining("SMALLWINS_KEY_ACCESS_TOKEN")
                .hasMessageNotContaining("wrong-token")
                .hasMessageNotContaining("s3cret-token");
    }

    @Test
    void a_failing_key_service_is_unavailable_not_a_verdict_on_the_key() {
        endpoint.failing = true;

        assertThatThrownBy(() -> access("s3cret-token").find(List.of("k-alice")))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("500");
    }

    @Test
    void a_key_service_slower_than_the_request_timeout_is_unavailable() {
        endpoint.delay = Duration.ofSeconds(3);
        long started = System.nanoTime();

        assertThatThrownBy(() -> access("s3cret-token").find(List.of("k-alice")))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void an_answer_that_is_not_a_keyset_is_the_key_service_unavailable() {
        endpoint.keys.put("k-garbled", new KeyEndpointStandIn.Key("alice", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> access("s3cret-token").find(List.of("k-garbled")))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("not a keyset");
    }

    @Test
    void a_key_service_that_is_not_there_is_unavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpDataKeyAccess access = new HttpDataKeyAccess(
                URI.create("http://localhost:" + closed),
                "s3cret-token",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                4);

        assertThatThrownBy(() -> access.find(List.of("k-alice"))).isInstanceOf(KeyServiceUnavailable.class);
    }
}
