package io.newsflow.runtime.errors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.metrics.Degradations;
import io.newsflow.topology.dlq.DeadLetters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Stream threads fenced or whose tasks migrated away: a thread whose transaction outlived
 * {@code transaction.timeout.ms} (exactly-once) or whose consumer missed {@code max.poll.interval.ms}
 * is fenced, and Kafka Streams handles that by itself (it closes the thread's tasks, rejoins the group and
 * takes them again from the last commit): no uncaught exception, no {@link ThreadFailures}. Once is an
 * ordinary event (another instance took over); {@value #DEGRADED_AFTER} times within {@link #WINDOW} is a
 * thread that takes the same records again and again without committing them, so {@code /health} reports
 * DEGRADED with the reason {@value #SOURCE}. Told by the Streams producer and consumer
 * ({@link RefusalAwareClientSupplier}). Thread-safe.
 */
public final class FencedThreads {

    public static final String SOURCE = "fenced-thread";
    static final int DEGRADED_AFTER = 2;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Degradations degradations;
    private final LongSupplier clock;
    private final Deque<Long> recent = new ArrayDeque<>();
    private Counter fenced;

    public FencedThreads(Degradations degradations) {
        this(degradations, System::currentTimeMillis);
    }

    FencedThreads(Degradations degradations, LongSupplier clock) {
        this.degradations = degradations;
        this.clock = clock;
    }

    /** Registers {@code newsflow.stream.thread.fenced} (a counter) in {@code registry}. */
    public FencedThreads bindTo(MeterRegistry registry) {
        fenced = Counter.builder("newsflow.stream.thread.fenced")
                .description("Stream threads fenced (transaction timed out, or tasks migrated to another thread)")
                .register(registry);
        return this;
    }

    /** Whether {@code e} (or a cause) says the thread was fenced or its tasks migrated. */
    static boolean isFencing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof CommitFailedException) {
                return true;
            }
        }
        return false;
    }

    /** Notes one fencing of a thread; reports DEGRADED once it repeats within the window. */
    public void fenced(Throwable cause) {
        long now = clock.getAsLong();
        int count;
        synchronized (recent) {
            recent.addLast(now);
            while (now - recent.peekFirst() > WINDOW.toMillis()) {
                recent.removeFirst();
            }
            count = recent.size();
        }
        if (fenced != null) {
            fenced.increment();
        }
        String why = DeadLetters.describe(cause);
        System.err.println("Stream thread fenced (" + count + " in the last " + WINDOW.toMinutes() + " minutes): " + why);
        if (count >= DEGRADED_AFTER) {
            degradations.report(SOURCE, "stream thread fenced " + count + " times in the last " + WINDOW.toMinutes()
                    + " minutes: it processes the same records again without committing them (a transaction longer"
                    + " than transaction.timeout.ms, or a poll loop longer than max.poll.interval.ms); last: " + why);
        }
    }
}
