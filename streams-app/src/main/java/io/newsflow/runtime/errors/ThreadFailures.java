package io.newsflow.runtime.errors;

import io.newsflow.metrics.Degradations;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.RegistryFaults;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The uncaught-exception handler: a failed stream thread is replaced (it resumes from the last
 * commit, so nothing is lost), after a back-off that doubles with each failure in a row (1 s up
 * to 30 s), so that a failure that repeats (the schema registry down, a record that fails every
 * time) does not spin. From the third failure in a row {@code /health} reports DEGRADED.
 */
public final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    public static final String SOURCE = "stream-thread";
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A failure this long after the previous one starts a new series. */
    static final Duration SERIES_GAP = Duration.ofMinutes(5);
    static final int DEGRADED_AFTER = 3;

    private final Degradations degradations;
    private int inARow;
    private long lastFailureMs;

    public ThreadFailures(Degradations degradations) {
        this.degradations = degradations;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        long backoff = recordFailure(System.currentTimeMillis());
        String why = DeadLetters.describe(rootOf(exception));
        System.err.println("Stream thread failed (" + inARow + " in a row), replacing it in " + backoff + " ms: " + why);
        if (RegistryFaults.isOutage(exception)) {
            degradations.report(RegistryFaults.SOURCE, "schema registry unavailable, processing waits: " + why);
        }
        if (inARow >= DEGRADED_AFTER) {
            degradations.report(SOURCE, inARow + " stream thread failures in a row, last: " + why);
        }
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Counts a failure at {@code nowMs}; the back-off before replacing the thread. */
    synchronized long recordFailure(long nowMs) {
        inARow = nowMs - lastFailureMs > SERIES_GAP.toMillis() ? 1 : inARow + 1;
        lastFailureMs = nowMs;
        long backoff = FIRST_BACKOFF.toMillis() << Math.min(inARow - 1, 10);
        return Math.min(backoff, MAX_BACKOFF.toMillis());
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
