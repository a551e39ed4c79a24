package io.newsflow.topology.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.avro.PriceTick;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.newsflow.topology.state.SortedMemoryStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * What the tick step passes on to the bucket-close step: exactly what a one-per-bucket history keeps
 * (a bucket's first tick at once, its final tick when the next bucket opens, a late tick as it comes),
 * so a history fed with the closes answers as the tick step's own.
 */
class BucketClosesTest {

    private static final long SECOND = 1_000;

    @Test
    void aBusySymbolPassesOnTheFirstAndTheFinalTickOfEachBucket() {
        TickHistory ticks = history();
        TickHistory closes = history();
        TickProcessor.BucketCloses thinning = new TickProcessor.BucketCloses();
        int passedOn = 0;
        for (long t = 0; t < 10 * SECOND; t += 10) { // 100 ticks per second for 10 seconds
            double price = 100 + t / 1000.0;
            Optional<PriceSeries.Point> previous = ticks.latest("META");
            TickHistory.Recorded recorded = ticks.record("META", t, price);
            for (PriceTick close : thinning.of(tick(t, price), recorded, previous)) {
                closes.record("META", close.getEventTime().toEpochMilli(), close.getPrice());
                passedOn++;
            }
        }

        assertEquals(19, passedOn, "the first tick of each of 10 buckets, the final tick of the 9 closed ones");
        for (long t = 0; t < 9 * SECOND; t += 250) {
            assertEquals(ticks.atOrBefore("META", t), closes.atOrBefore("META", t), "price at or before " + t);
        }
    }

    @Test
    void aBucketWithOneTickIsPassedOnOnce() {
        TickHistory ticks = history();
        TickProcessor.BucketCloses thinning = new TickProcessor.BucketCloses();

        List<PriceTick> first = thinning.of(tick(0, 100.0), ticks.record("META", 0, 100.0), Optional.empty());
        Optional<PriceSeries.Point> previous = ticks.latest("META");
        List<PriceTick> next = thinning.of(tick(SECOND, 101.0), ticks.record("META", SECOND, 101.0), previous);

        assertEquals(List.of(0L), first.stream().map(c -> c.getEventTime().toEpochMilli()).toList());
        assertEquals(List.of(SECOND), next.stream().map(c -> c.getEventTime().toEpochMilli()).toList());
    }

    @Test
    void aLateTickIsPassedOnAsItComes() {
        TickHistory ticks = history();
        TickProcessor.BucketCloses thinning = new TickProcessor.BucketCloses();
        thinning.of(tick(5 * SECOND, 100.0), ticks.record("META", 5 * SECOND, 100.0), Optional.empty());
        Optional<PriceSeries.Point> previous = ticks.latest("META");

        List<PriceTick> late = thinning.of(tick(SECOND, 99.0), ticks.record("META", SECOND, 99.0), previous);

        assertEquals(List.of(SECOND), late.stream().map(c -> c.getEventTime().toEpochMilli()).toList());
    }

    private static TickHistory history() {
        KeyValueStore<String, TickPoint> store = Stores.keyValueStoreBuilder(SortedMemoryStore.supplier("points"),
                Serdes.String(), TickPoint.serde()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return new TickHistory(store, SECOND, 3L * 24 * 3600 * SECOND);
    }

    private static PriceTick tick(long time, double price) {
        return PriceTick.newBuilder().setSymbol("META").setPrice(price).setSize(1).setEventTime(Instant.ofEpochMilli(time))
                .build();
    }
}
