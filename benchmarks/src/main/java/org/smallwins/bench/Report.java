package org.smallwins.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The end of a run: one markdown table (plus ratios, ceilings and rebuild) and one JSON file under benchmarks/results. */
final class Report {

    private static final String STAND_IN = "†";

    private Report() {}

    static void write(
            Map<String, Object> report, List<Benchmark.StepRow> rows, int p99Bound, Path dir, Consumer<String> out)
            throws Exception {
        Map<String, Object> ratios = ratios(rows, p99Bound);
        report.put("ratios", ratios);
        StringBuilder md = new StringBuilder();
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        md.append("Machine: ")
                .append(machine.get("cores"))
                .append(" cores (")
                .append(machine.get("cpu"))
                .append("), ")
                .append(machine.get("memoryGiB"))
                .append(" GiB, ")
                .append(machine.get("jvm"))
                .append(", ")
                .append(machine.get("date"))
                .append(". Load generator, Kafka broker, MongoDB stand-in, PostgreSQL and the "
                        + "services share these cores.\n\n");
        md.append(
                "| System | Offered cmd/s | Accepted cmd/s | Errors | Cmd p50 / p95 / p99 ms | Timeline p50 / p99 ms | "
                        + "Weekly trend p50 / p99 ms | Projection lag p50 / p99 ms | of which accepted → on topic p50 / p99 ms | Peak RSS MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        StringBuilder cpu = new StringBuilder("\nCPU per process during each step, % of one core (the machine has ")
                .append(machine.get("cores"))
                .append(" cores; harness = load generator + Kafka broker + MongoDB stand-in):\n\n"
                        + "| System | Offered cmd/s | CPU % |\n|---|---:|---|\n");
        for (Benchmark.StepRow r : rows) {
            boolean ours = r.system().equals("small-wins");
            String mark = ours ? " " + STAND_IN : "";
            md.append("| ")
                    .append(ours ? "Small Wins" : "CRUD baseline")
                    .append(" | ")
                    .append(r.offered())
                    .append(" | ")
                    .append(String.format("%.0f", r.achieved()))
                    .append(r.saturated() ? " (saturated: " + r.saturation() + ")" : "")
                    .append(" | ")
                    .append(r.errors())
                    .append(String.format(" (%.2f%%)", r.errorPct()))
                    .append(" | ")
                    .append(f(r.p50()))
                    .append(" / ")
                    .append(f(r.p95()))
                    .append(" / ")
                    .append(f(r.p99()))
                    .append(" | ")
                    .append(f(r.timelineP50()))
                    .append(" / ")
                    .append(f(r.timelineP99()))
                    .append(mark)
                    .append(" | ")
                    .append(f(r.trendP50()))
                    .append(" / ")
                    .append(f(r.trendP99()))
                    .append(mark)
                    .append(" | ")
                    .append(f(r.lagP50()))
                    .append(" / ")
                    .append(f(r.lagP99()))
                    .append(mark)
                    .append(" (n=")
                    .append(r.lagSamples())
                    .append(")")
                    .append(" | ")
                    .append(ours ? f(r.relayLagP50()) + " / " + f(r.relayLagP99()) : "–")
                    .append(" | ")
                    .append(rss(r.rssMiB()))
                    .append(" |\n");
            cpu.append("| ")
                    .append(ours ? "Small Wins" : "CRUD baseline")
                    .append(" | ")
                    .append(r.offered())
                    .append(" | ")
                    .append(rss(r.cpuPercentOfOneCore()))
                    .append(" |\n");
        }
        md.append(cpu);
        md.append(cpuPerCommandTable(rows, ratios));
        md.append("\n")
                .append(STAND_IN)
                .append(
                        " depends on the MongoDB stand-in (in-JVM mongo-java-server, not MongoDB). "
                                + "CRUD reads come from PostgreSQL; its \"lag\" is the same tracer (write, then poll the timeline until it shows).\n\n");
        md.append("**Ratios (Small Wins / CRUD, same run).** ");
        md.append("Highest step sustained with p99 ≤ ")
                .append(p99Bound)
                .append(" ms, < 1% errors and ≥ 90% of offered accepted: ")
                .append("Small Wins ")
                .append(ratios.get("sustainedSmallWins"))
                .append(" cmd/s, CRUD ")
                .append(ratios.get("sustainedCrud"))
                .append(" cmd/s → throughput ratio at equal p99 **")
                .append(ratios.get("throughputRatioAtEqualP99"))
                .append("**.\n\n");
        md.append("| Offered cmd/s | Accepted ratio | p50 ratio | p99 ratio | Timeline p99 ratio ")
                .append(STAND_IN)
                .append(" | Trend p99 ratio ")
                .append(STAND_IN)
                .append(" |\n|---:|---:|---:|---:|---:|---:|\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perStep = (List<Map<String, Object>>) ratios.get("perStep");
        for (Map<String, Object> s : perStep) {
            md.append("| ")
                    .append(s.get("offered"))
                    .append(" | ")
                    .append(s.get("accepted"))
                    .append(" | ")
                    .append(s.get("p50"))
                    .append(" | ")
                    .append(s.get("p99"))
                    .append(" | ")
                    .append(s.get("timelineP99"))
                    .append(" | ")
                    .append(s.get("trendP99"))
                    .append(" |\n");
        }
        Object ceilings = report.get("ceilings");
        if (ceilings instanceof Map<?, ?> c) {
            md.append(
                            "\n**Component ceilings (same run).** PostgreSQL single-row INSERT transactions/s (autocommit, server settings as for the services: "
                                    + report.get("postgres") + "): ")
                    .append(c.get("postgresInsertTxPerSecond_1conn"))
                    .append(" with 1 connection, ")
                    .append(c.get("postgresInsertTxPerSecond_8conn"))
                    .append(" with 8. Kafka producer records/s (acks=all, idempotent, "
                            + "the command-service's settings): ")
                    .append(c.get("kafkaProducerRecordsPerSecond_pipelined"))
                    .append(" pipelined, ")
                    .append(c.get("kafkaProducerRecordsPerSecond_sendAndWait"))
                    .append(" waiting for each send (as the relay did).\n");
            if (c.get("eventStoreAppendsPerSecond_1perTx_1conn") != null) {
                md.append(String.format(
                        "%n**Event store write ceiling (same run, same PostgreSQL).** Appends shaped like Axon's JDBC "
                                + "event store: DomainEventEntry rows (its primary key and both unique constraints: "
                                + "aggregate + sequence, event id), payload %s B and metadata %s B (the run's own "
                                + "averages), each connection appending to its own 1,000 aggregates in sequence. "
                                + "Events/s:%n%n| Events per transaction | 1 connection | 8 connections |%n"
                                + "|---:|---:|---:|%n| 1 (one command, one event) | %s | %s |%n"
                                + "| 100 (JDBC batch) | %s | %s |%n",
                        c.get("eventStoreAppendPayloadBytes"),
                        c.get("eventStoreAppendMetaDataBytes"),
                        c.get("eventStoreAppendsPerSecond_1perTx_1conn"),
                        c.get("eventStoreAppendsPerSecond_1perTx_8conn"),
                        c.get("eventStoreAppendsPerSecond_100perTx_1conn"),
                        c.get("eventStoreAppendsPerSecond_100perTx_8conn")));
            }
        }
        if (report.get("eventStore") instanceof Map<?, ?> e) {
            md.append(String.format(
                    "%n**The run's event store after the load steps.** %s events in Axon's DomainEventEntry; average "
                            + "payload %s B, metadata %s B; %s bytes on disk per event (table, indexes and TOAST: "
                            + "%s bytes in all, of which the table %s).%n",
                    e.get("events"),
                    e.get("avgPayloadBytes"),
                    e.get("avgMetaDataBytes"),
                    e.get("bytesPerEventOnDisk"),
                    e.get("totalBytes"),
                    e.get("heapBytes")));
        }
        if (report.get("journalTopic") instanceof Map<?, ?> t) {
            md.append(String.format(
                    "%n**The journal topic after the load steps.** %s records, %s bytes in the broker's log: %s bytes "
                            + "per record.%n",
                    t.get("records"), t.get("bytes"), t.get("bytesPerRecord")));
        }
        if (report.get("idleRssMiB") instanceof Map<?, ?> idle) {
            long total = idle.values().stream()
                    .mapToLong(v -> ((Number) v).longValue())
                    .sum();
            StringBuilder each = new StringBuilder();
            idle.forEach((k, v) -> each.append(each.length() == 0 ? "" : "; ")
                    .append(shortName((String) k))
                    .append(' ')
                    .append(v));
            md.append(String.format(
                    "%n**Idle RSS after start, before any load (peak over 10 s, MiB).** %s: %,d MiB in all (the "
                            + "harness JVM holds the Kafka broker and the MongoDB stand-in %s, and the load generator).%n",
                    each, total, STAND_IN));
        }
        if (report.get("queryScaling") instanceof List<?> scaling && !scaling.isEmpty()) {
            md.append(String.format(
                    "%n**Query-side scaling, 1 → 2 query-service instances %s.** The projection driven to its ceiling: "
                            + "every event on the journal topic (6 partitions) is a backlog that 1, then 2 fresh "
                            + "instances (one consumer group, an empty read-store database) project until every "
                            + "partition's checkpoint has reached the topic's end. Both instances share the one in-JVM "
                            + "MongoDB stand-in (in the harness JVM) and the same 2 cores.%n%n"
                            + "| Instances | Events | Events/s applied | Projecting s (start → first checkpoint s) | "
                            + "Partitions caught up after s | CPU %% of one core per instance | Harness (stand-in) "
                            + "CPU %% | PostgreSQL CPU %% | Everything else on the machine CPU %% | CPU per event: instances / "
                            + "harness µs | Peak RSS MiB per instance |%n|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|%n",
                    STAND_IN));
            for (Object o : scaling) {
                QueryScaling.Result r = (QueryScaling.Result) o;
                md.append(String.format(
                        "| %d | %,d | %,.0f%s | %.1f (%.1f) | %s | %s | %d | %d | %d | %.0f / %.0f | %d |%n",
                        r.instances(),
                        r.applied(),
                        r.eventsPerSecond(),
                        r.complete() ? "" : " (INCOMPLETE, timed out)",
                        r.secondsProjecting(),
                        r.secondsToFirstProgress(),
                        r.partitionCaughtUpAfterSeconds().values(),
                        r.cpuPercentOfOneCorePerInstance(),
                        r.harnessCpuPercentOfOneCore(),
                        r.postgresCpuPercentOfOneCore(),
                        r.everythingElseCpuPercentOfOneCore(),
                        r.instanceCpuMicrosPerEvent(),
                        r.harnessCpuMicrosPerEvent(),
                        r.peakRssMiBPerInstance()));
            }
            if (scaling.size() >= 2) {
                QueryScaling.Result one = (QueryScaling.Result) scaling.get(0);
                QueryScaling.Result two = (QueryScaling.Result) scaling.get(scaling.size() - 1);
                String factor = one.eventsPerSecond() == 0
                        ? "n/a"
                        : String.format("%.2f", two.eventsPerSecond() / one.eventsPerSecond());
                report.put("queryScalingFactor", factor);
                md.append(String.format(
                        "%n%d → %d instances: **%s×** the events/s %s.%n", 1, two.instances(), factor, STAND_IN));
            }
        }
        Object rebuild = report.get("rebuild");
        if (rebuild instanceof Rebuild.Result r) {
            md.append(String.format(
                    "%n**Rebuild %s.** %,d events (%,d synthetic envelopes produced with JournalEventCodec over "
                            + "1,000 users plus the events already on the topic) projected into an empty read store by a fresh query-service: "
                            + "%,d applied in %.0f s from process start, %.0f s projecting, **%,.0f events/s**, %,d timeline documents, peak RSS "
                            + "%d MiB%s.%n",
                    STAND_IN + " (MongoDB stand-in)",
                    r.topicEvents(),
                    r.produced(),
                    r.applied(),
                    r.secondsTotal(),
                    r.secondsProjecting(),
                    r.eventsPerSecond(),
                    r.timelineDocuments(),
                    r.peakRssMiB(),
                    r.complete() ? "" : " — INCOMPLETE, timed out"));
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(dir);
        Path mdFile = dir.resolve("run-" + stamp + ".md");
        Path jsonFile = dir.resolve("run-" + stamp + ".json");
        report.put("table", md.toString());
        Files.writeString(mdFile, md.toString());
        Files.writeString(jsonFile, Benchmark.json().writeValueAsString(report));
        out.accept("");
        out.accept(md.toString());
        out.accept("Written " + mdFile + " and " + jsonFile);
    }

    /** CPU time per accepted command in ms, per process name, from a step's CPU % of one core and accepted rate. */
    static Map<String, Double> cpuMillisPerCommand(Benchmark.StepRow r) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r.achieved() <= 0) {
            return out;
        }
        r.cpuPercentOfOneCore().forEach((name, percent) -> {
            if (!name.equals("everything else on the machine")) {
                out.put(name, percent / 100.0 * 1000.0 / r.achieved());
            }
        });
        return out;
    }

    /**
     * The side's own CPU per accepted command in ms: its services and PostgreSQL (Small Wins: command-service,
     * query-service, PostgreSQL; CRUD: crud-baseline, PostgreSQL), without the harness JVM (load generator, and for
     * Small Wins also the Kafka broker and the MongoDB stand-in), which is given separately.
     */
    static double sideMillisPerCommand(Benchmark.StepRow r) {
        Map<String, Double> ms = cpuMillisPerCommand(r);
        boolean ours = r.system().equals("small-wins");
        double side = ms.getOrDefault("PostgreSQL (all processes)", 0.0);
        if (ours) {
            side += ms.getOrDefault("command-service", 0.0) + ms.getOrDefault("query-service", 0.0);
        } else {
            side += ms.getOrDefault("crud-baseline", 0.0);
        }
        return side;
    }

    private static double harnessMillisPerCommand(Benchmark.StepRow r) {
        return cpuMillisPerCommand(r).entrySet().stream()
                .filter(e -> e.getKey().startsWith("harness"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static String cpuPerCommandTable(List<Benchmark.StepRow> rows, Map<String, Object> ratios) {
        StringBuilder b = new StringBuilder(
                "\nCPU per accepted command, ms (CPU % of one core ÷ accepted commands/s, the step's reads included; "
                        + "side = the system's own "
                        + "processes: Small Wins command-service + query-service + PostgreSQL, CRUD crud-baseline + "
                        + "PostgreSQL; the harness JVM is the load generator for both, and for Small Wins also the Kafka "
                        + "broker and the MongoDB stand-in " + STAND_IN + "):\n\n"
                        + "| System | Offered cmd/s | command-service | query-service | crud-baseline | PostgreSQL | "
                        + "Side total | Harness | Side + harness |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Benchmark.StepRow r : rows) {
            Map<String, Double> ms = cpuMillisPerCommand(r);
            double side = sideMillisPerCommand(r);
            double harness = harnessMillisPerCommand(r);
            b.append(String.format(
                    "| %s | %d | %s | %s | %s | %s | **%s** | %s | %s |%n",
                    r.system().equals("small-wins") ? "Small Wins" : "CRUD baseline",
                    r.offered(),
                    ms3(ms.get("command-service")),
                    ms3(ms.get("query-service")),
                    ms3(ms.get("crud-baseline")),
                    ms3(ms.get("PostgreSQL (all processes)")),
                    ms3(side),
                    ms3(harness),
                    ms3(side + harness)));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perStep = (List<Map<String, Object>>) ratios.get("perStep");
        if (!perStep.isEmpty()) {
            b.append("\nCPU per accepted command, Small Wins / CRUD (same step): ");
            StringBuilder list = new StringBuilder();
            for (Map<String, Object> s : perStep) {
                list.append(list.length() == 0 ? "" : "; ")
                        .append(s.get("offered"))
                        .append("/s: side ")
                        .append(s.get("cpuPerCommandSide"))
                        .append("×, side + harness ")
                        .append(s.get("cpuPerCommandWithHarness"))
                        .append("×");
            }
            b.append(list).append(".\n");
        }
        return b.toString();
    }

    private static String ms3(Double v) {
        return v == null ? "–" : String.format("%.2f", v);
    }

    private static Map<String, Object> ratios(List<Benchmark.StepRow> rows, int p99Bound) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        int ours = sustained(rows, "small-wins");
        int crud = sustained(rows, "crud");
        ratios.put("p99BoundMs", p99Bound);
        ratios.put("sustainedSmallWins", ours);
        ratios.put("sustainedCrud", crud);
        ratios.put("throughputRatioAtEqualP99", crud == 0 ? "n/a" : String.format("%.2f", ours / (double) crud));
        List<Map<String, Object>> perStep = new java.util.ArrayList<>();
        Set<Integer> offered = new LinkedHashSet<>();
        rows.forEach(r -> offered.add(r.offered()));
        for (int rate : offered) {
            var a = rows.stream()
                    .filter(r -> r.system().equals("small-wins") && r.offered() == rate)
                    .findFirst();
            var b = rows.stream()
                    .filter(r -> r.system().equals("crud") && r.offered() == rate)
                    .findFirst();
            if (a.isPresent() && b.isPresent()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("offered", rate);
                s.put("accepted", ratio(a.get().achieved(), b.get().achieved()));
                s.put("p50", ratio(a.get().p50(), b.get().p50()));
                s.put("p99", ratio(a.get().p99(), b.get().p99()));
                s.put("timelineP99", ratio(a.get().timelineP99(), b.get().timelineP99()));
                s.put("trendP99", ratio(a.get().trendP99(), b.get().trendP99()));
                s.put("cpuPerCommandSide", ratio(sideMillisPerCommand(a.get()), sideMillisPerCommand(b.get())));
                s.put(
                        "cpuPerCommandWithHarness",
                        ratio(
                                sideMillisPerCommand(a.get()) + harnessMillisPerCommand(a.get()),
                                sideMillisPerCommand(b.get()) + harnessMillisPerCommand(b.get())));
                perStep.add(s);
            }
        }
        ratios.put("perStep", perStep);
        return ratios;
    }

    private static int sustained(List<Benchmark.StepRow> rows, String system) {
        return rows.stream()
                .filter(r -> r.system().equals(system) && !r.saturated())
                .mapToInt(Benchmark.StepRow::offered)
                .max()
                .orElse(0);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : String.format("%.2f", a / b);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : v < 10 ? String.format("%.1f", v) : String.format("%.0f", v);
    }

    private static String rss(Map<String, Long> rss) {
        StringBuilder b = new StringBuilder();
        rss.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ")
                .append(shortName(k))
                .append(' ')
                .append(v));
        return b.toString();
    }

    private static String shortName(String name) {
        return switch (name) {
            case "command-service" -> "cmd";
            case "query-service" -> "query";
            case "crud-baseline" -> "crud";
            case "PostgreSQL (all processes)" -> "pg";
            case "everything else on the machine" -> "other";
            default -> name.startsWith("harness") ? "harness" : name;
        };
    }
}
