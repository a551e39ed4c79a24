package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.metrics.Degradations;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

    @Test
    void theBackOffDoublesWithEachFailureInARowUpToThirtySecondsAndASeriesEndsAfterFiveQuietMinutes() {
        ThreadFailures failures = new ThreadFailures(new Degradations(), new FailedRecords());
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

    @Test
    void failuresAreCountedPerRecordAndASeriesOnOneRecordEndsAfterFiveQuietMinutes() {
        ThreadFailures failures = new ThreadFailures(new Degradations(), new FailedRecords());
        long t = 1_000_000;

        assertEquals(1, failures.recordFailureOn("market.price-ticks-0@41", t));
        assertEquals(1, failures.recordFailureOn("market.price-ticks-1@41", t += 1_000));
        assertEquals(2, failures.recordFailureOn("market.price-ticks-0@41", t += 1_000));
        assertEquals(2, failures.mostOnOneRecord(t));
        assertEquals(0, failures.mostOnOneRecord(t + ThreadFailures.SERIES_GAP.toMillis() + 1));
        assertEquals(1, failures.recordFailureOn("market.price-ticks-0@41", t + ThreadFailures.SERIES_GAP.toMillis() + 1));
    }

    @Test
    void aThreadReplacedTwiceOnTheSameRecordIsDegradedAndFailuresOnDifferentRecordsAreNot() {
        Degradations degradations = new Degradations();
        FailedRecords records = new FailedRecords();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ThreadFailures failures = new ThreadFailures(degradations, records).bindTo(registry);

        records.failingOn(context(41));
        failures.handle(new IllegalStateException("first"));
        records.failingOn(context(42));
        failures.handle(new IllegalStateException("second, another record"));
        assertEquals(Map.of(), degradations.current(), "two failures in a row on different records");
        assertEquals(1.0, registry.get("newsflow.stream.thread.same.record.failures").gauge().value());

        records.failingOn(context(42));
        failures.handle(new IllegalStateException("third, the same record again"));
        String why = degradations.current().get(ThreadFailures.SOURCE);
        assertTrue(why != null && why.contains("market.price-ticks-2@42"), String.valueOf(degradations.current()));
        assertEquals(2.0, registry.get("newsflow.stream.thread.same.record.failures").gauge().value());
        assertEquals(3.0, registry.get("newsflow.stream.thread.replacements").counter().count());
    }

    private static ErrorHandlerContext context(long offset) {
        return new TestErrorContext("market.price-ticks", 2, offset);
    }
}
