package io.newsflow.bench;

import io.newsflow.bench.BenchOptions.Phase;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The benchmark command: raw Kafka passthrough vs the newsflow topology on the same seeded input,
 * throughput over pre-loaded records and end-to-end latency at a fixed offered load. Prints Markdown
 * tables. Not a test: numbers depend on the machine and what else runs on it.
 */
public final class BenchMain {

    /** Same as Kafka Streams' own producer default, so both sides batch the same way. */
    static final int STREAMS_DEFAULT_LINGER_MS = 100;
    static final long COMMIT_INTERVAL_MS = 100;

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
        new BenchMain(options).run();
        // Kafka and Streams leave non-daemon helper threads behind on some paths; the report is out, so exit.
        System.exit(0);
    }

    private void run() throws Exception {
        try (BenchCluster cluster = startCluster()) {
            BenchClients clients = new BenchClients(cluster.bootstrapServers(), "newsflow-bench-" + ProcessHandle.current().pid());
            try (Admin admin = clients.admin()) {
                BenchTopics.create(admin, options.partitions());
                BenchTopics.requireEmptyInputs(admin);
            }
            Report report = new Report(options, cluster.describe());
            if (options.phases().contains(Phase.PASSTHROUGH) || options.phases().contains(Phase.TOPOLOGY)) {
                runThroughput(clients, report);
            }
            if (options.phases().contains(Phase.LATENCY)) {
                log("latency: topology at %,d events/s for %d s", options.rate(), options.durationSeconds());
                report.note("topology latency run not available on this build");
            }
            if (options.phases().contains(Phase.PASSTHROUGH_LATENCY)) {
                log("latency: passthrough at %,d events/s for %d s", options.rate(), options.durationSeconds());
                System.gc();
                report.add(new LatencyRun(clients).run(
                        new PassthroughUnderTest(clients, STREAMS_DEFAULT_LINGER_MS, COMMIT_INTERVAL_MS),
                        new Workload(options.seed() + 100), options.rate(), options.durationSeconds()));
            }
            report.print(System.out);
        }
    }

    private void runThroughput(BenchClients clients, Report report) throws Exception {
        log("pre-loading %,d records into %d partitions per topic", options.records(), options.partitions());
        long loadStart = System.nanoTime();
        Map<String, Long> loaded;
        try (HeapMonitor heap = new HeapMonitor()) {
            loaded = new Loader(clients).load(new Workload(options.seed()), options.records());
            report.add(new ThroughputResult("producer pre-load (serialize + send)", options.records(),
                    System.nanoTime() - loadStart, heap.peak()));
        }
        log("loaded %s", loaded);
        if (options.phases().contains(Phase.PASSTHROUGH)) {
            log("throughput: passthrough");
            System.gc();
            try (HeapMonitor heap = new HeapMonitor()) {
                Passthrough passthrough = new Passthrough(clients, "bench-passthrough-" + System.nanoTime(),
                        options.records(), STREAMS_DEFAULT_LINGER_MS, COMMIT_INTERVAL_MS, "earliest");
                passthrough.run();
                if (passthrough.failure() != null) {
                    throw passthrough.failure();
                }
                report.add(new ThroughputResult("passthrough (raw limit)", passthrough.processed(),
                        passthrough.elapsedNanos(), heap.peak()));
            }
        }
        if (options.phases().contains(Phase.TOPOLOGY)) {
            log("throughput: topology");
            report.note("topology throughput run not available on this build");
        }
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
