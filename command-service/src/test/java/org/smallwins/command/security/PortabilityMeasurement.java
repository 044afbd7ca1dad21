package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalEventCodec;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;

/**
 * A measurement, not part of the suite (run it with {@code -Dtest=PortabilityMeasurement}): a 100,000-event export file
 * imported over HTTP into a new journal on the real event store (sealed), then exported again over HTTP, with the time
 * of each and the service JVM's heap in use, sampled while the export streams.
 */
@org.springframework.test.context.TestPropertySource(properties = "smallwins.import.chunk-size=2000")
class PortabilityMeasurement extends CommandServiceHttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    static final int EVENTS = 100_000;

    @Test
    void a_journal_of_100000_events_imports_and_exports_over_http() throws Exception {
        String user = "measure-" + UUID.randomUUID();
        String token = CommandServiceStack.TOKENS.mint(user);
        Path file = Files.createTempFile("export-100k", ".json");
        JournalEventCodec codec = new JournalEventCodec();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,\"events\":[");
            for (int i = 0; i < EVENTS; i++) {
                LocalDate day = LocalDate.of(1950, 1, 1).plusDays(i / 5);
                var occurred = new Occurred(day.atStartOfDay(berlin).toInstant(), day, berlin.getId());
                EventEnvelope envelope = new EventEnvelope(
                        "e" + i,
                        "elsewhere",
                        i + 1,
                        occurred,
                        occurred.instant(),
                        "c",
                        EventEnvelope.PLAIN_JSON,
                        new WinLogged(
                                "win-" + i,
                                "Today I kept a long journal, entry number " + i,
                                FocusArea.values()[i % FocusArea.values().length],
                                List.of("tag" + i % 11)));
                out.write(i == 0 ? "" : ",");
                out.write(new String(codec.encode(envelope), StandardCharsets.UTF_8));
            }
            out.write("]}");
        }
        HttpClient http = HttpClient.newHttpClient();
        long importStart = System.nanoTime();
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/import"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        // The old generation's use after each collection: what survives, i.e. what the export holds on to.
        var oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().contains("Old Gen") && p.getCollectionUsage() != null)
                .findFirst()
                .orElseThrow();
        long oldBefore = oldGen.getCollectionUsage().getUsed();
        AtomicLong oldPeak = new AtomicLong(oldBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                oldPeak.accumulateAndGet(oldGen.getCollectionUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long exportStart = System.nanoTime();
        HttpResponse<InputStream> export = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/export"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = export.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        sampler.interrupt();

        System.out.printf(
                "MEASURED import of %,d events (%,d bytes): %.1f s (%,.0f events/s); export (%,d bytes): %.1f s "
                        + "(%,.0f events/s); heap in use before export %,d MB, peak during %,d MB (garbage included); "
                        + "old generation after collections: %,d MB before, at most %,d MB during (chunk size %s)%n",
                EVENTS,
                Files.size(file),
                importSeconds,
                EVENTS / importSeconds,
                bytes,
                exportSeconds,
                EVENTS / exportSeconds,
                heapBefore >> 20,
                peak.get() >> 20,
                oldBefore >> 20,
                oldPeak.get() >> 20,
                environment.getProperty("smallwins.import.chunk-size"));
        Files.delete(file);
        assertThat(bytes).isGreaterThan(Files.exists(file) ? 0 : EVENTS * 300L);
    }
}
