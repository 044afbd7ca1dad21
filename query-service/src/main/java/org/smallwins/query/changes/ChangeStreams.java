package org.smallwins.query.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live streams of a person's changes: each open stream sends the backlog after its starting sequence, then every change
 * as it is projected. It polls the read store on a short interval (the person's position: one small document by its
 * exact {@code _id}; the changes themselves only when the position moved), because with several query-service instances
 * the one holding a connection is often not the one projecting that person's partition, and the store is the one place
 * every instance sees.
 *
 * <p>Bounded in every direction: at most {@code perPerson} open streams per person and {@code maxStreams} in all (more is
 * refused before anything is sent), a heartbeat comment after {@code heartbeat} of silence (so proxies keep the
 * connection and a dead client is noticed at the next write), a maximum lifetime after which the stream ends and the
 * client reconnects (resuming exactly from the last id it received), and a fixed pool of {@code threads} threads for all
 * streams (a stream holds no thread between its polls). At most {@code pageSize} changes are read at a time, and a
 * poll sends at most {@code pagesPerPoll} pages, so one long backlog does not hold a thread the others need.
 */
public class ChangeStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreams.class);

    /** Where a stream's changes go: the HTTP response (server-sent events), or a test's list. */
    public interface Sink {
        /** Sends one change; throws when the client is gone. */
        void send(Change change) throws Exception;

        /** Sends a comment that keeps the connection alive; throws when the client is gone. */
        void heartbeat() throws Exception;

        /** Ends the stream (its lifetime is over, or the service stops). */
        void end();

        /** A sink of three functions (so a web layer can make one of lambdas). */
        static Sink of(Send send, Write heartbeat, Runnable end) {
            return new Sink() {
                @Override
                public void send(Change change) throws Exception {
                    send.send(change);
                }

                @Override
                public void heartbeat() throws Exception {
                    heartbeat.write();
                }

                @Override
                public void end() {
                    end.run();
                }
            };
        }

        /** Sends one change. */
        @FunctionalInterface
        interface Send {
            void send(Change change) throws Exception;
        }

        /** Writes something that is not a change. */
        @FunctionalInterface
        interface Write {
            void write() throws Exception;
        }
    }

    /** Too many streams are open: for this person ({@code perPerson}), or in all. */
    public static class TooManyStreams extends RuntimeException {
        private final boolean ofThisPerson;

        TooManyStreams(boolean ofThisPerson) {
            super("too many streams", null, false, false);
            this.ofThisPerson = ofThisPerson;
        }

        /** True when the person has too many open; false when the service has. */
        public boolean ofThisPerson() {
            return ofThisPerson;
        }
    }

    /** The settings of {@link ChangeStreams}. */
    public record Limits(
            int perPerson,
            int maxStreams,
            Duration pollInterval,
            Duration heartbeat,
            Duration maxLifetime,
            int pageSize,
            int pagesPerPoll,
            int threads) {}

    private final ChangeQueries queries;
    private final Limits limits;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Integer> openPerPerson = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    public ChangeStreams(ChangeQueries queries, Limits limits, Clock clock) {
        this.queries = queries;
        this.limits = limits;
        this.clock = clock;
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "change-streams-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.scheduler = Executors.newScheduledThreadPool(limits.threads(), threads);
    }

    public Limits limits() {
        return limits;
    }

    /** Streams open now (all people). */
    public int openStreams() {
        return open.get();
    }

    /**
     * Opens a stream of the person's changes after sequence {@code after}, ending at {@code endsAt} at the latest (never
     * later than the maximum lifetime from now).
     *
     * @return the stream, to close when the client goes
     * @throws TooManyStreams the person, or the service, has the most streams open already
     */
    public Stream open(String userId, long after, Instant endsAt, Sink sink) {
        boolean[] taken = {false};
        openPerPerson.compute(userId, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limits.perPerson()) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            throw new TooManyStreams(true);
        }
        if (open.incrementAndGet() > limits.maxStreams()) {
            open.decrementAndGet();
            release(userId);
            throw new TooManyStreams(false);
        }
        Instant latestEnd = clock.instant().plus(limits.maxLifetime());
        Stream stream = new Stream(userId, after, endsAt.isBefore(latestEnd) ? endsAt : latestEnd, sink);
        streams.add(stream);
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(
                stream::poll, 0, limits.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        stream.poll = poll;
        if (stream.closed.get()) {
            poll.cancel(false); // it ended in its first poll, before it knew its schedule
        }
        return stream;
    }

    private void release(String userId) {
        openPerPerson.computeIfPresent(userId, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** Streams open now for this person. */
    public int openStreams(String userId) {
        return openPerPerson.getOrDefault(userId, 0);
    }

    /** Ends every open stream (their clients reconnect, to another instance or this one once it is back). */
    @Override
    public void close() {
        for (Stream stream : streams) {
            stream.end();
        }
        scheduler.shutdownNow();
    }

    /** One open stream. */
    public final class Stream {
        private final String userId;
        private final Instant endsAt;
        private final Sink sink;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long sent;
        private Instant lastWrite;
        private volatile ScheduledFuture<?> poll;

        private Stream(String userId, long after, Instant endsAt, Sink sink) {
            this.userId = userId;
            this.sent = after;
            this.endsAt = endsAt;
            this.sink = sink;
            this.lastWrite = clock.instant();
        }

        /** One poll: the end of its lifetime, new changes, or a heartbeat after a silence. Never two at once. */
        private void poll() {
            if (closed.get()) {
                return;
            }
            try {
                if (!clock.instant().isBefore(endsAt)) {
                    end();
                    return;
                }
                boolean wrote = false;
                // one small read of the position tells whether anything is new; after that, the pages say whether
                // more follow (each page reads the position itself), so the position is not read twice per page
                int pages = queries.latest(userId) > sent ? limits.pagesPerPoll() : 0;
                for (int page = 0; page < pages; page++) {
                    ChangePage changes = queries.page(userId, sent, limits.pageSize());
                    for (Change change : changes.items()) {
                        sink.send(change);
                        wrote = true;
                    }
                    sent = changes.nextAfter();
                    if (!changes.hasMore()) {
                        break;
                    }
                }
                Instant now = clock.instant();
                if (wrote) {
                    lastWrite = now;
                } else if (!now.isBefore(lastWrite.plus(limits.heartbeat()))) {
                    sink.heartbeat();
                    lastWrite = now;
                }
            } catch (Exception e) {
                // The client is gone (a write failed), or the read store is: the client reconnects and resumes.
                log.debug("A change stream ended early ({})", e.getClass().getName());
                close();
                sink.end();
            }
        }

        /** The sequence of the last change this stream sent (or the one it started after). */
        public long sent() {
            return sent;
        }

        private void end() {
            if (close()) {
                sink.end();
            }
        }

        /** Stops polling and frees the stream's place; the first call answers true. */
        public boolean close() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> scheduled = poll;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            streams.remove(this);
            open.decrementAndGet();
            release(userId);
            return true;
        }
    }
}
