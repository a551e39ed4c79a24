package io.newsflow.api;

import java.util.List;

/**
 * Range reads of the app's state stores, wherever the data lives. Keys are strings; a range is
 * inclusive at both ends.
 */
public interface StoreReader {

    /**
     * Entries of the partition that holds {@code routingKey} (the key the store's input topic is
     * partitioned by), read on this instance if it hosts the partition, else on the instance that does.
     */
    List<StoreEntry> range(String store, String routingKey, Range range);

    /** Entries of every partition of the store, on all instances. */
    List<StoreEntry> scan(String store, Range range);

    /** Key bounds, order and how many entries at most. */
    record Range(String from, String to, boolean descending, int limit) {

        public static Range of(String from, String to) {
            return new Range(from, to, false, Integer.MAX_VALUE);
        }

        public static Range key(String key) {
            return new Range(key, key, false, 1);
        }

        public Range newestFirst(int limit) {
            return new Range(from, to, true, limit);
        }
    }
}
