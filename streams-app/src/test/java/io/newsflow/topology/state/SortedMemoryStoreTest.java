package io.newsflow.topology.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sorted in-memory store behind the hot stores, used the way Kafka Streams wraps it. */
class SortedMemoryStoreTest {

    private KeyValueStore<String, String> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(SortedMemoryStore.supplier("s"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        for (String key : List.of("META|2", "META|1", "META|3", "NVDA|1", "AMZN|1")) {
            store.put(key, "v" + key);
        }
    }

    @Test
    void rangesAreInKeyOrderWithInclusiveBoundsInBothDirections() {
        assertEquals(List.of("META|1", "META|2", "META|3"), keys(store.range("META|", "META|~")));
        assertEquals(List.of("META|3", "META|2", "META|1"), keys(store.reverseRange("META|", "META|~")));
        assertEquals(List.of("META|2", "META|3"), keys(store.range("META|2", "META|3")));
        assertEquals(List.of("AMZN|1", "META|1"), keys(store.range(null, "META|1")));
        assertEquals(List.of("NVDA|1"), keys(store.range("N", null)));
        assertEquals(List.of(), keys(store.range("META|3", "META|1")), "an inverted range is empty");
        assertEquals(5, keys(store.all()).size());
        assertEquals("NVDA|1", keys(store.reverseAll()).get(0));
    }

    @Test
    void prefixScanAndPointOperations() {
        assertEquals(List.of("META|1", "META|2", "META|3"), keys(store.prefixScan("META|", new StringSerializer())));
        assertEquals("vMETA|2", store.get("META|2"));
        assertEquals("vMETA|2", store.delete("META|2"));
        assertNull(store.get("META|2"));
        assertEquals("vAMZN|1", store.putIfAbsent("AMZN|1", "other"));
        store.put("AMZN|1", null);
        assertNull(store.get("AMZN|1"));
        store.putAll(List.of(KeyValue.pair("X", "1"), KeyValue.pair("Y", "2")));
        assertEquals(5, store.approximateNumEntries());
    }

    @Test
    void anIteratorStaysValidWhileTheStoreChanges() {
        try (KeyValueIterator<String, String> it = store.range("META|", "META|~")) {
            assertEquals("META|1", it.peekNextKey());
            store.delete("META|1");
            store.put("META|0", "new");
            List<String> seen = new ArrayList<>();
            it.forEachRemaining(kv -> seen.add(kv.key));
            assertFalse(seen.isEmpty());
        }
    }

    @Test
    void closingEmptiesIt() {
        store.close();
        assertFalse(store.isOpen());
        assertArrayEquals(new Object[0], keys(store.all()).toArray());
    }

    private static List<String> keys(KeyValueIterator<String, String> it) {
        List<String> keys = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
