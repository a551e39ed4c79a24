package io.newsflow.bench;

import java.util.Collection;

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

    /** Stops it; throws if it failed while running. */
    @Override
    void close() throws Exception;
}
