package io.newsflow.topology.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void byDefaultEventTimesUpToFiveMinutesAheadAndAnyAgeAreAccepted() {
        InputLimits limits = InputLimits.defaults();

        assertTrue(limits.acceptsEventTime(NOW.plus(Duration.ofMinutes(5)), NOW.toEpochMilli()));
        assertTrue(limits.acceptsEventTime(Instant.parse("2025-10-30T13:30:00Z"), NOW.toEpochMilli()), "a replay");
        assertFalse(limits.acceptsEventTime(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), NOW.toEpochMilli()));
        assertFalse(limits.acceptsEventTime(Instant.parse("2100-01-01T00:00:00Z"), NOW.toEpochMilli()));
        assertFalse(limits.acceptsEventTime(null, NOW.toEpochMilli()));
        assertFalse(limits.acceptsEventTime(Instant.EPOCH, NOW.toEpochMilli()));
    }

    @Test
    void theViolationNamesTheKeyToChange() {
        String why = InputLimits.defaults().eventTimeViolation(NOW.plus(Duration.ofHours(2)), NOW.toEpochMilli())
                .orElseThrow();

        assertTrue(why.contains("input.max.future.skew=PT5M"), why);
    }

    @Test
    void aPastBoundIsOptIn() {
        InputLimits limits = InputLimits.fromMap(Map.of(InputLimits.MAX_PAST_AGE, "30d"));

        assertTrue(limits.acceptsEventTime(NOW.minus(Duration.ofDays(30)), NOW.toEpochMilli()));
        String why = limits.eventTimeViolation(NOW.minus(Duration.ofDays(31)), NOW.toEpochMilli()).orElseThrow();
        assertTrue(why.contains("input.max.past.age=PT720H"), why);
    }

    @Test
    void theDeadLetterLimitOnlyGoesDownAndNotBelowRoomForTheMetadata() {
        InputLimits limits = InputLimits.defaults();

        assertEquals(1_048_576, limits.deadLetterMaxBytes());
        assertEquals(500_000, limits.withDeadLetterMaxBytesAtMost(500_000).deadLetterMaxBytes());
        assertEquals(1_048_576, limits.withDeadLetterMaxBytesAtMost(5_000_000).deadLetterMaxBytes());
        assertEquals(InputLimits.MIN_DEAD_LETTER_BYTES, limits.withDeadLetterMaxBytesAtMost(100).deadLetterMaxBytes());
        assertThrows(IllegalArgumentException.class,
                () -> InputLimits.fromMap(Map.of(InputLimits.DEAD_LETTER_MAX_BYTES, "1000")));
    }
}
