package io.newsflow.topology.view;

import io.newsflow.topology.state.TimeIndex;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes each record of an output into its query view, and drops the group's entries older than
 * the retention behind the record: the view holds the retained history, not all time.
 */
final class ViewWriter<V> implements Processor<String, V, Void, Void> {

    private final QueryView<V> view;
    private final long retentionMs;
    private KeyValueStore<String, V> store;
    private TimeIndex<V> index;

    ViewWriter(QueryView<V> view, long retentionMs) {
        this.view = view;
        this.retentionMs = retentionMs;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(view.store());
        index = new TimeIndex<>(store);
    }

    @Override
    public void process(Record<String, V> record) {
        V value = record.value();
        if (value == null) {
            return; // the outputs carry no tombstones; nothing to show for one
        }
        store.put(view.keyOf(value), value);
        index.deleteBefore(view.group().apply(value), view.time().applyAsLong(value) - retentionMs);
    }
}
