package org.smallwins.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One open-loop step: commands are scheduled at fixed intended times (rate/s), whatever the service does; each
 * latency is measured from the intended start, so a stalled service is charged for the requests it delayed
 * (coordinated omission corrected). Readers and projection-lag tracers run at the same time.
 */
final class LoadStep {

    /** What is measured against: the write base URL, the read base URL, tokens by user. */
    record Target(
            String name,
            String writeUrl,
            String readUrl,
            List<String> users,
            Map<String, String> tokens,
            List<String> tracerUsers,
            KafkaTap tap,
            com.mongodb.client.MongoCollection<org.bson.Document> timeline) {}

    static final int MAX_IN_FLIGHT = 4_000;

    /** The write's answer header naming the journal sequence it left (service-platform's {@code JournalSequence}). */
    static final String JOURNAL_SEQUENCE = "Journal-Sequence";

    final Latencies commandLatency = new Latencies();
    final Latencies timelineLatency = new Latencies();
    final Latencies trendLatency = new Latencies();
    final Latencies lag = new Latencies();
    final Latencies relayLag = new Latencies();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong readErrors = new AtomicLong();
    final AtomicLong lagTimeouts = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    final AtomicLong lastCompletionNanos = new AtomicLong();
    long sent;
    long startNanos;
    double wallSeconds;

    private final HttpClient http;
    private final Target target;

    LoadStep(HttpClient http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Runs {@code rate} commands/s for {@code seconds} plus readers at {@code readRate}/s; returns when all answered. */
    void run(int rate, int seconds, int readRate, boolean tracers, Consumer<String> progress)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        Thread readers = start("readers", () -> readers(readRate, seconds, running));
        List<Thread> tracerThreads = tracers
                ? target.tracerUsers().stream()
                        .map(u -> start("tracer", () -> tracer(u, running)))
                        .toList()
                : List.of();
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        long nextReport = startNanos + TimeUnit.SECONDS.toNanos(10);
        for (long i = 0; i < total; i++) {
            long intended = startNanos + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int user = ThreadLocalRandom.current().nextInt(target.users().size());
            Workload.Command command = Workload.next(user);
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.writeUrl() + command.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header(
                            "Authorization",
                            "Bearer " + target.tokens().get(target.users().get(user)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(command.body()))
                    .build();
            sent++;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                lastCompletionNanos.accumulateAndGet(now, Math::max);
                if (failure == null && (response.statusCode() == 201 || response.statusCode() == 200)) {
                    ok.incrementAndGet();
                    commandLatency.add((now - intended) / 1_000);
                } else {
                    errors.incrementAndGet();
                    String kind =
                            failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                }
                inFlight.release();
            });
            if (System.nanoTime() > nextReport) {
                progress.accept(String.format(
                        "    %s @%d/s: %ds, %d sent, %d ok, %d errors, %d in flight",
                        target.name(),
                        rate,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos),
                        sent,
                        ok.get(),
                        errors.get(),
                        MAX_IN_FLIGHT - inFlight.availablePermits()));
                nextReport += TimeUnit.SECONDS.toNanos(10);
            }
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            progress.accept("    some commands still unanswered after 60 s; counted as errors");
        } else {
            inFlight.release(MAX_IN_FLIGHT);
        }
        long unanswered = sent - ok.get() - errors.get();
        if (unanswered > 0) {
            errors.addAndGet(unanswered);
            errorKinds.computeIfAbsent("unanswered", k -> new AtomicLong()).addAndGet(unanswered);
        }
        running.set(false);
        readers.join();
        for (Thread t : tracerThreads) {
            t.join();
        }
        wallSeconds = Math.max(seconds, (lastCompletionNanos.get() - startNanos) / 1e9);
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    double achievedPerSecond() {
        return ok.get() / wallSeconds;
    }

    double errorRate() {
        return sent == 0 ? 0 : errors.get() / (double) sent;
    }

    private void readers(int readRate, int seconds, AtomicBoolean running) {
        if (readRate <= 0) {
            return;
        }
        double interval = 1e9 / readRate;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(500);
        long total = (long) readRate * seconds;
        for (long i = 0; i < total && running.get(); i++) {
            long intended = startNanos + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                readErrors.incrementAndGet();
                continue;
            }
            String user = target.users()
                    .get(ThreadLocalRandom.current().nextInt(target.users().size()));
            boolean timeline = (i & 1) == 0;
            String path = timeline ? "/api/timeline?limit=20" : "/api/trends/weeks/current";
            Latencies into = timeline ? timelineLatency : trendLatency;
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.readUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + target.tokens().get(user))
                    .GET()
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() == 200) {
                    into.add((System.nanoTime() - intended) / 1_000);
                } else {
                    readErrors.incrementAndGet();
                }
                inFlight.release();
            });
        }
        try {
            inFlight.tryAcquire(500, 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logs a win for a dedicated user, then polls that user's timeline until it shows; lag = visible − accepted. */
    private void tracer(String user, AtomicBoolean running) {
        String token = "Bearer " + target.tokens().get(user);
        HttpRequest poll = HttpRequest.newBuilder(URI.create(target.readUrl() + "/api/timeline?limit=1"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", token)
                .GET()
                .build();
        while (running.get()) {
            try {
                Workload.Command win =
                        Workload.win(0, java.util.UUID.randomUUID().toString());
                HttpResponse<Void> accepted = http.send(
                        HttpRequest.newBuilder(URI.create(target.writeUrl() + win.path()))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(win.body()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                long acceptedAt = System.nanoTime();
                if (accepted.statusCode() != 201) {
                    Thread.sleep(100);
                    continue;
                }
                boolean seen = false;
                long deadline = acceptedAt + TimeUnit.SECONDS.toNanos(60);
                if (target.tap() != null) {
                    // Small Wins: wait for the event on the topic (its event id), then for its timeline document in the
                    // read store, looked up by _id: cheap, so the tracer does not load the stand-in it measures.
                    // The topic's record is known by person and journal sequence (clear even when the payload is
                    // sealed), which the write answers in its Journal-Sequence header.
                    long sequence = accepted.headers()
                            .firstValueAsLong(JOURNAL_SEQUENCE)
                            .orElse(-1);
                    KafkaTap.Arrival onTopic = null;
                    while (sequence > 0 && onTopic == null && System.nanoTime() < deadline) {
                        onTopic = target.tap().arrival(user, sequence);
                        if (onTopic == null) {
                            Thread.sleep(2);
                        }
                    }
                    if (onTopic != null) {
                        relayLag.add(Math.max(0, onTopic.nanos() - acceptedAt) / 1_000);
                        while (System.nanoTime() < deadline) {
                            if (target.timeline()
                                            .find(new org.bson.Document("_id", onTopic.eventId()))
                                            .first()
                                    != null) {
                                lag.add((System.nanoTime() - acceptedAt) / 1_000);
                                seen = true;
                                break;
                            }
                            Thread.sleep(5);
                        }
                    }
                } else {
                    String needle = "\"id\":\"" + win.entryId() + "\"";
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> page = http.send(poll, HttpResponse.BodyHandlers.ofString());
                        if (page.statusCode() == 200 && page.body().contains(needle)) {
                            lag.add((System.nanoTime() - acceptedAt) / 1_000);
                            seen = true;
                            break;
                        }
                        Thread.sleep(10);
                    }
                }
                if (!seen) {
                    lagTimeouts.incrementAndGet();
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lagTimeouts.incrementAndGet();
            }
        }
    }
}
