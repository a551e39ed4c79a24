package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.fail;

import io.newsflow.topology.dlq.RejectedRecord;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * One step driven record by record at chosen offsets, as a task restarted under at-least-once
 * replays them (TopologyTestDriver cannot deliver a record at an offset it already delivered):
 * in-memory stores without changelogs, and a test failure on any dead letter. Steps of different result
 * types (the tick step's and the bucket-close step's) can share one context and its stores.
 */
final class ReplayContext {

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();

    ReplayContext() {
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(0);
    }

    /** The context as a step emitting {@code W} sees it: the mock records whatever is forwarded. */
    @SuppressWarnings("unchecked")
    <W> ProcessorContext<String, W> context() {
        return (ProcessorContext<String, W>) (ProcessorContext<?, ?>) context;
    }

    <S> KeyValueStore<String, S> addStore(String name, Serde<S> valueSerde) {
        KeyValueStore<String, S> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), valueSerde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** Processes {@code record} as read from partition 0 of {@code topic} at {@code offset}; returns the results. */
    @SuppressWarnings("unchecked")
    <I, W> List<W> process(Processor<String, I, String, W> step, String topic, long offset,
            Record<String, I> record) {
        context.resetForwards();
        context.setRecordMetadata(topic, 0, offset);
        try {
            step.process(record);
        } catch (RejectedRecord rejected) {
            fail("dead letter: " + rejected.failures());
        }
        return context.forwarded().stream().map(f -> (W) f.record().value()).toList();
    }
}
