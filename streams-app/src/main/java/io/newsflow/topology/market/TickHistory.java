package io.newsflow.topology.market;

import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every symbol's recent ticks, one per {@code ticks.resolution} bucket (the bucket's newest tick),
 * bounded by the retention, held in memory as sorted primitive arrays and written through to a
 * changelogged store.
 *
 * <p>Why: the tick path asks for "the price at or before t" several times per tick (alert windows,
 * reaction horizons, the credit window). Against a store each answer is a range scan through the
 * store's layers; here it is a binary search. The store stays the durable copy: a symbol's series
 * is loaded from it on first use after a restart or rebalance.
 *
 * <p>Writes: a bucket's first tick goes to the store at once, so does its final tick when the next
 * bucket opens, and a late tick that changes an older bucket. The ticks in between only update
 * memory and are written by {@link #flush}, which the owning processor runs every commit interval
 * (wall clock): a store write per tick cost more than everything else the tick step does. So after
 * a crash the bucket that was open may hold an earlier tick of the same bucket, at most one commit
 * interval older, until the next tick of that bucket replaces it: within the resolution's own
 * approximation. The store's record cache turns its writes into one changelog record per key and
 * commit.
 *
 * <p>One instance per task and store, used by the single processor that records the ticks.
 */
public final class TickHistory implements PriceSeries {

    private final KeyValueStore<String, TickPoint> store;
    private final long resolutionMs;
    private final long retentionMs;
    private static final long DEFAULT_FLUSH_MS = 1_000;

    private final Map<String, Series> bySymbol = new HashMap<>();

    public TickHistory(KeyValueStore<String, TickPoint> store, long resolutionMs, long retentionMs) {
        if (resolutionMs <= 0) {
            throw new IllegalArgumentException("resolution must be positive");
        }
        this.store = store;
        this.resolutionMs = resolutionMs;
        this.retentionMs = retentionMs;
    }

    /** What recording a tick did to the symbol's series. */
    public enum Recorded {
        /** Older than the symbol's newest tick (kept in its bucket if the bucket had no later tick, or dropped). */
        OLDER,
        /** The symbol's newest tick, in the same bucket as the previous newest. */
        NEWEST,
        /** The symbol's newest tick, and the first of a new bucket. */
        NEWEST_IN_NEW_BUCKET;

        public boolean newest() {
            return this != OLDER;
        }
    }

    /**
     * Keeps the tick unless it is older than the retention behind the symbol's newest tick or an
     * older tick of an already kept bucket, and drops the symbol's expired ticks.
     */
    public Recorded record(String symbol, long time, double price) {
        Series series = series(symbol);
        long newest = series.isEmpty() ? time : Math.max(series.newestTime(), time);
        if (time < newest - retentionMs) {
            return Recorded.OLDER; // too old to matter for any window, and would be dropped right away
        }
        long bucket = bucket(time);
        Recorded recorded = series.isEmpty() || bucket > series.newestBucket() ? Recorded.NEWEST_IN_NEW_BUCKET
                : time >= series.newestTime() ? Recorded.NEWEST : Recorded.OLDER;
        if (recorded == Recorded.NEWEST_IN_NEW_BUCKET) {
            write(symbol, series); // the closing bucket's final tick, if it was not written yet
        }
        if (series.put(bucket, time, price)) {
            if (recorded == Recorded.NEWEST) {
                series.dirty = true;
            } else {
                store.put(series.key(symbol, bucket), new TickPoint(time, price));
            }
        }
        long cutoff = newest - retentionMs;
        while (!series.isEmpty() && series.oldestTime() < cutoff) {
            store.delete(key(symbol, series.oldestBucket()));
            series.dropOldest();
        }
        return recorded;
    }

    /** Writes every symbol's newest tick not written yet (see the class comment). */
    public void flush() {
        bySymbol.forEach(this::write);
    }

    /** The history kept in the task's store {@code storeName}, flushed every commit (what a processor's init does). */
    public static TickHistory open(ProcessorContext<?, ?> context, String storeName, TopologySettings settings) {
        TickHistory history = new TickHistory(context.getStateStore(storeName), settings.ticks().resolution().millis(),
                settings.tickRetentionMs());
        history.flushEveryCommit(context);
        return history;
    }

    /** Schedules {@link #flush} every commit interval of the task's Kafka Streams configuration. */
    public void flushEveryCommit(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long interval = configured == null ? DEFAULT_FLUSH_MS : Math.max(1, Long.parseLong(configured.toString()));
        context.schedule(Duration.ofMillis(interval), PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    private void write(String symbol, Series series) {
        if (series.dirty && !series.isEmpty()) {
            int newest = series.end - 1;
            store.put(series.key(symbol, series.buckets[newest]),
                    new TickPoint(series.times[newest], series.prices[newest]));
        }
        series.dirty = false;
    }

    @Override
    public Optional<Point> latest(String symbol) {
        Series series = series(symbol);
        return series.isEmpty() ? Optional.empty() : Optional.of(series.point(series.end - 1));
    }

    @Override
    public Optional<Point> atOrBefore(String symbol, long time) {
        Series series = series(symbol);
        int i = series.floor(time);
        return i < 0 ? Optional.empty() : Optional.of(series.point(i));
    }

    @Override
    public Optional<Point> earliestAtOrAfter(String symbol, long time) {
        Series series = series(symbol);
        int i = series.ceiling(time);
        return i < 0 ? Optional.empty() : Optional.of(series.point(i));
    }

    /** As {@link PriceSeries#change}, with one look-up of the symbol: the alert windows ask on every tick. */
    @Override
    public Optional<Return> change(String symbol, long start, long end) {
        Series series = series(symbol);
        int to = series.floor(end);
        if (to < 0) {
            return Optional.empty();
        }
        int from = series.floor(start);
        if (from < 0) {
            from = series.ceiling(start);
            if (from < 0 || series.times[from] >= end) {
                return Optional.empty();
            }
        }
        if (series.times[from] > series.times[to]) {
            return Optional.empty();
        }
        return Optional.of(new Return(series.point(from), series.point(to)));
    }

    private long bucket(long time) {
        return Math.floorDiv(time, resolutionMs) * resolutionMs;
    }

    private static String key(String symbol, long bucket) {
        return TimeIndex.key(symbol, bucket, "");
    }

    /** The symbol's series, read from the store the first time this task touches the symbol. */
    private Series series(String symbol) {
        Series series = bySymbol.get(symbol);
        if (series == null) {
            series = new Series();
            for (TimeIndex.Entry<TickPoint> e : new TimeIndex<>(store).range(symbol, 0, TimeIndex.MAX_TIME)) {
                series.put(e.time(), e.value().time(), e.value().price());
            }
            bySymbol.put(symbol, series);
        }
        return series;
    }

    /**
     * Points sorted by time, at most one per bucket, in {@code [start, end)} of growable arrays:
     * appends and drops at the ends are O(1), a look-up is a binary search.
     */
    private static final class Series {
        private long[] buckets = new long[64];
        private long[] times = new long[64];
        private double[] prices = new double[64];
        private int start;
        private int end;
        /** The newest bucket holds a tick that is not in the store yet. */
        private boolean dirty;
        /** The store key of the newest bucket: most ticks land there, so it is built once per bucket. */
        private long keyBucket = Long.MIN_VALUE;
        private String key;

        String key(String symbol, long bucket) {
            if (bucket != keyBucket) {
                key = TickHistory.key(symbol, bucket);
                keyBucket = bucket;
            }
            return key;
        }

        boolean isEmpty() {
            return start == end;
        }

        long newestTime() {
            return times[end - 1];
        }

        long newestBucket() {
            return buckets[end - 1];
        }

        long oldestTime() {
            return times[start];
        }

        long oldestBucket() {
            return buckets[start];
        }

        void dropOldest() {
            start++;
        }

        Point point(int i) {
            return new Point(times[i], prices[i]);
        }

        /** Sets the bucket's point unless it already holds a later tick; returns whether it changed. */
        boolean put(long bucket, long time, double price) {
            int i = end - 1;
            if (i < start || buckets[i] < bucket) {
                insert(end, bucket, time, price); // the usual case: a new bucket at the end
                return true;
            }
            if (buckets[i] != bucket) {
                i = Arrays.binarySearch(buckets, start, end, bucket);
                if (i < 0) {
                    insert(-i - 1, bucket, time, price); // a late tick in a bucket not kept yet
                    return true;
                }
            }
            if (times[i] > time) {
                return false;
            }
            times[i] = time;
            prices[i] = price;
            return true;
        }

        /** Index of the newest point at or before {@code time}, or -1. */
        int floor(long time) {
            int after = firstAfter(time, false);
            return after > start ? after - 1 : -1;
        }

        /** Index of the oldest point at or after {@code time}, or -1. */
        int ceiling(long time) {
            int at = firstAfter(time, true);
            return at < end ? at : -1;
        }

        /** The first index whose time is after {@code time} (or at it, when {@code inclusive}); end if none. */
        private int firstAfter(long time, boolean inclusive) {
            int lo = start;
            int hi = end;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (inclusive ? times[mid] >= time : times[mid] > time) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        private void insert(int at, long bucket, long time, double price) {
            if (end == buckets.length) {
                int shift = start;
                compactOrGrow(); // moves the live points to index 0
                at -= shift;
            }
            System.arraycopy(buckets, at, buckets, at + 1, end - at);
            System.arraycopy(times, at, times, at + 1, end - at);
            System.arraycopy(prices, at, prices, at + 1, end - at);
            buckets[at] = bucket;
            times[at] = time;
            prices[at] = price;
            end++;
        }

        private void compactOrGrow() {
            int size = end - start;
            int capacity = size * 2 <= buckets.length ? buckets.length : buckets.length * 2;
            buckets = move(buckets, capacity);
            times = move(times, capacity);
            double[] p = new double[capacity];
            System.arraycopy(prices, start, p, 0, size);
            prices = p;
            start = 0;
            end = size;
        }

        private long[] move(long[] from, int capacity) {
            long[] to = new long[capacity];
            System.arraycopy(from, start, to, 0, end - start);
            return to;
        }
    }
}
