package org.smallwins.query.changes;

import java.time.Clock;
import java.time.Duration;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ChangesConfiguration {

    @Bean
    ChangeQueries changeQueries(ReadStore store) {
        return new ChangeQueries(store);
    }

    @Bean
    ChangeStreams changeStreams(
            ChangeQueries queries,
            Clock clock,
            @Value("${smallwins.changes.stream.per-person:3}") int perPerson,
            @Value("${smallwins.changes.stream.max-streams:1000}") int maxStreams,
            @Value("${smallwins.changes.stream.poll-interval:500ms}") Duration pollInterval,
            @Value("${smallwins.changes.stream.heartbeat:15s}") Duration heartbeat,
            @Value("${smallwins.changes.stream.max-lifetime:30m}") Duration maxLifetime,
            @Value("${smallwins.changes.stream.threads:2}") int threads) {
        return new ChangeStreams(
                queries,
                new ChangeStreams.Limits(perPerson, maxStreams, pollInterval, heartbeat, maxLifetime, 100, 5, threads),
                clock);
    }

    /**
     * Ends the open streams when the service stops, before the web server's graceful shutdown (a later phase stops
     * earlier), which would otherwise wait for them: their clients reconnect, elsewhere or here once it is back.
     */
    @Bean
    SmartLifecycle changeStreamsShutdown(ChangeStreams streams) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                streams.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
