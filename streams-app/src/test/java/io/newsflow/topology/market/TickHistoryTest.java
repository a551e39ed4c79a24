package io.newsflow.topology.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.topology.market.PriceSeries.Point;
import io.newsflow.topology.market.TickHistory.Recorded;
import io.newsflow.topology.state.SortedMemoryStore;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory tick history: one tick per symbol and bucket, written through to its store. */
class TickHistoryTest {

    private static final long SECOND = 1_000;
    private static final long T = Instant.parse("2025-10-30T13:30:00Z").toEpochMilli();

    private KeyValueStore<String, TickPoint> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(SortedMemoryStore.supplier("ticks"), Serdes.String(), TickPoint.serde())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    private TickHistory history(long retentionMs) {
        return new TickHistory(store, SECOND, retentionMs);
    }

    @Test
    void keepsTheNewestTickOfEachBucket() {
        TickHistory history = history(3_600_000);

        assertEquals(Recorded.NEWEST_IN_NEW_BUCKET, history.record("META", T + 100, 750.0));
        assertEquals(Recorded.NEWEST, history.record("META", T + 900, 751.0));
        assertEquals(Recorded.OLDER, history.record("META", T + 500, 749.0)); // older than the bucket's newest
        assertEquals(Recorded.NEWEST_IN_NEW_BUCKET, history.record("META", T + 1_200, 752.0));

        assertEquals(2, store.approximateNumEntries());
        assertEquals(Optional.of(new Point(T + 1_200, 752.0)), history.latest("META"));
        assertEquals(Optional.of(new Point(T + 900, 751.0)), history.atOrBefore("META", T + 1_000));
        assertEquals(Optional.empty(), history.atOrBefore("META", T + 800), "the bucket keeps only its newest tick");
        assertEquals(Optional.of(new Point(T + 900, 751.0)), history.earliestAtOrAfter("META", T));
        assertEquals(Optional.empty(), history.latest("NVDA"));
    }

    @Test
    void theOpenBucketsLaterTicksReachTheStoreWhenItClosesOrOnFlush() {
        TickHistory history = history(3_600_000);
        StoredPriceSeries stored = new StoredPriceSeries(store, SECOND);
        history.record("META", T + 100, 750.0);
        history.record("META", T + 900, 751.0);

        assertEquals(Optional.of(new Point(T + 100, 750.0)), stored.latest("META"), "first tick of the bucket only");
        history.flush();
        assertEquals(Optional.of(new Point(T + 900, 751.0)), stored.latest("META"));

        history.record("META", T + 1_100, 752.0);
        history.record("META", T + 1_500, 753.0);
        history.record("META", T + 2_000, 754.0); // closes the second bucket
        assertEquals(Optional.of(new Point(T + 1_500, 753.0)), stored.atOrBefore("META", T + 1_999));
        assertEquals(history.latest("META"), stored.latest("META"));
    }

    @Test
    void aLateTickLandsInItsOwnBucketInTimeOrder() {
        TickHistory history = history(3_600_000);
        history.record("META", T, 100.0);
        history.record("META", T + 10 * SECOND, 110.0);

        assertEquals(Recorded.OLDER, history.record("META", T + 5 * SECOND, 105.0));

        assertEquals(Optional.of(new Point(T + 5 * SECOND, 105.0)), history.atOrBefore("META", T + 7 * SECOND));
        assertEquals(Optional.of(new Point(T + 10 * SECOND, 110.0)), history.latest("META"));
        assertEquals(0.1, history.change("META", T, T + 10 * SECOND).orElseThrow().value(), 1e-12);
    }

    @Test
    void dropsTicksOlderThanTheRetentionFromMemoryAndStore() {
        TickHistory history = history(60 * SECOND);
        for (int s = 0; s <= 300; s++) {
            history.record("META", T + s * SECOND, 100.0 + s);
        }

        assertEquals(61, store.approximateNumEntries());
        assertEquals(Optional.of(new Point(T + 240 * SECOND, 340.0)), history.earliestAtOrAfter("META", T));
        assertEquals(Recorded.OLDER, history.record("META", T + 100 * SECOND, 1.0), "beyond the retention");
        assertEquals(61, store.approximateNumEntries());
    }

    @Test
    void aNewInstanceReadsTheSeriesBackFromTheStoreAndAgreesWithTheStoredView() {
        TickHistory before = history(3_600_000);
        for (int i = 0; i < 500; i++) { // several array growths
            before.record("META", T + i * 700L, 700.0 + i);
            before.record("QQQ", T + i * 700L, 600.0 - i / 10.0);
        }

        before.flush(); // as at a commit
        TickHistory after = history(3_600_000); // as after a restart or a rebalance
        StoredPriceSeries stored = new StoredPriceSeries(store, SECOND);
        for (long t = T - SECOND; t < T + 360 * SECOND; t += 333) {
            for (String symbol : new String[] {"META", "QQQ"}) {
                assertEquals(before.atOrBefore(symbol, t), after.atOrBefore(symbol, t), symbol + " at " + t);
                assertEquals(before.atOrBefore(symbol, t), stored.atOrBefore(symbol, t), symbol + " at " + t);
                assertEquals(before.earliestAtOrAfter(symbol, t), stored.earliestAtOrAfter(symbol, t),
                        symbol + " from " + t);
                for (long window : new long[] {500, 5 * SECOND, 60 * SECOND, 3_600 * SECOND}) {
                    assertEquals(stored.change(symbol, t - window, t), after.change(symbol, t - window, t),
                            symbol + " over " + window + " ms to " + t);
                }
            }
        }
        assertEquals(before.latest("META"), stored.latest("META"));
        assertTrue(after.latest("QQQ").isPresent());
    }
}
