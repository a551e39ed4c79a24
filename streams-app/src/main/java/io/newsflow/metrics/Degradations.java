package io.newsflow.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Problems that keep the app from making progress without stopping it (a schema registry outage,
 * a stream thread failing again and again, a partition stuck while it has lag): {@code /health}
 * answers DEGRADED while there is one, and {@code newsflow_degraded} is 1.
 *
 * <p>A problem is reported again on every occurrence and is over when it has not been reported for
 * {@link #EXPIRY}: whoever sees it need not also notice that it ended.
 */
public final class Degradations {

    public static final Duration EXPIRY = Duration.ofSeconds(60);

    private record Problem(String why, long lastSeenMs) {
    }

    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public Degradations() {
        this(System::currentTimeMillis);
    }

    public Degradations(LongSupplier clock) {
        this.clock = clock;
    }

    /** Registers {@code newsflow.degraded} (1 while degraded, else 0) in {@code registry}. */
    public Degradations bindTo(MeterRegistry registry) {
        Gauge.builder("newsflow.degraded", this, d -> d.current().isEmpty() ? 0 : 1)
                .description("1 while /health reports DEGRADED (see /health for why), else 0")
                .register(registry);
        return this;
    }

    /** @param source a bounded name of the kind of problem (e.g. "schema-registry"); a new report replaces the old */
    public void report(String source, String why) {
        problems.put(source, new Problem(why, clock.getAsLong()));
    }

    public void clear(String source) {
        problems.remove(source);
    }

    /** The current problems by source, sorted. */
    public Map<String, String> current() {
        long now = clock.getAsLong();
        Map<String, String> current = new TreeMap<>();
        problems.forEach((source, problem) -> {
            if (now - problem.lastSeenMs() <= EXPIRY.toMillis()) {
                current.put(source, problem.why());
            }
        });
        return current;
    }
}
