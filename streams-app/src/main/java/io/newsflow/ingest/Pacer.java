package io.newsflow.ingest;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Paces a replay by event time: the first event sets the origin; event e is released no earlier
 * than {@code origin wall time + (e - first event time) / speedUp}. Waiting is computed against the
 * origin, not the previous event, so sleep overshoot does not accumulate. Clock and sleeper are
 * injected so tests run without sleeping.
 */
public final class Pacer {

    /** Blocks the caller for the given number of milliseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Pace pace;
    private final LongSupplier clockMillis;
    private final Sleeper sleeper;
    private Instant firstEvent;
    private long originWallMillis;

    public Pacer(Pace pace, LongSupplier clockMillis, Sleeper sleeper) {
        this.pace = pace;
        this.clockMillis = clockMillis;
        this.sleeper = sleeper;
    }

    public static Pacer system(Pace pace) {
        return new Pacer(pace, System::currentTimeMillis, Thread::sleep);
    }

    /** Waits until the event may be published. Events earlier than the previous one go out at once. */
    public void await(Instant eventTime) throws InterruptedException {
        if (pace.isAsap()) {
            return;
        }
        if (firstEvent == null) {
            firstEvent = eventTime;
            originWallMillis = clockMillis.getAsLong();
            return;
        }
        long eventOffset = eventTime.toEpochMilli() - firstEvent.toEpochMilli();
        long due = originWallMillis + (long) Math.floor(eventOffset / pace.speedUp());
        long wait = due - clockMillis.getAsLong();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
