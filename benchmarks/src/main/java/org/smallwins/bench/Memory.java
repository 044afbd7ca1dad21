package org.smallwins.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Resident memory (VmRSS from /proc) of named processes, sampled every second; keeps the peak per name. */
final class Memory implements AutoCloseable {

    private final Map<String, Supplier<long[]>> processes = new LinkedHashMap<>();
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    Memory() {
        sampler = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.setDaemon(true);
    }

    /** @param pids gives the pids whose RSS is summed under {@code name} */
    synchronized void watch(String name, Supplier<long[]> pids) {
        processes.put(name, pids);
    }

    synchronized void unwatch(String name) {
        processes.remove(name);
    }

    void start() {
        sampler.start();
    }

    synchronized void sample() {
        processes.forEach((name, pids) -> {
            long kb = 0;
            for (long pid : pids.get()) {
                kb += rssKb(pid);
            }
            if (kb > 0) {
                peakKb.merge(name, kb, Math::max);
            }
        });
    }

    /** Peak RSS in MiB per name since the last reset, then resets. */
    synchronized Map<String, Long> peaksMiBAndReset() {
        sample();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : processes.keySet()) {
            Long kb = peakKb.get(name);
            if (kb != null) {
                out.put(name, kb / 1024);
            }
        }
        peakKb.clear();
        return out;
    }

    private final Map<String, Long> cpuStart = new ConcurrentHashMap<>();
    private long cpuStartNanos;

    /** Starts CPU accounting for every watched name. */
    synchronized void startCpu() {
        cpuStart.clear();
        processes.forEach((name, pids) -> cpuStart.put(name, cpuTicks(pids.get())));
        cpuStartNanos = System.nanoTime();
    }

    /** CPU used since {@link #startCpu()}, in % of one core, per name (user + system time from /proc). */
    synchronized Map<String, Long> cpuPercent() {
        double seconds = (System.nanoTime() - cpuStartNanos) / 1e9;
        Map<String, Long> out = new LinkedHashMap<>();
        processes.forEach((name, pids) -> {
            Long start = cpuStart.get(name);
            if (start != null) {
                out.put(name, Math.round((cpuTicks(pids.get()) - start) / 100.0 / seconds * 100));
            }
        });
        return out;
    }

    static long cpuTicks(long[] pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception gone) {
                // process ended
            }
        }
        return ticks;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception gone) {
            // process ended
        }
        return 0;
    }

    /** The postmaster and all its children. */
    static long[] withDescendants(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                        .mapToLong(ProcessHandle::pid)
                        .toArray())
                .orElse(new long[0]);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
