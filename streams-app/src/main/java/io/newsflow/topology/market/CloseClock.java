package io.newsflow.topology.market;

import io.newsflow.topology.StoreNames;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The clock of the task's {@code tick-closes} partition: the newest event time of the (non-benchmark)
 * closes read from it. Those closes come from one hot-path task, in that task's (event-time) order, so
 * once the clock has passed a time, every close at or before it of every ticker of the partition is in,
 * whatever the pace of the benchmark's task; a reaction's fallback waits for it
 * ({@link ReactionTracker}). Kept in a store ({@link StoreNames#CLOSE_CLOCKS}), so that a restart
 * resumes from the clock as of the last commit, like the closes themselves.
 */
public final class CloseClock {

    private final KeyValueStore<String, Long> store;

    public CloseClock(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    public static CloseClock of(ProcessorContext<?, ?> context) {
        return new CloseClock(context.getStateStore(StoreNames.CLOSE_CLOCKS));
    }

    /**
     * Moves the clock of the partition of the record being processed to {@code time} if later; returns
     * the clock before. A close comes from the partition the record context names.
     */
    public long advance(ProcessorContext<?, ?> context, long time) {
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        String key = Integer.toString(partition);
        Long before = store.get(key);
        if (before == null || time > before) {
            store.put(key, time);
        }
        return before == null ? Long.MIN_VALUE : before;
    }

    /** The clock (the newest of its partitions': a task reads one); MIN_VALUE before the first close. */
    public long time() {
        long newest = Long.MIN_VALUE;
        try (KeyValueIterator<String, Long> it = store.all()) {
            while (it.hasNext()) {
                newest = Math.max(newest, it.next().value);
            }
        }
        return newest;
    }
}
