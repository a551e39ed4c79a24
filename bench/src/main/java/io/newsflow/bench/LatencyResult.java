package io.newsflow.bench;

import java.util.Map;

/** End-to-end latency of one run at a fixed offered load. */
record LatencyResult(String name, int rate, int durationSeconds, long sent, LatencyStats.Summary overall,
        Map<String, LatencyStats.Summary> byTopic, Map<String, LagMetricSummary.StreamLag> inAppLag,
        ResourceMonitor.Peak heap) {
}
