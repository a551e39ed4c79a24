package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.MarketReaction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fallback of a reaction whose ticker has not closed the horizon (it stopped trading): it is judged
 * on the ticker's own stream (the clock of its {@code tick-closes} partition has passed
 * {@code horizon + reaction.wait}) and on the benchmark's (it has closed {@code horizon + reaction.wait}),
 * never on how far the benchmark's closes have run ahead of the ticker's in the task (they come from
 * different hot-path tasks: a lagging one, e.g. replaying after a crash, must not change the outcome).
 *
 * <p>Every case: horizon 5m, wait 1h; META 700 at 13:59, QQQ 600 at 13:59, an article on Meta at
 * 14:00 (horizon 14:05, fallback time 15:05), QQQ 606 at 14:05 (benchmark return 606/600 - 1 = 1 %).
 */
class ReactionFallbackTopologyTest {

    private static final TopologySettings FIVE_MINUTES_ONE_HOUR_WAIT = TopologySettings.fromMap(
            Map.of("reaction.horizons", "5m", "reaction.wait", "1h"));

    private static void publishedAtTwo(TopologyFixture f) {
        f.tick("META", 700.0, at("13:59"));
        f.tick("QQQ", 600.0, at("13:59"));
        f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
        f.tick("QQQ", 606.0, at("14:05"));
    }

    @Test
    void theBenchmarkClosingFarAheadOfALaggingTickerDoesNotTriggerTheFallback() {
        try (TopologyFixture f = new TopologyFixture(FIVE_MINUTES_ONE_HOUR_WAIT)) {
            publishedAtTwo(f);
            f.tick("META", 703.0, at("14:02"));
            f.tick("QQQ", 612.0, at("15:10")); // the benchmark's task is past 15:05, META's is still at 14:02
            f.tick("QQQ", 613.0, at("15:11"));
            assertTrue(f.reactions.isEmpty(), "META's partition has not reached 15:05: its closes up to 14:05 may still come");

            f.tick("META", 707.0, at("14:04")); // the lagging ticker's closes come in
            f.tick("META", 710.0, at("14:06")); // closes the horizon's bucket

            MarketReaction r = f.reactions.readValue();
            assertEquals(707.0, r.getPriceAtHorizon(), "the last close at or before 14:05, not 703 (14:02)");
            assertEquals(707.0 / 700.0 - 1, r.getPriceReturn(), 1e-12);
            assertEquals(606.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
            assertTrue(f.reactions.isEmpty());
        }
    }

    @Test
    void aTickerWhosePartitionClockPassedTheWaitWithoutClosingTheHorizonGetsItsLastCloseBeforeTheHorizon() {
        try (TopologyFixture f = new TopologyFixture(FIVE_MINUTES_ONE_HOUR_WAIT)) {
            publishedAtTwo(f);
            f.tick("META", 702.0, at("14:03")); // META's last tick: it stops trading
            f.tick("QQQ", 612.0, at("15:10"));
            f.tick("NVDA", 200.0, at("15:04")); // META's partition's clock: 15:04, short of 15:05
            assertTrue(f.reactions.isEmpty(), "the partition's clock is short of horizon + wait");

            f.tick("NVDA", 201.0, at("15:06")); // another symbol of META's partition passes 15:05

            MarketReaction r = f.reactions.readValue();
            assertEquals(700.0, r.getPriceAtPublish());
            assertEquals(702.0, r.getPriceAtHorizon(), "META's last close at or before 14:05");
            assertEquals(702.0 / 700.0 - 1, r.getPriceReturn(), 1e-12);
            assertEquals(606.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
            assertTrue(f.reactions.isEmpty());
        }
    }

    @Test
    void whenThePartitionClockPassesFirstTheFallbackWaitsForTheBenchmarkToCloseTheWaitToo() {
        try (TopologyFixture f = new TopologyFixture(FIVE_MINUTES_ONE_HOUR_WAIT)) {
            publishedAtTwo(f);
            f.tick("META", 702.0, at("14:03"));
            f.tick("NVDA", 201.0, at("15:06")); // the clock is past 15:05
            f.tick("QQQ", 611.0, at("15:00")); // the benchmark has closed 14:05 but not 15:05
            assertTrue(f.reactions.isEmpty(), "the benchmark has not closed horizon + wait");

            f.tick("QQQ", 612.0, at("15:10"));

            MarketReaction r = f.reactions.readValue();
            assertEquals(702.0, r.getPriceAtHorizon());
            assertEquals(606.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
        }
    }

    @Test
    void aPartitionWhoseEverySymbolStoppedGetsItsReactionsAfterTheIdleTimeoutCounted() {
        try (TopologyFixture f = new TopologyFixture(FIVE_MINUTES_ONE_HOUR_WAIT)) {
            publishedAtTwo(f);
            f.tick("META", 702.0, at("14:03")); // the partition's last close
            f.tick("QQQ", 612.0, at("15:10"));
            f.driver.advanceWallClockTime(Duration.ofSeconds(1)); // the check (every second) sees it wait for the clock
            f.driver.advanceWallClockTime(Duration.ofSeconds(59));
            assertTrue(f.reactions.isEmpty(), "waited for the clock 59 s, short of watermark.idle.timeout (1m)");

            f.driver.advanceWallClockTime(Duration.ofSeconds(2));

            MarketReaction r = f.reactions.readValue();
            assertEquals(702.0, r.getPriceAtHorizon());
            assertEquals(606.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
            assertEquals(1.0, f.counter("newsflow.watermark.idle.skips", "stage", "close-clock"));
        }
    }

    @Test
    void withNoIdleTimeoutAStoppedPartitionsReactionWaitsForItsClock() {
        TopologySettings noEscape = TopologySettings.fromMap(
                Map.of("reaction.horizons", "5m", "reaction.wait", "1h", "watermark.idle.timeout", "0s"));
        try (TopologyFixture f = new TopologyFixture(noEscape)) {
            publishedAtTwo(f);
            f.tick("META", 702.0, at("14:03"));
            f.tick("QQQ", 612.0, at("15:10"));
            f.driver.advanceWallClockTime(Duration.ofHours(1));
            assertTrue(f.reactions.isEmpty());
            assertEquals(0.0, f.counter("newsflow.watermark.idle.skips", "stage", "close-clock"));

            f.tick("META", 690.0, at("16:00")); // trades again: closes the horizon, the outcome is the regular one

            assertEquals(702.0, f.reactions.readValue().getPriceAtHorizon());
        }
    }

    @Test
    void aTickerThatIsItselfABenchmarkHasNoFallbackAndWaitsForItsOwnNextClose() {
        // NVDA is META's benchmark here: its closes come through benchmark-closes, which no one clock orders
        TopologySettings nvdaIsABenchmark = TopologySettings.fromMap(
                Map.of("reaction.horizons", "5m", "reaction.wait", "1h", "reaction.benchmarks", "META=NVDA"));
        try (TopologyFixture f = new TopologyFixture(nvdaIsABenchmark)) {
            f.tick("NVDA", 200.0, at("13:59"));
            f.tick("QQQ", 600.0, at("13:59"));
            f.publish(article("n1", "Nvidia beats estimates", "Strong.", at("14:00")).build());
            f.tick("QQQ", 606.0, at("14:05"));
            f.tick("NVDA", 202.0, at("14:03")); // NVDA stops trading
            f.tick("QQQ", 612.0, at("15:10"));
            f.tick("META", 700.0, at("15:06")); // the partition's clock is past 15:05
            assertTrue(f.reactions.isEmpty(), "no fallback for a benchmark's own reactions");

            f.tick("NVDA", 190.0, at("16:00"));

            MarketReaction r = f.reactions.readValue();
            assertEquals("NVDA", r.getTicker());
            assertEquals(202.0, r.getPriceAtHorizon());
            assertEquals(606.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
        }
    }
}
