package io.newsflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the pipeline's own end-to-end lag timer ({@code newsflow_end_to_end_lag_seconds}: event time to
 * processing wall clock, per input stream). It covers every input record, ticks included, which mostly
 * cause no output record the output probe could see. Percentiles come from the timer's histogram
 * buckets (upper bound of the bucket holding the rank), so they are coarse: Micrometer's buckets grow
 * by about a third each.
 */
final class LagMetricSummary {

    static final String TIMER = "newsflow.end.to.end.lag";

    record StreamLag(long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {
    }

    private LagMetricSummary() {
    }

    static Map<String, StreamLag> read(MeterRegistry registry) {
        Map<String, StreamLag> byStream = new TreeMap<>();
        for (Timer timer : registry.find(TIMER).timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            byStream.put(String.valueOf(timer.getId().getTag("stream")), new StreamLag(snapshot.count(),
                    snapshot.mean(TimeUnit.MILLISECONDS), bucketPercentile(snapshot, 0.50),
                    bucketPercentile(snapshot, 0.99), snapshot.max(TimeUnit.MILLISECONDS)));
        }
        return byStream;
    }

    /** Upper bound (ms) of the first cumulative bucket that holds the p-quantile; NaN without buckets. */
    static double bucketPercentile(HistogramSnapshot snapshot, double p) {
        CountAtBucket[] buckets = snapshot.histogramCounts();
        if (buckets.length == 0 || snapshot.count() == 0) {
            return Double.NaN;
        }
        double rank = p * snapshot.count();
        for (CountAtBucket bucket : buckets) {
            if (bucket.count() >= rank) {
                return bucket.bucket(TimeUnit.MILLISECONDS);
            }
        }
        return snapshot.max(TimeUnit.MILLISECONDS);
    }
}
