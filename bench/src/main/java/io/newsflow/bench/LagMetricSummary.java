package io.newsflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the pipeline's own end-to-end lag timer ({@code newsflow_end_to_end_lag_seconds}: event time to
 * processing wall clock, per input stream; the step that records it also updates the stream's
 * metrics). It covers every input record, ticks included, which mostly cause no output record the
 * output probe could see. Only the records processed after a baseline count (the end of the warm-up):
 * the timer's cumulative buckets are read at the baseline and at the end, and subtracted. Percentiles
 * are the upper bound of the bucket holding the rank, so they are coarse: Micrometer's buckets grow by
 * about a third each.
 */
final class LagMetricSummary {

    static final String TIMER = "newsflow.end.to.end.lag";

    record StreamLag(long count, double meanMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    /** Cumulative counts of one stream's timer at one moment. */
    record Counts(long count, double totalMs, double[] bucketsMs, long[] cumulative) {

        static final Counts EMPTY = new Counts(0, 0, new double[0], new long[0]);

        static Counts of(HistogramSnapshot snapshot) {
            CountAtBucket[] buckets = snapshot.histogramCounts();
            double[] bounds = new double[buckets.length];
            long[] counts = new long[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                counts[i] = (long) buckets[i].count();
            }
            return new Counts(snapshot.count(), snapshot.total(TimeUnit.MILLISECONDS), bounds, counts);
        }

        /** What was recorded between {@code before} and this. */
        Counts since(Counts before) {
            long[] counts = cumulative.clone();
            for (int i = 0; i < counts.length && i < before.cumulative.length; i++) {
                counts[i] -= before.cumulative[i];
            }
            return new Counts(count - before.count, totalMs - before.totalMs, bucketsMs, counts);
        }

        /** Upper bound (ms) of the first cumulative bucket that holds the p-quantile; NaN when empty. */
        double percentile(double p) {
            if (count == 0 || cumulative.length == 0) {
                return Double.NaN;
            }
            // ranks over the bucketed records: the count and the buckets are read one after the other while
            // the stream thread records, so the count can be a few records ahead of the buckets
            double rank = p * Math.min(count, cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (cumulative[i] >= rank) {
                    return bucketsMs[i];
                }
            }
            return Double.POSITIVE_INFINITY; // beyond the largest bucket
        }

        StreamLag summary() {
            return new StreamLag(count, count == 0 ? Double.NaN : totalMs / count, percentile(0.50),
                    percentile(0.99), percentile(0.999));
        }
    }

    private LagMetricSummary() {
    }

    static Map<String, Counts> snapshot(MeterRegistry registry) {
        Map<String, Counts> byStream = new HashMap<>();
        for (Timer timer : registry.find(TIMER).timers()) {
            byStream.put(String.valueOf(timer.getId().getTag("stream")), Counts.of(timer.takeSnapshot()));
        }
        return byStream;
    }

    /** Per stream, the lag of the records processed since {@code baseline}. */
    static Map<String, StreamLag> since(MeterRegistry registry, Map<String, Counts> baseline) {
        Map<String, StreamLag> byStream = new TreeMap<>();
        snapshot(registry).forEach((stream, now) ->
                byStream.put(stream, now.since(baseline.getOrDefault(stream, Counts.EMPTY)).summary()));
        return byStream;
    }
}
