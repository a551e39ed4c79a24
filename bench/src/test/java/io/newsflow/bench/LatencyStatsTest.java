package io.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        LatencyStats stats = new LatencyStats();
        for (long ms = 100; ms >= 1; ms--) {
            stats.record(ms);
        }

        LatencyStats.Summary summary = stats.summary();

        assertEquals(100, summary.count());
        assertEquals(50, summary.p50());
        assertEquals(99, summary.p99());
        assertEquals(100, summary.p999());
        assertEquals(100, summary.max());
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 200_000; i++) {
            stats.record(i % 10);
        }

        assertEquals(200_000, stats.summary().count());
        assertEquals(9, stats.summary().max());
    }

    @Test
    void anEmptyRunReportsZeroes() {
        assertEquals(new LatencyStats.Summary(0, 0, 0, 0, 0), new LatencyStats().summary());
    }
}
