package io.newsflow.runtime.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.metrics.Degradations;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.RegistryFaults;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The uncaught-exception handler: a failed stream thread is replaced (it resumes from the last
 * commit, so nothing is lost), after a back-off that doubles with each failure in a row (1 s up
 * to 30 s), so that a failure that repeats (the schema registry down, a record that fails every
 * time) does not spin.
 *
 * <p>Failures are also counted per input record (topic, partition, offset), as the error handler
 * that failed the thread saw it ({@link FailedRecords}): when the same record has failed a thread
 * {@link #DEGRADED_AFTER} times, the replacement fails where its predecessor did, and
 * {@code /health} reports DEGRADED. Failures with no record (a commit, the broker away) only back off.
 */
public final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);

    public static final String SOURCE = "stream-thread";
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A failure this long after the previous one (in a row, or on the same record) starts a new series. */
    static final Duration SERIES_GAP = Duration.ofMinutes(5);
    /** Failures on one record from which the thread counts as replaced repeatedly on the same offset. */
    static final int DEGRADED_AFTER = 2;
    static final int RECORDS_KEPT = 100;

    private record Series(int failures, long lastMs) {
    }

    private final Degradations degradations;
    private final FailedRecords failedRecords;
    private final LongSupplier clock;
    private final Map<String, Series> byRecord = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Series> eldest) {
            return size() > RECORDS_KEPT;
        }
    };
    private Counter replacements;
    private int inARow;
    private long lastFailureMs;

    public ThreadFailures(Degradations degradations, FailedRecords failedRecords) {
        this(degradations, failedRecords, System::currentTimeMillis);
    }

    ThreadFailures(Degradations degradations, FailedRecords failedRecords, LongSupplier clock) {
        this.degradations = degradations;
        this.failedRecords = failedRecords;
        this.clock = clock;
    }

    /**
     * Registers {@code newsflow.stream.thread.replacements} and {@code newsflow.stream.thread.same.record.failures}
     * (the most failures of one input record in a series) in {@code registry}.
     */
    public ThreadFailures bindTo(MeterRegistry registry) {
        replacements = Counter.builder("newsflow.stream.thread.replacements")
                .description("Stream threads that failed and were replaced").register(registry);
        Gauge.builder("newsflow.stream.thread.same.record.failures", this, f -> f.mostOnOneRecord(f.clock.getAsLong()))
                .description("The most stream thread failures on one input record (topic, partition, offset) in the last "
                        + SERIES_GAP.toMinutes() + " minutes; " + DEGRADED_AFTER + " or more is DEGRADED")
                .register(registry);
        return this;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.getAsLong();
        long backoff = recordFailure(now);
        String why = DeadLetters.describe(rootOf(exception));
        String record = failedRecords.take().orElse(null);
        int onRecord = record == null ? 0 : recordFailureOn(record, now);
        LOG.warn("Stream thread failed (" + inARow + " in a row" + (record == null ? "" : ", " + onRecord
                + " on " + record) + "), replacing it in " + backoff + " ms: " + why);
        if (RegistryFaults.isOutage(exception)) {
            degradations.report(RegistryFaults.SOURCE, "schema registry unavailable, processing waits: " + why);
        }
        if (onRecord >= DEGRADED_AFTER) {
            degradations.report(SOURCE, "stream thread replaced " + onRecord + " times on the same record " + record
                    + ", last: " + why);
        }
        if (replacements != null) {
            replacements.increment();
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

    /** Counts a failure on {@code record} ({@code topic-partition@offset}) at {@code nowMs}; the failures on it so far. */
    synchronized int recordFailureOn(String record, long nowMs) {
        Series before = byRecord.get(record);
        int failures = before == null || nowMs - before.lastMs() > SERIES_GAP.toMillis() ? 1 : before.failures() + 1;
        byRecord.put(record, new Series(failures, nowMs));
        return failures;
    }

    synchronized int mostOnOneRecord(long nowMs) {
        return byRecord.values().stream().filter(s -> nowMs - s.lastMs() <= SERIES_GAP.toMillis())
                .mapToInt(Series::failures).max().orElse(0);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
