package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock that only moves when the pacer sleeps, recording each sleep. */
    private static final class FakeTime {
        long now = 1_000_000;
        final List<Long> sleeps = new ArrayList<>();

        Pacer pacer(Pace pace) {
            return new Pacer(pace, () -> now, millis -> {
                sleeps.add(millis);
                now += millis;
            });
        }
    }

    private static final Instant T0 = Instant.parse("2025-10-29T20:00:00Z");

    @Test
    void realtimeWaitsTheEventTimeGaps() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pace.REALTIME);

        pacer.await(T0);
        pacer.await(T0.plusSeconds(30));
        pacer.await(T0.plusSeconds(30));
        pacer.await(T0.plusSeconds(90));

        assertEquals(List.of(30_000L, 60_000L), time.sleeps);
    }

    @Test
    void speedUpDividesTheGapsAndWorkDoneMeanwhileIsNotWaitedTwice() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pace.parse("x60"));

        pacer.await(T0);
        time.now += 400; // publishing took 400 ms
        pacer.await(T0.plusSeconds(60));
        pacer.await(T0.plusSeconds(120));

        assertEquals(List.of(600L, 1_000L), time.sleeps);
    }

    @Test
    void asapNeverSleeps() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pace.parse("asap"));

        pacer.await(T0);
        pacer.await(T0.plusSeconds(3600));

        assertEquals(List.of(), time.sleeps);
    }

    @Test
    void eventsOutOfOrderGoOutAtOnce() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Pace.REALTIME);

        pacer.await(T0.plusSeconds(10));
        pacer.await(T0);

        assertEquals(List.of(), time.sleeps);
    }

    @Test
    void paceNamesAreParsedAndBadOnesRejected() {
        assertEquals(Pace.ASAP, Pace.parse("ASAP"));
        assertEquals(Pace.REALTIME, Pace.parse("realtime"));
        assertEquals(10.0, Pace.parse("x10").speedUp());
        assertThrows(IllegalArgumentException.class, () -> Pace.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> Pace.parse("x0"));
    }
}
