package io.newsflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the results of a benchmark run and prints them as Markdown tables (ready for docs/benchmarks.md). */
final class Report {

    private final BenchOptions options;
    private final String cluster;
    private final List<ThroughputResult> throughput = new ArrayList<>();
    private final List<LatencyResult> latency = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private List<Double> roundRatios = List.of();

    Report(BenchOptions options, String cluster) {
        this.options = options;
        this.cluster = cluster;
    }

    void add(ThroughputResult result) {
        throughput.add(result);
    }

    void add(LatencyResult result) {
        latency.add(result);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Throughput of the named run (prefix match), or 0 when it did not run. */
    double recordsPerSecond(String prefix) {
        ThroughputResult result = find(prefix);
        return result == null ? 0 : result.recordsPerSecond();
    }

    void print(PrintStream out) {
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.printf(Locale.ROOT, "## newsflow benchmark, %s%n%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "- machine: %d cores (availableProcessors), max heap %s, Java %s (%s), %s%n",
                runtime.availableProcessors(), mib(runtime.maxMemory()), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "- JVM arguments: %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.printf(Locale.ROOT, "- cluster: %s; %d partitions per topic; workload seed %d (1 article per 1,000 ticks, "
                + "1 bond-book update per 5,000 ticks)%n", cluster, options.partitions(), options.seed());
        out.println("- heap and CPU figures are for the whole benchmark JVM: its clients and, when in-process, the broker too."
                + " JVM CPU is counted from the phase start (includes start-up and rebalance); seconds from first to last record;"
                + " records/s, and the steady CPU columns, over the steady state, from 10 % of the input processed to the last"
                + " record (stream threads: Kafka Streams' processing threads alone)");
        out.println();
        if (!throughput.isEmpty()) {
            out.println("| throughput run | records | seconds | records/s (steady) | JVM CPU µs/record | steady: JVM CPU µs/record"
                    + " | steady: stream threads' CPU µs/record | peak heap used | peak live heap (after GC) | GCs |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (ThroughputResult r : throughput) {
                out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.1f | %s | %s | %s | %s | %d |%n", r.name(), r.records(),
                        r.seconds(), r.recordsPerSecond(), r.cpuMicrosPerRecord(),
                        ThroughputResult.figure(r.steadyCpuMicrosPerRecord()),
                        ThroughputResult.figure(r.steadyStreamThreadMicrosPerRecord()),
                        mib(r.heap().used()), r.heap().gcs() == 0 ? "n/a (no GC)" : mib(r.heap().afterGc()), r.heap().gcs());
            }
            ratio().ifPresent(ratio -> out.printf(Locale.ROOT, "%n**topology / passthrough throughput ratio: %.2f**%s%n",
                    ratio, roundRatios.size() > 1 ? String.format(Locale.ROOT, " (median of the rounds' ratios %s)",
                            roundRatios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
                                    .collect(java.util.stream.Collectors.joining(", "))) : ""));
            out.println();
        }
        if (!latency.isEmpty()) {
            out.println("| latency run | offered/s | seconds | inputs sent | outputs seen | p50 ms | p99 ms | p99.9 ms | max ms | peak heap used |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (LatencyResult r : latency) {
                row(out, r.name() + " (all outputs)", r, r.overall());
                for (Map.Entry<String, LatencyStats.Summary> topic : r.byTopic().entrySet()) {
                    row(out, "&nbsp;&nbsp;" + topic.getKey(), r, topic.getValue());
                }
            }
            out.println();
            for (LatencyResult r : latency) {
                if (r.inAppLag().isEmpty()) {
                    continue;
                }
                out.printf(Locale.ROOT, "In-app lag of the %s run (`newsflow_end_to_end_lag_seconds`: event time -> processed"
                        + " and its metrics updated, every input record processed after the warm-up; percentiles are"
                        + " histogram-bucket upper bounds):%n%n", r.name());
                out.println("| input stream | records | mean ms | p50 ms (bucket) | p99 ms (bucket) | p99.9 ms (bucket) |");
                out.println("|---|---:|---:|---:|---:|---:|");
                for (Map.Entry<String, LagMetricSummary.StreamLag> e : r.inAppLag().entrySet()) {
                    LagMetricSummary.StreamLag lag = e.getValue();
                    out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.0f | %.0f | %.0f |%n", e.getKey(), lag.count(),
                            lag.meanMs(), lag.p50Ms(), lag.p99Ms(), lag.p999Ms());
                }
                out.println();
            }
        }
        for (String note : notes) {
            out.println("- " + note);
        }
        out.flush();
    }

    private static void row(PrintStream out, String name, LatencyResult r, LatencyStats.Summary s) {
        out.printf(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %d | %d | %d | %d | %s |%n", name, r.rate(),
                r.durationSeconds(), r.sent(), s.count(), s.p50(), s.p99(), s.p999(), s.max(), mib(r.heap().used()));
    }

    /** Topology / passthrough ratio of each measured round (the phases of a round run back to back). */
    void roundRatios(List<Double> ratios) {
        this.roundRatios = List.copyOf(ratios);
    }

    /** The median of the rounds' ratios when there are rounds, else the ratio of the reported runs. */
    java.util.Optional<Double> ratio() {
        if (!roundRatios.isEmpty()) {
            List<Double> sorted = roundRatios.stream().sorted().toList();
            return java.util.Optional.of(sorted.get(sorted.size() / 2));
        }
        ThroughputResult passthrough = find("passthrough");
        ThroughputResult topology = find("topology");
        if (passthrough == null || topology == null || passthrough.recordsPerSecond() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(topology.recordsPerSecond() / passthrough.recordsPerSecond());
    }

    private ThroughputResult find(String prefix) {
        return throughput.stream().filter(r -> r.name().startsWith(prefix)).findFirst().orElse(null);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }
}
