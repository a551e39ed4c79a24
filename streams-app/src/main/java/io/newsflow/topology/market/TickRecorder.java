package io.newsflow.topology.market;

import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.state.TimeIndex;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each symbol's recent ticks in a time-indexed store, bounded by the retention the
 * reactions, alerts and credit view need, and passes the tick on. Out-of-order ticks simply land
 * at their place in the series; ticks older than the retention are not stored.
 */
public class TickRecorder implements Processor<String, PriceTick, String, PriceTick> {

    private final String storeName;
    private final long retentionMs;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, PriceTick> context;
    private TimeIndex<Double> history;

    public TickRecorder(String storeName, long retentionMs, PipelineMetrics metrics) {
        this.storeName = storeName;
        this.retentionMs = retentionMs;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, PriceTick> context) {
        this.context = context;
        KeyValueStore<String, Double> store = context.getStateStore(storeName);
        this.history = new TimeIndex<>(store);
    }

    @Override
    public void process(Record<String, PriceTick> record) {
        PriceTick tick = record.value();
        if (record(history, tick, retentionMs)) {
            metrics.lastPrice(tick.getSymbol(), tick.getPrice());
        }
        context.forward(record);
    }

    /**
     * Stores the tick unless it is older than the retention, and prunes the symbol's expired
     * ticks. Returns true when the tick is the symbol's newest.
     */
    static boolean record(TimeIndex<Double> history, PriceTick tick, long retentionMs) {
        String symbol = tick.getSymbol();
        long time = tick.getEventTime().toEpochMilli();
        long latest = history.latest(symbol).map(TimeIndex.Entry::time).orElse(time);
        long newest = Math.max(latest, time);
        if (time < newest - retentionMs) {
            return false; // too old to matter for any window, and would be pruned right away
        }
        history.put(symbol, time, "", tick.getPrice());
        history.deleteBefore(symbol, newest - retentionMs);
        return time >= latest;
    }
}
