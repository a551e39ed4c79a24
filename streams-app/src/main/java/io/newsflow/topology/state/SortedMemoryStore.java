package io.newsflow.topology.state;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.StoreQueryUtils;

/**
 * An in-memory key-value bytes store whose range scans are views, not copies.
 *
 * <p>Why not {@code Stores.inMemoryKeyValueStore}: its {@code range}/{@code reverseRange} copy the
 * key set of the range before iterating, so "latest tick at or before t" over a symbol's history
 * costs O(history) per look-up. A time-indexed store does several such look-ups per tick. Here a
 * look-up is a skip-list seek: O(log n), and the iterator stops as soon as the caller does.
 *
 * <p>Iterators are weakly consistent (they reflect some writes made while open and never fail on
 * them), which is all a single stream thread needs. The store is not persistent: Kafka Streams
 * restores it from its changelog on start, like its own in-memory stores.
 */
public final class SortedMemoryStore implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final ConcurrentSkipListMap<Bytes, byte[]> map = new ConcurrentSkipListMap<>();
    private final Position position = Position.emptyPosition();
    private volatile boolean open;
    private StateStoreContext context;

    public SortedMemoryStore(String name) {
        this.name = name;
    }

    /** Supplies the store to {@code Stores.keyValueStoreBuilder}, which adds the changelog and metrics layers. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new SortedMemoryStore(name);
            }

            @Override
            public String metricsScope() {
                return "sorted-in-memory";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            // changelog records replayed on restore: a null value is a deletion
            context.register(root, (key, value) -> put(Bytes.wrap(key), value));
        }
        open = true;
    }

    @Override
    public void put(Bytes key, byte[] value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] old = map.get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(kv -> put(kv.key, kv.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        return map.remove(key);
    }

    @Override
    public byte[] get(Bytes key) {
        return map.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return iterate(view(from, to));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return iterate(view(from, to).descendingMap());
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return iterate(map);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return iterate(map.descendingMap());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        Bytes to = Bytes.increment(from);
        return iterate(map.subMap(from, true, to, false));
    }

    /** Bounds are inclusive and either may be null (unbounded), as in the KeyValueStore contract. */
    private NavigableMap<Bytes, byte[]> view(Bytes from, Bytes to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            return new ConcurrentSkipListMap<>(); // an inverted range is empty, as in Kafka's stores
        }
        if (from == null && to == null) {
            return map;
        }
        if (from == null) {
            return map.headMap(to, true);
        }
        if (to == null) {
            return map.tailMap(from, true);
        }
        return map.subMap(from, true, to, true);
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        map.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position; // consistency vectors are not tracked: queries with a position bound see the latest state
    }

    /** Interactive Queries v2 (key and range queries), answered like Kafka's own key-value stores. */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueryUtils.handleBasicQueries(query, positionBound, config, this, position, context);
    }

    private static KeyValueIterator<Bytes, byte[]> iterate(NavigableMap<Bytes, byte[]> view) {
        Iterator<Map.Entry<Bytes, byte[]>> it = view.entrySet().iterator();
        return new KeyValueIterator<>() {
            private Map.Entry<Bytes, byte[]> peeked;

            @Override
            public boolean hasNext() {
                if (peeked == null && it.hasNext()) {
                    peeked = it.next();
                }
                return peeked != null;
            }

            @Override
            public KeyValue<Bytes, byte[]> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                KeyValue<Bytes, byte[]> next = KeyValue.pair(peeked.getKey(), peeked.getValue());
                peeked = null;
                return next;
            }

            @Override
            public Bytes peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return peeked.getKey();
            }

            @Override
            public void close() {
                // a view holds no resources
            }
        };
    }
}
