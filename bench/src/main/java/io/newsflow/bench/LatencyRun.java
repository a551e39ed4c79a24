package io.newsflow.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One latency measurement: start the subject at the latest offsets, offer the workload at a fixed
 * rate for a warm-up period (not measured: the JIT compiles the hot paths meanwhile) and then for
 * the measured time, keep reading outputs for a drain period, report percentiles of the outputs of
 * the measured inputs.
 */
final class LatencyRun {

    /** Outputs of the last inputs may legitimately trail (windows, caches); give them this long to show up. */
    private static final long DRAIN_MS = 3_000;

    /** The upstream feed is not under test: it sends with the Kafka client's default linger.ms. */
    private static final int FEED_LINGER_MS = 5;

    private final BenchClients clients;

    LatencyRun(BenchClients clients) {
        this.clients = clients;
    }

    LatencyResult run(SystemUnderTest subject, Feed workload, int rate, int warmupSeconds, int durationSeconds)
            throws Exception {
        long notBefore = System.currentTimeMillis();
        try (ResourceMonitor heap = new ResourceMonitor(); subject) {
            subject.startAndAwaitReady();
            OutputLatencyProbe probe = new OutputLatencyProbe(clients, subject.outputTopics(), notBefore,
                    subject.transactional());
            Thread probeThread = new Thread(probe, "bench-latency-probe");
            probeThread.start();
            probe.awaitPositioned();
            probe.measureFrom(System.currentTimeMillis() + warmupSeconds * 1000L); // the feed's clock starts now
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            long sent;
            try {
                timer.schedule(subject::startLagMeasurement, warmupSeconds, TimeUnit.SECONDS);
                sent = new PacedProducer(clients, FEED_LINGER_MS).run(workload, rate, warmupSeconds + durationSeconds)
                        - (long) rate * warmupSeconds;
            } finally {
                timer.shutdownNow();
            }
            Thread.sleep(DRAIN_MS);
            probe.stop();
            probeThread.join();
            if (probe.failure() != null) {
                throw probe.failure();
            }
            return new LatencyResult(subject.name(), rate, durationSeconds, sent, probe.overall(), probe.byTopic(),
                    subject.inAppLag(), heap.peak());
        }
    }
}
