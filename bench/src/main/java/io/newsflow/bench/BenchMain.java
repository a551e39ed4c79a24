package io.newsflow.bench;

import io.newsflow.bench.BenchOptions.Phase;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * The benchmark command: raw Kafka passthrough vs the newsflow topology on the same seeded input,
 * throughput over pre-loaded records and end-to-end latency at a fixed offered load. Prints Markdown
 * tables. Not a test: numbers depend on the machine and what else runs on it.
 */
public final class BenchMain {

    /** Kafka Streams' own producer default, used by the plain passthrough too so both batch the same way. */
    static final int STREAMS_DEFAULT_LINGER_MS = 100;

    private final BenchOptions options;

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            new BenchMain(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Kafka and Streams can leave non-daemon helper threads behind; the report is out, so exit.
        System.exit(status);
    }

    private void run() throws Exception {
        try (BenchCluster cluster = startCluster()) {
            BenchClients clients = new BenchClients(cluster.bootstrapServers(),
                    "newsflow-bench-" + ProcessHandle.current().pid());
            try (Admin admin = clients.admin()) {
                BenchTopics.create(admin, options.partitions());
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
                report.note("topology latency run not available on this build");
            }
            if (phases.contains(Phase.PASSTHROUGH_LATENCY)) {
                log("latency: passthrough at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                report.add(new LatencyRun(clients).run(
                        new PassthroughUnderTest(clients, STREAMS_DEFAULT_LINGER_MS, commitIntervalMs),
                        new Workload(options.seed() + 100), options.rate(), options.durationSeconds()));
            }
            if (phases.contains(Phase.STREAMS_PASSTHROUGH_LATENCY)) {
                log("latency: Kafka Streams passthrough at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                report.add(new LatencyRun(clients).run(
                        new StreamsUnderTest("streams passthrough", StreamsPassthroughTopology.build(clients.serdeConfig()),
                                streams.forRun("bench-streams-passthrough-latency", "latest"),
                                Passthrough.outputTopics(), streams.exactlyOnce(), null),
                        new Workload(options.seed() + 200), options.rate(), options.durationSeconds()));
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
        if (options.phases().contains(Phase.PASSTHROUGH)) {
            log("throughput: passthrough");
            System.gc();
            try (ResourceMonitor heap = new ResourceMonitor()) {
                Passthrough passthrough = new Passthrough(clients, "bench-passthrough-" + System.nanoTime(),
                        options.records(), STREAMS_DEFAULT_LINGER_MS, commitIntervalMs, "earliest");
                passthrough.run();
                if (passthrough.failure() != null) {
                    throw passthrough.failure();
                }
                report.add(new ThroughputResult("passthrough (raw limit)", passthrough.processed(),
                        passthrough.elapsedNanos(), heap.peak()));
            }
        }
        if (options.phases().contains(Phase.STREAMS_PASSTHROUGH)) {
            log("throughput: Kafka Streams passthrough");
            System.gc();
            report.add(new StreamsThroughputRun(clients).run("streams passthrough (source -> sink)",
                    StreamsPassthroughTopology.build(clients.serdeConfig()),
                    streams.forRun("bench-streams-passthrough", "earliest"), options.records()));
        }
        if (options.phases().contains(Phase.TOPOLOGY)) {
            log("throughput: topology");
            report.note("topology throughput run not available on this build");
        }
    }

    /** The app's Kafka Streams settings with the command line's overrides on top. */
    private Map<String, Object> appStreamsConfig() {
        Map<String, Object> config = new HashMap<>();
        // Mirrors streams-app's newsflow.properties until the runtime's AppConfig is on this branch.
        config.put("processing.guarantee", "exactly_once_v2");
        config.put("commit.interval.ms", "1000");
        config.putAll(options.streamsOverrides());
        return config;
    }

    private BenchCluster startCluster() {
        if (options.bootstrap() != null) {
            return new ExternalCluster(options.bootstrap());
        }
        throw new IllegalStateException("the in-process broker is not available on this build; pass --bootstrap host:port");
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
