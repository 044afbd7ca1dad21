package org.smallwins.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.smallwins.infra.FreePort;
import org.smallwins.stack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: Small Wins (embedded default stack, the run command's jars) against a plain Spring Boot + JPA CRUD
 * service, in the same run on the same machine. Run it with {@code benchmarks/run}; see benchmarks/README.md.
 */
public final class Benchmark {

    static final List<String> RATE_LIMIT_OPTIONS =
            List.of("-Dsmallwins.http.writes-per-minute=1000000", "-Dsmallwins.http.write-burst=100000");

    /** The flags of {@code benchmarks/run}; {@code --help} lists them. */
    @Command(
            name = "benchmarks/run",
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "Small Wins against a plain Spring Boot + JPA CRUD service, same run, same machine.")
    static final class Flags {
        @Option(
                names = "--step-seconds",
                paramLabel = "SECONDS",
                defaultValue = "60",
                description = "length of each load step (default: ${DEFAULT-VALUE})")
        int stepSeconds;

        @Option(
                names = "--warmup-seconds",
                paramLabel = "SECONDS",
                defaultValue = "30",
                description = "warm-up before each step (default: ${DEFAULT-VALUE})")
        int warmupSeconds;

        @Option(
                names = "--rates",
                paramLabel = "RATE",
                split = ",",
                defaultValue = "100,250,500,1000,2000,4000",
                description = "offered commands per second, one step each (default: ${DEFAULT-VALUE})")
        int[] rates;

        @Option(
                names = "--users",
                paramLabel = "N",
                defaultValue = "1000",
                description = "people writing (default: ${DEFAULT-VALUE})")
        int users;

        @Option(
                names = "--read-rate",
                paramLabel = "PER_SECOND",
                defaultValue = "20",
                description = "timeline and weekly-trend reads per second (default: ${DEFAULT-VALUE})")
        int readRate;

        @Option(
                names = "--p99-bound-ms",
                paramLabel = "MS",
                defaultValue = "500",
                description = "a step above this p99 is saturated (default: ${DEFAULT-VALUE})")
        int p99BoundMs;

        @Option(
                names = "--rebuild-events",
                paramLabel = "N",
                defaultValue = "1000000",
                description = "events produced for the read-model rebuild (default: ${DEFAULT-VALUE})")
        int rebuildEvents;

        @Option(
                names = "--rebuild-timeout-minutes",
                paramLabel = "MINUTES",
                defaultValue = "20",
                description = "how long the rebuild may take (default: ${DEFAULT-VALUE})")
        int rebuildTimeoutMinutes;

        @Option(
                names = "--ceiling-seconds",
                paramLabel = "SECONDS",
                defaultValue = "10",
                description = "length of each component ceiling measurement (default: ${DEFAULT-VALUE})")
        int ceilingSeconds;

        @Option(
                names = "--scaling-events",
                paramLabel = "N",
                defaultValue = "200000",
                description = "events produced for the 1 -> 2 query-service scaling measurement, besides the load "
                        + "steps' events already on the topic (default: ${DEFAULT-VALUE})")
        int scalingEvents;

        @Option(
                names = "--scaling-timeout-minutes",
                paramLabel = "MINUTES",
                defaultValue = "10",
                description = "how long each scaling measurement may take (default: ${DEFAULT-VALUE})")
        int scalingTimeoutMinutes;

        @Option(names = "--skip-crud", description = "run without the CRUD baseline")
        boolean skipCrud;

        @Option(
                names = "--skip-event-store-ceiling",
                description = "skip the event store's write ceiling (Axon-shaped DomainEventEntry appends)")
        boolean skipEventStoreCeiling;

        @Option(
                names = "--skip-query-scaling",
                description = "skip the 1 -> 2 query-service instances measurement (projection at its ceiling)")
        boolean skipQueryScaling;

        @Option(names = "--skip-rebuild", description = "skip the read-model rebuild")
        boolean skipRebuild;

        @Option(names = "--jfr", description = "record the services with Java Flight Recorder")
        boolean jfr;

        @Option(
                names = "--results",
                paramLabel = "DIR",
                defaultValue = "benchmarks/results",
                description = "where results are written, relative to the root (default: ${DEFAULT-VALUE})")
        String results;

        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "the repository root (benchmarks/run sets it)")
        Path root;

        @Option(names = "--help", usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    private final Flags flags;
    private final Consumer<String> out = line -> {
        System.out.println(line);
        System.out.flush();
    };

    private Benchmark(Flags flags) {
        this.flags = flags;
    }

    /** Exit status 0 after a run or {@code --help}, 2 for an unknown flag or a bad value (with the usage). */
    public static void main(String[] args) throws Exception {
        Flags flags = new Flags();
        CommandLine commandLine = new CommandLine(flags);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            commandLine.usage(System.err);
            System.exit(2);
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            System.exit(0);
        }
        new Benchmark(flags).run();
        System.exit(0);
    }

    record StepRow(
            String system,
            int offered,
            double achieved,
            long sent,
            long ok,
            long errors,
            double errorPct,
            double p50,
            double p95,
            double p99,
            double timelineP50,
            double timelineP99,
            double trendP50,
            double trendP99,
            long readErrors,
            double lagP50,
            double lagP99,
            int lagSamples,
            double relayLagP50,
            double relayLagP99,
            long lagTimeouts,
            Map<String, Long> rssMiB,
            Map<String, Long> cpuPercentOfOneCore,
            Map<String, Long> errorKinds,
            boolean saturated,
            String saturation) {}

    private void run() throws Exception {
        int stepSeconds = flags.stepSeconds;
        int warmupSeconds = flags.warmupSeconds;
        int[] rates = flags.rates;
        int userCount = flags.users;
        int readRate = flags.readRate;
        int p99Bound = flags.p99BoundMs;
        int rebuildEvents = flags.rebuildEvents;
        int ceilingSeconds = flags.ceilingSeconds;
        Path root = flags.root.toAbsolutePath().normalize();
        Path results = root.resolve(flags.results);
        Path data = root.resolve("benchmarks/target/bench-data");
        deleteRecursively(data);
        Files.createDirectories(data);

        Map<String, Object> machine = machine();
        out.accept("Small Wins benchmark — machine: " + machine);
        out.accept("Workload: " + userCount + " users, 70% wins / 30% check-ins, open loop, steps "
                + Arrays.toString(rates)
                + " commands/s, " + stepSeconds + " s each after " + warmupSeconds + " s warm-up; readers " + readRate
                + "/s (timeline, weekly trend); saturation: achieved < 90% of offered, errors > 1% or p99 > " + p99Bound
                + " ms.");
        out.accept("Rate limits raised for the benchmark with JVM options " + RATE_LIMIT_OPTIONS);

        List<String> jvmOptions = new ArrayList<>(RATE_LIMIT_OPTIONS);
        if (flags.jfr) {
            jvmOptions.add(
                    "-XX:StartFlightRecording=filename=" + data.resolve("logs") + "/,settings=profile,dumponexit=true");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine);
        List<StepRow> rows = new ArrayList<>();
        Memory memory = new Memory();
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(
                new LocalStack.Options(data, false, 0, 0, root.resolve("local-stack/target/services"), jvmOptions),
                line -> {
                    if (line.equals(".")) {
                        System.out.print(".");
                        System.out.flush();
                    } else {
                        out.accept("  " + line);
                    }
                })) {
            out.accept("");
            Thread closeOnInterrupt = new Thread(stack::close, "close-stack");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            String pgUrlBase = "jdbc:postgresql://localhost:" + stack.postgres().port() + "/";
            long postmaster = postmasterPid(pgUrlBase + "postgres");
            memory.watch("command-service", () -> new long[] {stack.commandServicePid()});
            memory.watch("query-service", () -> new long[] {stack.queryServicePid()});
            memory.watch("PostgreSQL (all processes)", () -> Memory.withDescendants(postmaster));
            memory.watch("harness JVM (load generator + Kafka broker + MongoDB stand-in)", () ->
                    new long[] {ProcessHandle.current().pid()});
            memory.start();
            memory.peaksMiBAndReset();
            Thread.sleep(10_000);
            Map<String, Long> idle = memory.peaksMiBAndReset();
            report.put("idleRssMiB", idle);
            out.accept("Idle RSS after start, before any load (MiB, 10 s): " + idle);

            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4))
                    .build();
            List<String> users = Workload.users("bench-user", userCount);
            List<String> tracers = Workload.users("tracer-user", 2);
            Map<String, String> tokens = new HashMap<>();
            for (String u : users) {
                tokens.put(u, stack.tokens().mint(u, Duration.ofHours(6)));
            }
            for (String u : tracers) {
                tokens.put(u, stack.tokens().mint(u, Duration.ofHours(6)));
            }

            // --- The CRUD baseline runs beside the stack; steps alternate between the two systems so both meet the
            // same background conditions (this machine may be shared).
            KafkaTap tap = new KafkaTap(stack.kafkaBootstrapServers(), "tracer-user");
            com.mongodb.client.MongoClient readStore =
                    com.mongodb.client.MongoClients.create(stack.mongoConnectionString());
            var ours = new LoadStep.Target(
                    "small-wins",
                    stack.commandServiceUrl(),
                    stack.queryServiceUrl(),
                    users,
                    tokens,
                    tracers,
                    tap,
                    readStore.getDatabase("smallwins").getCollection("timeline"));
            List<LoadStep.Target> targets = new ArrayList<>(List.of(ours));
            Process crud = null;
            if (!flags.skipCrud) {
                try (Connection c = DriverManager.getConnection(pgUrlBase + "postgres", "postgres", "postgres")) {
                    c.createStatement().execute("CREATE DATABASE smallwins_crud");
                }
                int port = FreePort.next();
                Map<String, String> env = new HashMap<>();
                env.put("SMALLWINS_DB_URL", pgUrlBase + "smallwins_crud");
                env.put("SMALLWINS_DB_USER", "postgres");
                env.put("SMALLWINS_DB_PASSWORD", "postgres");
                env.put("SMALLWINS_CRUD_PORT", Integer.toString(port));
                env.putAll(jwtEnv(stack, data));
                out.accept(
                        "Starting the CRUD baseline (Spring Boot + JPA, database smallwins_crud on the same PostgreSQL)…");
                crud = startJar(
                        root.resolve("crud-baseline/target/crud-baseline-0.1.0-SNAPSHOT-exec.jar"),
                        jvmOptions,
                        env,
                        data.resolve("logs/crud-baseline.log"));
                Process crudProcess = crud;
                awaitHealthy(http, "http://localhost:" + port, crud);
                memory.watch("crud-baseline", () -> new long[] {crudProcess.pid()});
                targets.add(new LoadStep.Target(
                        "crud",
                        "http://localhost:" + port,
                        "http://localhost:" + port,
                        users,
                        tokens,
                        tracers,
                        null,
                        null));
            }
            postgresSettings(pgUrlBase + "postgres", report);
            rows.addAll(steps(http, targets, rates, stepSeconds, warmupSeconds, readRate, p99Bound, memory));
            tap.close();
            readStore.close();
            if (crud != null) {
                crud.destroy();
                crud.waitFor();
                memory.unwatch("crud-baseline");
            }
            report.put("steps", rows);
            Map<String, Object> eventStore =
                    Ceilings.eventStoreFootprint(pgUrlBase + "postgres", "postgres", "postgres");
            report.put("eventStore", eventStore);
            Map<String, Object> topic = Ceilings.journalTopicFootprint(stack.kafkaBootstrapServers());
            report.put("journalTopic", topic);
            out.accept("Journal topic after the steps (the broker's log): " + topic);
            out.accept("Event store after the steps (Axon's DomainEventEntry): " + eventStore);

            // --- Component ceilings
            out.accept("Component ceilings (" + ceilingSeconds + " s each)…");
            try (Connection c = DriverManager.getConnection(pgUrlBase + "postgres", "postgres", "postgres")) {
                c.createStatement().execute("CREATE DATABASE bench_ceiling");
            }
            Map<String, Object> ceilings = new LinkedHashMap<>();
            for (int threads : new int[] {1, 8}) {
                double tps = Ceilings.postgresInsertsPerSecond(
                        pgUrlBase + "bench_ceiling", "postgres", "postgres", threads, ceilingSeconds, out);
                ceilings.put("postgresInsertTxPerSecond_" + threads + "conn", Math.round(tps));
                out.accept(String.format(
                        "  PostgreSQL single-row INSERT transactions/s, %d connection(s), autocommit: %.0f",
                        threads, tps));
            }
            double pipelined = Ceilings.kafkaRecordsPerSecond(stack.kafkaBootstrapServers(), false, ceilingSeconds);
            ceilings.put("kafkaProducerRecordsPerSecond_pipelined", Math.round(pipelined));
            out.accept(String.format(
                    "  Kafka producer records/s (acks=all, idempotent, linger 0, pipelined): %.0f", pipelined));
            double synchronous = Ceilings.kafkaRecordsPerSecond(stack.kafkaBootstrapServers(), true, ceilingSeconds);
            ceilings.put("kafkaProducerRecordsPerSecond_sendAndWait", Math.round(synchronous));
            out.accept(String.format(
                    "  Kafka producer records/s (same settings, waiting for each send like the relay): %.0f",
                    synchronous));
            if (!flags.skipEventStoreCeiling) {
                int payloadBytes = ((Number) eventStore.get("avgPayloadBytes")).intValue();
                int metaDataBytes = ((Number) eventStore.get("avgMetaDataBytes")).intValue();
                if (payloadBytes == 0) {
                    payloadBytes = 300;
                    metaDataBytes = 150;
                }
                for (int perTransaction : new int[] {1, 100}) {
                    for (int threads : new int[] {1, 8}) {
                        double eps = Ceilings.eventStoreAppendsPerSecond(
                                pgUrlBase + "bench_ceiling",
                                "postgres",
                                "postgres",
                                threads,
                                perTransaction,
                                payloadBytes,
                                metaDataBytes,
                                ceilingSeconds,
                                out);
                        ceilings.put(
                                "eventStoreAppendsPerSecond_" + perTransaction + "perTx_" + threads + "conn",
                                Math.round(eps));
                        out.accept(String.format(
                                "  Event store (Axon's DomainEventEntry, its unique constraints, payload %d B, metadata "
                                        + "%d B) events/s, %d event(s) per transaction, %d connection(s): %.0f",
                                payloadBytes, metaDataBytes, perTransaction, threads, eps));
                    }
                }
                ceilings.put("eventStoreAppendPayloadBytes", payloadBytes);
                ceilings.put("eventStoreAppendMetaDataBytes", metaDataBytes);
            }
            report.put("ceilings", ceilings);

            if (!flags.skipRebuild || !flags.skipQueryScaling) {
                out.accept("Stopping the running query-service so it does not compete with the measurements of the "
                        + "projection, and dropping its read store");
                ProcessHandle.of(stack.queryServicePid()).ifPresent(p -> {
                    p.destroy();
                    p.onExit().join();
                });
                memory.unwatch("query-service");
                try (var client = com.mongodb.client.MongoClients.create(stack.mongoConnectionString())) {
                    client.getDatabase("smallwins").drop();
                }
            }

            // --- Query-side scaling: 1 -> 2 instances
            if (!flags.skipQueryScaling) {
                out.accept("Query-side scaling: the projection at its ceiling with 1, then 2 query-service instances "
                        + "(one consumer group each, 6 partitions; both instances share the one in-JVM MongoDB "
                        + "stand-in) †");
                out.accept(String.format(
                        "  producing %,d synthetic but valid envelopes (as for the rebuild, other users) onto %s",
                        flags.scalingEvents, "smallwins.journal-events"));
                Rebuild.produce(stack.kafkaBootstrapServers(), "scaling-user", flags.scalingEvents, out);
                Map<Integer, Long> ends = QueryScaling.endOffsets(stack.kafkaBootstrapServers());
                out.accept("  backlog per partition (the whole topic): " + ends);
                // as the stack's query-service (Kafka, JWT, key access to open sealed events); own store and group
                Map<String, String> env = new HashMap<>(stack.queryServiceEnvironment());
                List<QueryScaling.Result> scaling = new ArrayList<>();
                for (int instances : new int[] {1, 2}) {
                    QueryScaling.Result r = QueryScaling.measure(
                            instances,
                            root.resolve("local-stack/target/services/query-service-exec.jar"),
                            jvmOptions,
                            env,
                            stack.mongoConnectionString(),
                            "smallwins_scaling_" + instances,
                            ends,
                            ProcessHandle.current().pid(),
                            Memory.withDescendants(postmaster),
                            data.resolve("logs"),
                            flags.scalingTimeoutMinutes,
                            out);
                    out.accept(String.format(
                            "  %d instance(s) %s: %,d events in %.1f s projecting (%.1f s to the first checkpoint): "
                                    + "%,.0f events/s; partitions caught up after s %s; CPU %% of one core per "
                                    + "instance %s, harness (stand-in) %d, PostgreSQL %d, everything else on the machine %d; CPU per event: instances "
                                    + "%.0f µs, harness %.0f µs †",
                            instances,
                            r.complete() ? "done" : "INCOMPLETE (timeout)",
                            r.applied(),
                            r.secondsProjecting(),
                            r.secondsToFirstProgress(),
                            r.eventsPerSecond(),
                            r.partitionCaughtUpAfterSeconds(),
                            r.cpuPercentOfOneCorePerInstance(),
                            r.harnessCpuPercentOfOneCore(),
                            r.postgresCpuPercentOfOneCore(),
                            r.everythingElseCpuPercentOfOneCore(),
                            r.instanceCpuMicrosPerEvent(),
                            r.harnessCpuMicrosPerEvent()));
                    scaling.add(r);
                    Thread.sleep(3000);
                }
                report.put("queryScaling", scaling);
            }

            // --- Rebuild
            if (!flags.skipRebuild) {
                out.accept("Rebuild of the read models from the log (MongoDB stand-in)…");
                long before = Rebuild.topicEvents(stack.kafkaBootstrapServers());
                out.accept(String.format(
                        "  producing %,d synthetic but valid envelopes (JournalEventCodec, 1,000 users, 70%% wins, "
                                + "days over 26 weeks) straight onto %s",
                        rebuildEvents, "smallwins.journal-events"));
                Rebuild.produce(stack.kafkaBootstrapServers(), "rebuild-user", rebuildEvents, out);
                long topicEvents = Rebuild.topicEvents(stack.kafkaBootstrapServers());
                out.accept(String.format(
                        "  topic holds %,d events (%,d already there: the load steps' and the scaling measurement's, %,d produced); starting a fresh "
                                + "query-service on an empty stand-in database",
                        topicEvents, before, (long) rebuildEvents));
                // as the stack's query-service (Kafka, JWT, key access to open sealed events); own store and group
                Map<String, String> env = new HashMap<>(stack.queryServiceEnvironment());
                env.put("SMALLWINS_MONGODB_URI", stack.mongoConnectionString() + "/smallwins_rebuild");
                env.put("SMALLWINS_MONGODB_DATABASE", "smallwins_rebuild");
                env.put("SMALLWINS_CONSUMER_GROUP", "rebuild-" + System.currentTimeMillis());
                env.put("SMALLWINS_QUERY_PORT", Integer.toString(FreePort.next()));
                Rebuild.Result rebuild = Rebuild.rebuild(
                        root.resolve("local-stack/target/services/query-service-exec.jar"),
                        jvmOptions,
                        env,
                        stack.mongoConnectionString(),
                        "smallwins_rebuild",
                        topicEvents,
                        rebuildEvents,
                        data.resolve("logs/query-service-rebuild.log"),
                        flags.rebuildTimeoutMinutes,
                        memory,
                        out);
                out.accept(String.format(
                        "  rebuild %s: %,d events applied in %.0f s from process start (%.0f s projecting): %.0f events/s "
                                + "[MongoDB stand-in]",
                        rebuild.complete() ? "done" : "INCOMPLETE (timeout)",
                        rebuild.applied(),
                        rebuild.secondsTotal(),
                        rebuild.secondsProjecting(),
                        rebuild.eventsPerSecond()));
                report.put("rebuild", rebuild);
            }
        } finally {
            memory.close();
        }
        report.put("durationMinutes", Math.round((System.nanoTime() - started) / 6e10 * 10) / 10.0);
        report.put(
                "settings",
                Map.of(
                        "stepSeconds",
                        stepSeconds,
                        "warmupSeconds",
                        warmupSeconds,
                        "rates",
                        rates,
                        "users",
                        userCount,
                        "readRate",
                        readRate,
                        "p99BoundMs",
                        p99Bound,
                        "jvmOptions",
                        RATE_LIMIT_OPTIONS));
        Report.write(report, rows, p99Bound, results, out);
    }

    private List<StepRow> steps(
            HttpClient http,
            List<LoadStep.Target> targets,
            int[] rates,
            int stepSeconds,
            int warmupSeconds,
            int readRate,
            int p99Bound,
            Memory memory)
            throws InterruptedException {
        List<StepRow> rows = new ArrayList<>();
        if (warmupSeconds > 0) {
            for (LoadStep.Target target : targets) {
                out.accept("[" + target.name() + "] warm-up at " + rates[0] + " commands/s for " + warmupSeconds
                        + " s (not recorded)");
                new LoadStep(http, target).run(rates[0], warmupSeconds, readRate, true, out);
                Thread.sleep(3000);
            }
        }
        java.util.Set<String> saturatedSystems = new java.util.HashSet<>();
        for (int rate : rates) {
            for (LoadStep.Target target : targets) {
                if (saturatedSystems.contains(target.name())) {
                    continue;
                }
                StepRow row = null;
                for (int attempt = 0; attempt < 2; attempt++) {
                    out.accept("[" + target.name() + "] step " + rate + " commands/s for " + stepSeconds + " s");
                    memory.peaksMiBAndReset();
                    memory.startCpu();
                    long[] machineBefore = machineCpuTicks();
                    LoadStep step = new LoadStep(http, target);
                    step.run(rate, stepSeconds, readRate, true, out);
                    Map<String, Long> cpu = memory.cpuPercent();
                    long[] machineAfter = machineCpuTicks();
                    long busy = machineAfter[0] - machineBefore[0];
                    long all = machineAfter[1] - machineBefore[1];
                    double ourShare =
                            cpu.values().stream().mapToLong(Long::longValue).sum() / 100.0;
                    double machineBusyCores = all == 0
                            ? 0
                            : busy / (double) all * Runtime.getRuntime().availableProcessors();
                    cpu.put(
                            "everything else on the machine",
                            Math.max(0, Math.round((machineBusyCores - ourShare) * 100)));
                    Map<String, Long> rss = memory.peaksMiBAndReset();
                    double achieved = step.achievedPerSecond();
                    double p99 = step.commandLatency.percentileMillis(99);
                    String saturation = "";
                    if (achieved < 0.9 * rate) {
                        saturation = "achieved < 90% of offered";
                    } else if (step.errorRate() > 0.01) {
                        saturation = "errors > 1%";
                    } else if (!(p99 <= p99Bound)) {
                        saturation = "p99 > " + p99Bound + " ms";
                    }
                    Map<String, Long> errorKinds = new LinkedHashMap<>();
                    step.errorKinds.forEach((k, v) -> errorKinds.put(k, v.get()));
                    row = new StepRow(
                            target.name(),
                            rate,
                            achieved,
                            step.sent,
                            step.ok.get(),
                            step.errors.get(),
                            100 * step.errorRate(),
                            step.commandLatency.percentileMillis(50),
                            step.commandLatency.percentileMillis(95),
                            p99,
                            step.timelineLatency.percentileMillis(50),
                            step.timelineLatency.percentileMillis(99),
                            step.trendLatency.percentileMillis(50),
                            step.trendLatency.percentileMillis(99),
                            step.readErrors.get(),
                            step.lag.percentileMillis(50),
                            step.lag.percentileMillis(99),
                            step.lag.count(),
                            step.relayLag.percentileMillis(50),
                            step.relayLag.percentileMillis(99),
                            step.lagTimeouts.get(),
                            rss,
                            cpu,
                            errorKinds,
                            !saturation.isEmpty(),
                            saturation);
                    out.accept(String.format(
                            "[%s] %d/s offered: %.0f/s accepted, %d errors %s, latency p50/p95/p99 %.1f/%.1f/%.1f ms; "
                                    + "timeline p50/p99 %.1f/%.1f ms; trend p50/p99 %.1f/%.1f ms; lag p50/p99 %.0f/%.0f ms (%d samples; of which accepted→on topic p50/p99 %.0f/%.0f ms); RSS MiB %s; CPU %% of one core %s%s",
                            target.name(),
                            rate,
                            row.achieved(),
                            row.errors(),
                            row.errorKinds(),
                            row.p50(),
                            row.p95(),
                            row.p99(),
                            row.timelineP50(),
                            row.timelineP99(),
                            row.trendP50(),
                            row.trendP99(),
                            row.lagP50(),
                            row.lagP99(),
                            row.lagSamples(),
                            row.relayLagP50(),
                            row.relayLagP99(),
                            row.rssMiB(),
                            row.cpuPercentOfOneCore(),
                            !row.saturated() ? "" : " — SATURATED (" + row.saturation() + ")"));
                    long others = cpu.getOrDefault("everything else on the machine", 0L);
                    if (row.saturated() && attempt == 0 && others > 25) {
                        out.accept("[" + target.name() + "] step disturbed by other work on the machine (" + others
                                + "% of a core); repeating it once");
                        Thread.sleep(5000);
                        continue;
                    }
                    break;
                }
                rows.add(row);
                if (row.saturated()) {
                    saturatedSystems.add(target.name());
                }
                Thread.sleep(5000);
            }
            if (saturatedSystems.size() == targets.size()) {
                break;
            }
        }
        return rows;
    }

    /** [busy, total] jiffies over all cores, from /proc/stat. */
    static long[] machineCpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private void postgresSettings(String url, Map<String, Object> report) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                var st = c.createStatement()) {
            for (String name : List.of(
                    "server_version",
                    "fsync",
                    "synchronous_commit",
                    "wal_sync_method",
                    "full_page_writes",
                    "shared_buffers")) {
                try (var rs = st.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        out.accept("PostgreSQL (embedded default stack; the event store and the CRUD baseline share it): " + settings);
        report.put("postgres", settings);
    }

    private static Map<String, String> jwtEnv(LocalStack stack, Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("SMALLWINS_JWT_ISSUER", stack.tokens().issuer());
        env.put("SMALLWINS_JWT_AUDIENCE", stack.tokens().audience());
        env.put(
                "SMALLWINS_JWT_PUBLIC_KEY_LOCATION",
                "file:" + data.resolve("dev-issuer").resolve("public.pem").toAbsolutePath());
        return env;
    }

    static Process startJar(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitHealthy(HttpClient http, String base, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "CRUD baseline exited; see benchmarks/target/bench-data/logs/crud-baseline.log");
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("CRUD baseline did not become healthy");
    }

    private static long postmasterPid(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                var rs = c.createStatement().executeQuery("SHOW data_directory")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid"))
                    .get(0)
                    .trim());
        }
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
        m.put("cpu", cpu);
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0);
        m.put("memoryGiB", Math.round(memKb / 1024.0 / 1024.0 * 10) / 10.0);
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return m;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static JsonMapper json() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
