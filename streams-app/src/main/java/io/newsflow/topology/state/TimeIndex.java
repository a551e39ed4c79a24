package io.newsflow.topology.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store used as a per-group time series: keys are {@code group|time|id} with the time
 * zero-padded, so byte order is time order and range scans answer "latest at or before t" and
 * "everything between a and b" for one group (symbol, ticker). Works with in-memory and RocksDB
 * stores alike.
 */
public final class TimeIndex<V> {

    private static final String SEP = "|";
    /** Sorts after any id character we use, closing a range. */
    private static final String END = "\uffff";
    /** Largest time the 15-digit key can hold (far beyond any event time). */
    public static final long MAX_TIME = 999_999_999_999_999L;

    private final KeyValueStore<String, V> store;

    public TimeIndex(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** A stored entry with its parsed time. */
    public record Entry<V>(String key, long time, V value) {
    }

    public static String key(String group, long time, String id) {
        return group + SEP + pad(time) + SEP + (id == null ? "" : id);
    }

    public void put(String group, long time, String id, V value) {
        store.put(key(group, time, id), value);
    }

    public void delete(String key) {
        store.delete(key);
    }

    /** Entries of the group with from <= time <= to, oldest first. */
    public List<Entry<V>> range(String group, long from, long to) {
        List<Entry<V>> out = new ArrayList<>();
        if (to < from) {
            return out;
        }
        try (KeyValueIterator<String, V> it = store.range(lower(group, Math.max(0, from)), upper(group, to))) {
            while (it.hasNext()) {
                var kv = it.next();
                out.add(entry(kv));
            }
        }
        return out;
    }

    /** The newest entry of the group at or before {@code time}. */
    public Optional<Entry<V>> latestAtOrBefore(String group, long time) {
        if (time < 0) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, V> it = store.reverseRange(lower(group, 0), upper(group, time))) {
            return it.hasNext() ? Optional.of(entry(it.next())) : Optional.empty();
        }
    }

    /** The oldest entry of the group at or after {@code time}. */
    public Optional<Entry<V>> earliestAtOrAfter(String group, long time) {
        try (KeyValueIterator<String, V> it = store.range(lower(group, Math.max(0, time)), upper(group, MAX_TIME))) {
            return it.hasNext() ? Optional.of(entry(it.next())) : Optional.empty();
        }
    }

    public Optional<Entry<V>> latest(String group) {
        return latestAtOrBefore(group, MAX_TIME);
    }

    /** Deletes the group's entries older than {@code time}; returns how many. */
    public int deleteBefore(String group, long time) {
        if (time <= 0) {
            return 0;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(lower(group, 0), upper(group, time - 1))) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(store::delete);
        return old.size();
    }

    private Entry<V> entry(KeyValue<String, V> kv) {
        String key = kv.key;
        int end = key.lastIndexOf(SEP);
        int start = key.lastIndexOf(SEP, end - 1);
        return new Entry<>(key, Long.parseLong(key.substring(start + 1, end)), kv.value);
    }

    /** The first key of the group at {@code time}: a range from it to {@link #upper} spans whole instants. */
    public static String lower(String group, long time) {
        return group + SEP + pad(time) + SEP;
    }

    /** The last possible key of the group at {@code time}. */
    public static String upper(String group, long time) {
        return group + SEP + pad(time) + SEP + END;
    }

    private static final String ZEROS = "000000000000000";

    /** 15 digits, zero-padded. On the per-tick hot path: String.format cost most of the stream thread. */
    private static String pad(long time) {
        String digits = Long.toString(Math.min(Math.max(time, 0), MAX_TIME));
        return ZEROS.substring(digits.length()) + digits;
    }
}
