package io.newsflow.bench;

import java.util.Collection;
import java.util.Map;

/** What a latency run drives: the passthrough or the topology, started fresh from the latest offsets. */
interface SystemUnderTest extends AutoCloseable {

    String name();

    /** Starts it and returns once it owns its input partitions and will see every record produced from now on. */
    void startAndAwaitReady() throws Exception;

    Collection<String> outputTopics();

    /** True when outputs become visible only on commit (exactly-once): the probe then reads committed data only. */
    default boolean transactional() {
        return false;
    }

    /** From now on, {@link #inAppLag()} counts only the records processed after this call (the warm-up's end). */
    default void startLagMeasurement() {
    }

    /** The subject's own event-time-to-processed lag per input stream, when it measures one. */
    default Map<String, LagMetricSummary.StreamLag> inAppLag() {
        return Map.of();
    }

    /** Stops it; throws if it failed while running. */
    @Override
    void close() throws Exception;
}
