package org.smallwins.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Benchmark.StepRow step(String system, int offered, double accepted, Map<String, Long> cpu) {
        return new Benchmark.StepRow(
                system, offered, accepted, 0, 0, 0, 0, 1, 2, 3, 1, 2, 1, 2, 0, 1, 2, 1, 1, 2, 0, Map.of(), cpu,
                Map.of(), false, "");
    }

    private static Map<String, Long> cpu(long cmd, long query, long pg, long harness, long crud, long other) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("command-service", cmd);
        m.put("query-service", query);
        m.put("PostgreSQL (all processes)", pg);
        m.put("harness JVM (load generator + Kafka broker + MongoDB stand-in)", harness);
        m.put("crud-baseline", crud);
        m.put("everything else on the machine", other);
        return m;
    }

    @Test
    void cpu_per_command_is_each_sides_own_processes_divided_by_the_accepted_rate_without_the_harness_or_other_work() {
        var ours = step("small-wins", 500, 500, cpu(60, 15, 25, 80, 0, 30));
        var crud = step("crud", 500, 400, cpu(0, 0, 16, 40, 40, 30));

        assertThat(Report.sideMillisPerCommand(ours)).isCloseTo(2.0, within(1e-9));
        assertThat(Report.sideMillisPerCommand(crud)).isCloseTo(1.4, within(1e-9));
        assertThat(Report.cpuMillisPerCommand(ours)).doesNotContainKey("everything else on the machine");
        assertThat(Report.cpuMillisPerCommand(ours)
                        .get("harness JVM (load generator + Kafka broker + MongoDB stand-in)"))
                .isCloseTo(1.6, within(1e-9));
    }

    @Test
    void the_report_shows_cpu_per_command_per_step_and_its_ratio_to_the_crud_baseline() throws Exception {
        var rows = List.of(
                step("small-wins", 500, 500, cpu(60, 15, 25, 80, 0, 0)),
                step("crud", 500, 500, cpu(0, 0, 15, 40, 35, 0)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Map.of("cores", 2, "cpu", "test", "memoryGiB", 1, "jvm", "test", "date", "today"));
        Path dir = Files.createTempDirectory("report");

        Report.write(report, rows, 500, dir, line -> {});

        String md = (String) report.get("table");
        assertThat(md)
                .contains("| Small Wins | 500 | 1.20 | 0.30 | 0.00 | 0.50 | **2.00** | 1.60 | 3.60 |")
                .contains("| CRUD baseline | 500 | 0.00 | 0.00 | 0.70 | 0.30 | **1.00** | 0.80 | 1.80 |")
                .contains("500/s: side 2.00×, side + harness 2.00×");
    }
}
