package io.newsflow.bench;

import io.newsflow.bench.BenchOptions.Phase;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.runtime.FormatLocale;
import io.newsflow.topology.TopologySettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;

/**
 * The benchmark command: raw Kafka passthrough vs the newsflow topology on the same seeded input,
 * throughput over pre-loaded records and end-to-end latency at a fixed offered load. Prints Markdown
 * tables. Not a test: numbers depend on the machine and what else runs on it.
 */
public final class BenchMain {

    /** Kafka Streams' own producer default, used by the plain passthrough too so both batch the same way. */
    static final int STREAMS_DEFAULT_LINGER_MS = 100;

    private final BenchOptions options;
    private final AppConfig appConfig;

    BenchMain(BenchOptions options, AppConfig appConfig) {
        this.options = options;
        this.appConfig = appConfig;
    }

    /** Exit codes: 0 done, 1 the run failed, 2 usage error (picocli's). */
    public static void main(String[] args) {
        FormatLocale.useUs(); // as the app's Main does
        int status = new CommandLine(new BenchCommand())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    e.printStackTrace();
                    return 1;
                })
                .execute(args);
        // Kafka and Streams can leave non-daemon helper threads behind; the report is out, so exit.
        System.exit(status);
    }

    void run() throws Exception {
        try (BenchCluster cluster = startCluster()) {
            BenchClients clients = new BenchClients(cluster.bootstrapServers(),
                    "newsflow-bench-" + ProcessHandle.current().pid());
            try (Admin admin = clients.admin()) {
                BenchTopics.create(admin, options.partitions(),
                        appConfig.getBoolean(TopologySettings.ARTICLES_SINGLE_PARTITION));
                BenchTopics.requireEmptyInputs(admin);
            }
            StreamsSettings streams = new StreamsSettings(clients, appStreamsConfig());
            long commitIntervalMs = Long.parseLong(String.valueOf(
                    streams.setting("commit.interval.ms", "30000")));
            Report report = new Report(options, cluster.describe());
            report.note(streams.describe());
            Set<Phase> phases = options.phases();
            if (phases.contains(Phase.PASSTHROUGH) || phases.contains(Phase.STREAMS_PASSTHROUGH)
                    || phases.contains(Phase.TOPOLOGY)) {
                runThroughput(clients, streams, commitIntervalMs, report);
            }
            if (phases.contains(Phase.LATENCY)) {
                log("latency: topology at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                NewsflowUnderTest newsflow = newsflow(clients);
                report.add(new LatencyRun(clients).run(
                        new StreamsUnderTest("topology", newsflow.topology(),
                                streams.forRun("bench-newsflow-latency", "latest"), Topics.OUTPUTS,
                                streams.exactlyOnce(), newsflow.registry()),
                        new Workload(options.seed() + 300), options.rate(), options.latencyWarmupSeconds(),
                        options.durationSeconds()));
            }
            if (phases.contains(Phase.PASSTHROUGH_LATENCY)) {
                log("latency: passthrough at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                report.add(new LatencyRun(clients).run(
                        new PassthroughUnderTest(clients, STREAMS_DEFAULT_LINGER_MS, commitIntervalMs),
                        new Workload(options.seed() + 100), options.rate(), options.latencyWarmupSeconds(),
                        options.durationSeconds()));
            }
            if (phases.contains(Phase.STREAMS_PASSTHROUGH_LATENCY)) {
                log("latency: Kafka Streams passthrough at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                report.add(new LatencyRun(clients).run(
                        new StreamsUnderTest("streams passthrough", StreamsPassthroughTopology.build(clients.serdeConfig()),
                                streams.forRun("bench-streams-passthrough-latency", "latest"),
                                Passthrough.outputTopics(), streams.exactlyOnce(), null),
                        new Workload(options.seed() + 200), options.rate(), options.latencyWarmupSeconds(),
                        options.durationSeconds()));
            }
            if (phases.contains(Phase.ALERT_LATENCY)) {
                log("latency: alerts at %,d ticks/s for %d s, a third of the tick partitions quiet", options.rate(),
                        options.durationSeconds());
                System.gc();
                NewsflowUnderTest newsflow = newsflow(clients);
                report.add(new LatencyRun(clients).run(
                        new StreamsUnderTest("alerts, quiet partitions", newsflow.topology(),
                                streams.forRun("bench-newsflow-alert-latency", "latest"), List.of(Topics.PRICE_ALERTS),
                                streams.exactlyOnce(), newsflow.registry()),
                        new QuietPartitionsAlertFeed(options.seed() + 400, options.partitions(), options.rate()),
                        options.rate(), options.latencyWarmupSeconds(), options.durationSeconds()));
            }
            double capacity = report.recordsPerSecond("topology");
            if (phases.contains(Phase.LATENCY) && capacity > 0 && capacity < options.rate()) {
                report.note(String.format(java.util.Locale.ROOT, "the offered load (%,d/s) is above the topology's measured"
                        + " throughput (%,.0f/s): the latency run is saturated and its latencies grow with the run's"
                        + " length; see a run with a lower --rate for the unsaturated figures", options.rate(), capacity));
            }
            report.print(System.out);
        }
    }

    private void runThroughput(BenchClients clients, StreamsSettings streams, long commitIntervalMs, Report report)
            throws Exception {
        log("pre-loading %,d records into %d partitions per topic", options.records(), options.partitions());
        long loadStart = System.nanoTime();
        try (ResourceMonitor heap = new ResourceMonitor()) {
            Map<String, Long> loaded = new Loader(clients).load(new Workload(options.seed()), options.records());
            report.add(new ThroughputResult("producer pre-load (serialize + send)", options.records(),
                    System.nanoTime() - loadStart, heap.peak()));
            log("loaded %s", loaded);
        }
        Map<String, ThroughputPhase> selected = new java.util.LinkedHashMap<>();
        if (options.phases().contains(Phase.PASSTHROUGH)) {
            selected.put("passthrough", () -> {
                try (ResourceMonitor heap = new ResourceMonitor()) {
                    Passthrough passthrough = new Passthrough(clients, "bench-passthrough-" + System.nanoTime(),
                            options.records(), STREAMS_DEFAULT_LINGER_MS, commitIntervalMs, "earliest");
                    passthrough.run();
                    if (passthrough.failure() != null) {
                        throw passthrough.failure();
                    }
                    return passthrough.result("passthrough (raw limit)", heap.peak());
                }
            });
        }
        if (options.phases().contains(Phase.STREAMS_PASSTHROUGH)) {
            selected.put("Kafka Streams passthrough", () -> new StreamsThroughputRun(clients).run(
                    "streams passthrough (source -> sink)", StreamsPassthroughTopology.build(clients.serdeConfig()),
                    streams.forRun("bench-streams-passthrough", "earliest"), options.records()));
        }
        if (options.phases().contains(Phase.TOPOLOGY)) {
            selected.put("topology", () -> new StreamsThroughputRun(clients).run("topology (newsflow)",
                    newsflow(clients).topology(), streams.forRun("bench-newsflow", "earliest"), options.records()));
        }
        measured(selected, report);
    }

    /**
     * The throughput phases: {@code --warmup} unmeasured rounds of each, then {@code --repeat} measured
     * rounds, each round running every phase once, so that a slow spell of a shared machine hits the
     * phases of a round alike. The table shows each phase's median round; the notes list every round and
     * the topology / passthrough ratio of each round, whose median is the headline ratio.
     */
    private void measured(Map<String, ThroughputPhase> phases, Report report) throws Exception {
        for (int round = 1; round <= options.warmups(); round++) {
            for (Map.Entry<String, ThroughputPhase> phase : phases.entrySet()) {
                log("throughput: %s, warm-up round %d of %d", phase.getKey(), round, options.warmups());
                System.gc();
                log("  warm-up (not reported): %s", phase.getValue().run().roundSummary());
            }
        }
        Map<String, List<ThroughputResult>> rounds = new java.util.LinkedHashMap<>();
        for (int round = 1; round <= options.repeats(); round++) {
            for (Map.Entry<String, ThroughputPhase> phase : phases.entrySet()) {
                log("throughput: %s, round %d of %d", phase.getKey(), round, options.repeats());
                System.gc();
                ThroughputResult result = phase.getValue().run();
                log("  %s", result.roundSummary());
                rounds.computeIfAbsent(phase.getKey(), k -> new ArrayList<>()).add(result);
            }
        }
        for (List<ThroughputResult> results : rounds.values()) {
            List<ThroughputResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingDouble(ThroughputResult::recordsPerSecond));
            report.add(sorted.get(sorted.size() / 2));
            if (results.size() > 1) {
                report.note(String.format(Locale.ROOT, "%s: %d rounds, records/s %s (median reported)",
                        results.get(0).name(), results.size(), results.stream()
                                .map(r -> String.format(Locale.ROOT, "%,.0f", r.recordsPerSecond()))
                                .collect(Collectors.joining(", "))));
            }
        }
        List<ThroughputResult> passthrough = rounds.get("passthrough");
        List<ThroughputResult> topology = rounds.get("topology");
        if (passthrough != null && topology != null) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < topology.size(); i++) {
                ratios.add(topology.get(i).recordsPerSecond() / passthrough.get(i).recordsPerSecond());
            }
            report.roundRatios(ratios);
        }
    }

    @FunctionalInterface
    private interface ThroughputPhase {
        ThroughputResult run() throws Exception;
    }

    /** A fresh topology instance (own metrics registry), built the way the app builds it. */
    private NewsflowUnderTest newsflow(BenchClients clients) {
        // the novelty funnel waits for a watermark from each of topic.partitions articles partitions
        return new NewsflowUnderTest(appConfig.with("topic.partitions", String.valueOf(options.partitions())),
                clients.serdeConfig());
    }

    /**
     * The app's Kafka Streams settings (newsflow.properties: processing.guarantee, commit.interval.ms and
     * every kafka.streams.* key, after NEWSFLOW_* environment overrides) with the command line's on top.
     */
    private Map<String, Object> appStreamsConfig() {
        Map<String, Object> config = new HashMap<>();
        for (String key : List.of("processing.guarantee", "commit.interval.ms")) {
            appConfig.getOptional(key).filter(v -> !v.isBlank()).ifPresent(v -> config.put(key, v));
        }
        config.putAll(appConfig.withPrefix("kafka.streams."));
        config.putAll(options.streamsOverrides());
        return config;
    }

    private BenchCluster startCluster() {
        if (options.bootstrap() != null) {
            return new ExternalCluster(options.bootstrap());
        }
        log("starting the in-process Kafka broker");
        return new EmbeddedCluster();
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
