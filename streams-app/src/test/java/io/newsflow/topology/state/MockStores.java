package io.newsflow.topology.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** In-memory stores registered on a {@link MockProcessorContext}, for unit specifications of one processor's parts. */
public final class MockStores {

    private MockStores() {
    }

    /** A sorted in-memory store named {@code name} (as the topology's), without a changelog, added to the context. */
    public static <V> KeyValueStore<String, V> add(MockProcessorContext<Object, Object> context, String name,
            Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(SortedMemoryStore.supplier(name), Serdes.String(),
                serde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
