package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.metrics.Degradations;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

    @Test
    void theBackOffDoublesWithEachFailureInARowUpToThirtySecondsAndASeriesEndsAfterFiveQuietMinutes() {
        ThreadFailures failures = new ThreadFailures(new Degradations());
        long t = 1_000_000;

        assertEquals(1_000, failures.recordFailure(t));
        assertEquals(2_000, failures.recordFailure(t += 1_000));
        assertEquals(4_000, failures.recordFailure(t += 2_000));
        assertEquals(8_000, failures.recordFailure(t += 4_000));
        assertEquals(16_000, failures.recordFailure(t += 8_000));
        assertEquals(30_000, failures.recordFailure(t += 16_000));
        assertEquals(30_000, failures.recordFailure(t += 30_000));
        assertEquals(1_000, failures.recordFailure(t + ThreadFailures.SERIES_GAP.toMillis() + 1));
    }
}
