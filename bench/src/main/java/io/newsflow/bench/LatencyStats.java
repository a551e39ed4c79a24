package io.newsflow.bench;

import java.util.Arrays;

/**
 * Latency samples in milliseconds, kept whole (a 30 s run at 10k/s is a few MB of longs), so the
 * percentiles are exact rather than bucketed.
 */
final class LatencyStats {

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void record(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return new Summary(size, percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9),
                size == 0 ? 0 : sorted[size - 1]);
    }

    /** Nearest-rank percentile; 0 when there is no sample. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    record Summary(long count, long p50, long p99, long p999, long max) {
    }
}
