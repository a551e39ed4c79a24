package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Stores held in memory for the query API's specs: sorted key -> JSON per store; every "instance" is this one. */
final class MemoryStores implements StoreReader {

    private final Map<String, TreeMap<String, JsonNode>> stores = new TreeMap<>();

    void put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new TreeMap<>()).put(key, StateJson.toJson(value));
    }

    @Override
    public List<StoreEntry> range(String store, String routingKey, Range range) {
        return scan(store, range);
    }

    @Override
    public List<StoreEntry> scan(String store, Range range) {
        List<StoreEntry> out = new ArrayList<>();
        var entries = stores.getOrDefault(store, new TreeMap<>()).subMap(range.from(), true, range.to(), true);
        (range.descending() ? entries.descendingMap() : entries)
                .forEach((k, v) -> out.add(new StoreEntry(k, v)));
        return out.subList(0, Math.min(out.size(), range.limit()));
    }
}
