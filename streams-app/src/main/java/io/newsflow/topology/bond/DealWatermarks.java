package io.newsflow.topology.bond;

import io.newsflow.topology.StoreNames;
import io.newsflow.topology.watermark.IdleSources;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deal watermark in a ticker task: the lowest of the bond-book tasks' watermarks
 * ({@link DealWatermarkFeed}; every deal update at or before it has reached this task), kept in
 * {@code deal-watermarks} with the {@link #GATE} every step of the task reads (the watermark, or the
 * largest long while every source is skipped as idle).
 *
 * <p>Liveness: a source whose watermark has not moved for {@code watermark.idle.timeout} while
 * another's is ahead of it, or while something waits for the gate, ({@link IdleSources}) is left out
 * until it moves again; with every source left out the gate is the largest long.
 */
public final class DealWatermarks {

    /** Key of the gate in {@code deal-watermarks}, read by {@link io.newsflow.topology.context.HeldOutputs}. */
    public static final String GATE = "gate";
    private static final String SOURCE = "source-";

    private final KeyValueStore<String, Long> store;
    private final IdleSources idle;
    private final int sources;
    private final BooleanSupplier waiting;

    /**
     * @param sources how many bond-book tasks send watermarks ({@code topic.partitions}); more are waited for when they show up
     * @param waiting whether anything waits for the gate (held outputs, ticks not judged yet): only then can every source be idle
     */
    DealWatermarks(ProcessorContext<?, ?> context, IdleSources idle, int sources, BooleanSupplier waiting) {
        this.store = context.getStateStore(StoreNames.DEAL_WATERMARKS);
        this.idle = idle;
        this.sources = sources;
        this.waiting = waiting;
    }

    /** The gate as of the deal watermarks, for {@link io.newsflow.topology.context.HeldOutputs}: MIN_VALUE before any. */
    public static long gate(KeyValueStore<String, Long> store) {
        Long gate = store.get(GATE);
        return gate == null ? Long.MIN_VALUE : gate;
    }

    /** Takes source {@code source}'s watermark; true when the gate moved. */
    boolean advance(int source, long watermark) {
        Long before = store.get(SOURCE + source);
        if (before == null || watermark > before) {
            store.put(SOURCE + source, watermark);
            idle.moved(source);
        }
        return regate();
    }

    /** Recomputes the gate (on the wall clock: sources may have gone idle); true when it moved. */
    boolean regate() {
        long low = low();
        if (low == gate(store)) {
            return false;
        }
        store.put(GATE, low);
        return true;
    }

    long gate() {
        return gate(store);
    }

    /** The lowest watermark over the sources waited for; MIN_VALUE while one has sent none; MAX_VALUE when all are skipped. */
    private long low() {
        Map<Integer, Long> known = watermarks();
        int count = Math.max(sources, known.isEmpty() ? 0 : ((TreeMap<Integer, Long>) known).lastKey() + 1);
        long high = known.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        long low = Long.MAX_VALUE;
        boolean behind = false;
        for (int p = 0; p < count; p++) {
            Long wm = known.get(p);
            behind |= wm == null || wm < high;
        }
        // a source is idle while another is ahead of it, or while all are quiet and something waits
        idle.holding(behind || waiting.getAsBoolean());
        for (int p = 0; p < count; p++) {
            Long wm = known.get(p);
            if (!idle.skip(p, wm == null ? Long.MIN_VALUE : wm)) {
                low = Math.min(low, wm == null ? Long.MIN_VALUE : wm);
            }
        }
        return low;
    }

    private Map<Integer, Long> watermarks() {
        Map<Integer, Long> known = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = store.prefixScan(SOURCE, new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> known.put(Integer.parseInt(kv.key.substring(SOURCE.length())), kv.value));
        }
        return known;
    }
}
