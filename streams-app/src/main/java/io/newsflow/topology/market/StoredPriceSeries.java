package io.newsflow.topology.market;

import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Price look-ups straight from a tick-points store (keys {@code symbol|bucket start|}), for the
 * steps that see few records (articles, deal updates) and so keep no in-memory copy. Agrees with
 * {@link TickHistory}, which writes the store.
 */
public final class StoredPriceSeries implements PriceSeries {

    private final TimeIndex<TickPoint> index;
    private final long resolutionMs;

    public StoredPriceSeries(KeyValueStore<String, TickPoint> store, long resolutionMs) {
        this.index = new TimeIndex<>(store);
        this.resolutionMs = resolutionMs;
    }

    /** Over the task's store {@code storeName} ({@code StoreNames.CLOSE_POINTS}). */
    public static StoredPriceSeries of(ProcessorContext<?, ?> context, String storeName, TopologySettings settings) {
        return new StoredPriceSeries(context.getStateStore(storeName), settings.ticks().resolution().millis());
    }

    @Override
    public Optional<Point> latest(String symbol) {
        return index.latest(symbol).map(e -> e.value().point());
    }

    @Override
    public Optional<Point> atOrBefore(String symbol, long time) {
        // the bucket holding `time` may keep a later tick of the same bucket: then the one before
        Optional<TimeIndex.Entry<TickPoint>> entry = index.latestAtOrBefore(symbol, time);
        if (entry.isPresent() && entry.get().value().time() > time) {
            entry = index.latestAtOrBefore(symbol, entry.get().time() - 1);
        }
        return entry.map(e -> e.value().point());
    }

    @Override
    public Optional<Point> earliestAtOrAfter(String symbol, long time) {
        Optional<TimeIndex.Entry<TickPoint>> entry =
                index.earliestAtOrAfter(symbol, Math.floorDiv(time, resolutionMs) * resolutionMs);
        if (entry.isPresent() && entry.get().value().time() < time) {
            entry = index.earliestAtOrAfter(symbol, entry.get().time() + 1);
        }
        return entry.map(e -> e.value().point());
    }
}
