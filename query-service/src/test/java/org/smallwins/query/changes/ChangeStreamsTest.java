package org.smallwins.query.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.query.projection.JournalProjection;
import org.smallwins.query.readstore.ReadStore;

/** The streams' bounds on their own: lifetime, heartbeats, limits, gone clients, long backlogs, shutdown. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChangeStreamsTest {

    static MongoStandIn server;
    static MongoClient client;

    ReadStore store;
    JournalProjection projection;
    ChangeStreams streams;

    @BeforeAll
    static void start() {
        server = MongoStandIn.start(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshReadStore() {
        store = new ReadStore(client.getDatabase("streams-test"));
        store.wipe();
        store.ensureIndexes();
        projection = new JournalProjection(store);
    }

    @AfterEach
    void closeStreams() {
        if (streams != null) {
            streams.close();
        }
    }

    ChangeStreams streams(int perPerson, int maxStreams, Duration heartbeat, Duration maxLifetime, int pagesPerPoll) {
        streams = new ChangeStreams(
                new ChangeQueries(store),
                new ChangeStreams.Limits(
                        perPerson, maxStreams, Duration.ofMillis(20), heartbeat, maxLifetime, 100, pagesPerPoll, 2),
                Clock.systemUTC());
        return streams;
    }

    void wins(String user, int from, int to) {
        List<EventEnvelope> batch = new ArrayList<>();
        for (int sequence = from; sequence <= to; sequence++) {
            Instant at = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence);
            batch.add(new EventEnvelope(
                    UUID.randomUUID().toString(),
                    user,
                    sequence,
                    Occurred.at(at, ZoneId.of("Europe/Berlin")),
                    at,
                    "corr-" + sequence,
                    EventEnvelope.PLAIN_JSON,
                    new WinLogged("w" + sequence, "Today I " + sequence, FocusArea.REST, List.of())));
        }
        projection.apply(batch);
    }

    static Instant far() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    /** What a client received. */
    static class Recorded implements ChangeStreams.Sink {
        final List<Long> sequences = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger heartbeats = new AtomicInteger();
        final AtomicBoolean ended = new AtomicBoolean();
        volatile boolean gone;

        @Override
        public void send(Change change) throws Exception {
            if (gone) {
                throw new java.io.IOException("broken pipe");
            }
            sequences.add(change.sequence());
        }

        @Override
        public void heartbeat() throws Exception {
            if (gone) {
                throw new java.io.IOException("broken pipe");
            }
            heartbeats.incrementAndGet();
        }

        @Override
        public void end() {
            ended.set(true);
        }
    }

    @Test
    void a_long_backlog_is_sent_whole_and_in_order_a_page_at_a_time_then_each_new_change_as_it_is_projected() {
        wins("alice", 1, 250);
        Recorded client = new Recorded();
        streams(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(5), 1).open("alice", 20, far(), client);

        await().atMost(Duration.ofSeconds(20)).until(() -> client.sequences.size() == 230);
        wins("alice", 251, 252);
        await().atMost(Duration.ofSeconds(20)).until(() -> client.sequences.size() == 232);

        List<Long> expected = new ArrayList<>();
        for (long sequence = 21; sequence <= 252; sequence++) {
            expected.add(sequence);
        }
        assertThat(client.sequences).containsExactlyElementsOf(expected);
        assertThat(client.ended).isFalse();
    }

    @Test
    void a_stream_ends_at_its_maximum_lifetime_or_earlier_when_the_token_expires_and_frees_its_place() {
        ChangeStreams streams = streams(3, 10, Duration.ofSeconds(30), Duration.ofMillis(300), 5);
        Recorded lifetime = new Recorded();
        Recorded token = new Recorded();
        streams.open("alice", 0, far(), lifetime);
        ChangeStreams longLived = streams(3, 10, Duration.ofSeconds(30), Duration.ofHours(1), 5);
        longLived.open("bob", 0, Instant.now().plusMillis(300), token);

        await().atMost(Duration.ofSeconds(5)).until(() -> lifetime.ended.get() && token.ended.get());
        assertThat(streams.openStreams()).isZero();
        assertThat(longLived.openStreams("bob")).isZero();
        streams.close();
    }

    @Test
    void a_quiet_stream_sends_heartbeats() {
        Recorded client = new Recorded();
        streams(3, 10, Duration.ofMillis(50), Duration.ofMinutes(5), 5).open("alice", 0, far(), client);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.heartbeats.get() >= 3);
        assertThat(client.sequences).isEmpty();
    }

    @Test
    void a_client_that_is_gone_is_noticed_at_the_next_write_and_its_place_is_free_again() {
        ChangeStreams streams = streams(1, 10, Duration.ofMillis(50), Duration.ofMinutes(5), 5);
        Recorded client = new Recorded();
        streams.open("alice", 0, far(), client);
        assertThatThrownBy(() -> streams.open("alice", 0, far(), new Recorded()))
                .isInstanceOfSatisfying(
                        ChangeStreams.TooManyStreams.class,
                        e -> assertThat(e.ofThisPerson()).isTrue());

        client.gone = true;

        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams("alice") == 0);
        assertThat(client.ended).isTrue();
        Recorded again = new Recorded();
        streams.open("alice", 0, far(), again);
        assertThat(streams.openStreams()).isEqualTo(1);
    }

    @Test
    void beyond_the_services_limit_a_stream_is_refused_whoever_asks() {
        ChangeStreams streams = streams(3, 2, Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        streams.open("alice", 0, far(), new Recorded());
        streams.open("bob", 0, far(), new Recorded());

        assertThatThrownBy(() -> streams.open("carol", 0, far(), new Recorded()))
                .isInstanceOfSatisfying(
                        ChangeStreams.TooManyStreams.class,
                        e -> assertThat(e.ofThisPerson()).isFalse());
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThat(streams.openStreams("carol")).isZero();
    }

    @Test
    void a_closed_stream_sends_nothing_more_and_stopping_the_service_ends_every_open_stream() {
        ChangeStreams streams = streams(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        Recorded closedByClient = new Recorded();
        Recorded open = new Recorded();
        ChangeStreams.Stream closing = streams.open("alice", 0, far(), closedByClient);
        streams.open("alice", 0, far(), open);
        closing.close();
        wins("alice", 1, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> open.sequences.size() == 1);

        streams.close();

        assertThat(closedByClient.sequences).isEmpty();
        assertThat(open.ended).isTrue();
        assertThat(closedByClient.ended).as("the client ended it itself").isFalse();
        assertThat(streams.openStreams()).isZero();
    }
}
