package io.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.PipelineMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-app lag of a latency run counts only what the app processed after the warm-up. */
class LagMetricSummaryTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of(), 5);

    @Test
    void recordsBeforeTheBaselineAreLeftOut() {
        for (int i = 0; i < 1_000; i++) {
            metrics.endToEndLag("ticks", 0, 5_000); // a slow start-up: 5 s behind
        }
        Map<String, LagMetricSummary.Counts> baseline = LagMetricSummary.snapshot(registry);
        for (int i = 0; i < 998; i++) {
            metrics.endToEndLag("ticks", 0, 10);
        }
        metrics.endToEndLag("ticks", 0, 200); // the slowest two: ranks 999 and 1000
        metrics.endToEndLag("ticks", 0, 200);

        LagMetricSummary.StreamLag lag = LagMetricSummary.since(registry, baseline).get("ticks");

        assertEquals(1_000, lag.count());
        assertEquals((998 * 10 + 2 * 200) / 1000.0, lag.meanMs(), 1e-6);
        assertTrue(lag.p50Ms() >= 10 && lag.p50Ms() < 15, "p50 bucket " + lag.p50Ms());
        assertTrue(lag.p99Ms() >= 10 && lag.p99Ms() < 15, "p99 bucket " + lag.p99Ms());
        assertTrue(lag.p999Ms() >= 200 && lag.p999Ms() < 300, "p99.9 bucket " + lag.p999Ms());
    }

    @Test
    void aStreamFirstSeenAfterTheBaselineCountsWhole() {
        Map<String, LagMetricSummary.Counts> baseline = LagMetricSummary.snapshot(registry);
        metrics.endToEndLag("articles", 0, 40);

        LagMetricSummary.StreamLag lag = LagMetricSummary.since(registry, baseline).get("articles");

        assertEquals(1, lag.count());
        assertEquals(40.0, lag.meanMs(), 1e-6);
    }
}
