package org.smallwins.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.smallwins.contract.JournalTopic;
import org.smallwins.infra.FreePort;

/**
 * Query-side scaling: the projection driven to its ceiling by 1 and then by {@code n} query-service instances (same
 * jar, one consumer group per measurement, one empty read-store database per measurement, on the MongoDB stand-in).
 * Every event on the journal topic is the backlog; the measurement follows the checkpoints (the read store's own
 * positions) until every partition's has reached the topic's end, and reports the rate, when each partition caught up,
 * the backlog left over time and each instance's CPU while projecting.
 */
final class QueryScaling {

    /** One measurement: {@code instances} query-services draining the topic together. */
    record Result(
            int instances,
            long events,
            boolean complete,
            long applied,
            double secondsToFirstProgress,
            double secondsProjecting,
            double eventsPerSecond,
            Map<Integer, Double> partitionCaughtUpAfterSeconds,
            List<long[]> backlogEvery5Seconds,
            List<Long> cpuPercentOfOneCorePerInstance,
            long harnessCpuPercentOfOneCore,
            long postgresCpuPercentOfOneCore,
            long everythingElseCpuPercentOfOneCore,
            double instanceCpuMicrosPerEvent,
            double harnessCpuMicrosPerEvent,
            long peakRssMiBPerInstance) {}

    private QueryScaling() {}

    /** End offset per partition of the journal topic. */
    static Map<Integer, Long> endOffsets(String bootstrap) {
        Map<String, Object> c = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(JournalTopic.NAME).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            Map<Integer, Long> out = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((tp, end) -> out.put(tp.partition(), end));
            return out;
        }
    }

    /**
     * Starts {@code instances} query-services at once (one consumer group, one fresh database {@code database}) and
     * follows their checkpoints until every partition has reached {@code ends}, or the timeout.
     */
    static Result measure(
            int instances,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> baseEnv,
            String mongo,
            String database,
            Map<Integer, Long> ends,
            long harnessPid,
            long[] postgresPids,
            Path logs,
            int timeoutMinutes,
            Consumer<String> progress)
            throws Exception {
        long events = ends.values().stream().mapToLong(Long::longValue).sum();
        String group = "scaling-" + instances + "-" + System.currentTimeMillis();
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoDatabase db = client.getDatabase(database);
            db.drop();
            for (int i = 1; i <= instances; i++) {
                Map<String, String> env = new LinkedHashMap<>(baseEnv);
                env.put("SMALLWINS_MONGODB_URI", mongo + "/" + database);
                env.put("SMALLWINS_MONGODB_DATABASE", database);
                env.put("SMALLWINS_CONSUMER_GROUP", group);
                env.put("SMALLWINS_QUERY_PORT", Integer.toString(FreePort.next()));
                processes.add(Benchmark.startJar(
                        jar, jvmOptions, env, logs.resolve("query-service-scaling-" + instances + "-" + i + ".log")));
            }
            long[] cpuAtFirstProgress = null;
            long harnessAtFirstProgress = 0;
            long postgresAtFirstProgress = 0;
            long[] machineAtFirstProgress = null;
            long firstProgressNanos = 0;
            long peakRssKb = 0;
            Map<Integer, Double> caughtUp = new TreeMap<>();
            List<long[]> backlog = new ArrayList<>();
            long applied = 0;
            long lastReport = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(timeoutMinutes);
            while (caughtUp.size() < ends.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                for (Process p : processes) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a scaling query-service exited; see " + logs);
                    }
                    peakRssKb = Math.max(peakRssKb, Memory.rssKb(p.pid()));
                }
                Map<Integer, Long> positions = new TreeMap<>();
                for (Document d :
                        db.getCollection("projection_checkpoints").find(new Document("topic", JournalTopic.NAME))) {
                    positions.put(
                            d.get("partition", Number.class).intValue(),
                            d.get("nextOffset", Number.class).longValue());
                }
                long now = System.nanoTime();
                applied = positions.values().stream().mapToLong(Long::longValue).sum();
                if (applied > 0 && firstProgressNanos == 0) {
                    firstProgressNanos = now;
                    cpuAtFirstProgress = cpuPerProcess(processes);
                    harnessAtFirstProgress = Memory.cpuTicks(new long[] {harnessPid});
                    postgresAtFirstProgress = Memory.cpuTicks(postgresPids);
                    machineAtFirstProgress = Benchmark.machineCpuTicks();
                }
                for (var e : ends.entrySet()) {
                    if (!caughtUp.containsKey(e.getKey()) && positions.getOrDefault(e.getKey(), 0L) >= e.getValue()) {
                        caughtUp.put(
                                e.getKey(),
                                firstProgressNanos == 0 ? 0.0 : Math.round((now - firstProgressNanos) / 1e8) / 10.0);
                    }
                }
                if (now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = now;
                    backlog.add(new long[] {TimeUnit.NANOSECONDS.toSeconds(now - start), events - applied});
                    progress.accept(String.format(
                            "    %d instance(s): %,d / %,d events applied, backlog %,d, %d of %d partitions caught up, "
                                    + "%ds elapsed",
                            instances,
                            applied,
                            events,
                            events - applied,
                            caughtUp.size(),
                            ends.size(),
                            TimeUnit.NANOSECONDS.toSeconds(now - start)));
                }
            }
            long end = System.nanoTime();
            long[] cpuEnd = cpuPerProcess(processes);
            long harnessEnd = Memory.cpuTicks(new long[] {harnessPid});
            long postgresEnd = Memory.cpuTicks(postgresPids);
            long[] machineEnd = Benchmark.machineCpuTicks();
            double projecting = firstProgressNanos == 0 ? 0 : (end - firstProgressNanos) / 1e9;
            List<Long> cpuPercent = new ArrayList<>();
            long instanceTicks = 0;
            for (int i = 0; i < processes.size(); i++) {
                long ticks = cpuAtFirstProgress == null ? 0 : cpuEnd[i] - cpuAtFirstProgress[i];
                instanceTicks += ticks;
                cpuPercent.add(projecting == 0 ? 0 : Math.round(ticks / 100.0 / projecting * 100));
            }
            long harnessTicks = harnessEnd - harnessAtFirstProgress;
            long postgresTicks = postgresEnd - postgresAtFirstProgress;
            long everythingElse = 0;
            if (machineAtFirstProgress != null && machineEnd[1] > machineAtFirstProgress[1]) {
                double busyCores = (machineEnd[0] - machineAtFirstProgress[0])
                        / (double) (machineEnd[1] - machineAtFirstProgress[1])
                        * Runtime.getRuntime().availableProcessors();
                double ours = (instanceTicks + harnessTicks + postgresTicks) / 100.0 / projecting;
                everythingElse = Math.max(0, Math.round((busyCores - ours) * 100));
            }
            boolean complete = caughtUp.size() == ends.size();
            return new Result(
                    instances,
                    events,
                    complete,
                    applied,
                    firstProgressNanos == 0 ? Double.NaN : (firstProgressNanos - start) / 1e9,
                    projecting,
                    projecting == 0 ? 0 : applied / projecting,
                    caughtUp,
                    backlog,
                    cpuPercent,
                    projecting == 0 ? 0 : Math.round(harnessTicks / 100.0 / projecting * 100),
                    projecting == 0 ? 0 : Math.round(postgresTicks / 100.0 / projecting * 100),
                    everythingElse,
                    applied == 0 ? 0 : instanceTicks * 10_000.0 / applied,
                    applied == 0 ? 0 : harnessTicks * 10_000.0 / applied,
                    peakRssKb / 1024);
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            try (MongoClient client = MongoClients.create(mongo)) {
                client.getDatabase(database).drop();
            }
        }
    }

    private static long[] cpuPerProcess(List<Process> processes) {
        long[] out = new long[processes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Memory.cpuTicks(new long[] {processes.get(i).pid()});
        }
        return out;
    }
}
