package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.state.TimeIndex;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** What the tick step leaves in the tick-points store, one tick per symbol and second. */
class TickHistoryTopologyTest {

    @Test
    void theStoreKeepsEachSecondsNewestTickAndGetsTheOpenSecondEveryCommitInterval() {
        try (TopologyFixture f = new TopologyFixture()) {
            long second = at("13:30").toEpochMilli();
            KeyValueStore<String, TickPoint> store = f.driver.getKeyValueStore(StoreNames.TICK_POINTS);
            String key = TimeIndex.key("META", second, "");

            f.tick("META", 750.0, Instant.ofEpochMilli(second + 100));
            f.tick("META", 751.0, Instant.ofEpochMilli(second + 900));
            assertEquals(new TickPoint(second + 100, 750.0), store.get(key), "the second's first tick, at once");

            f.driver.advanceWallClockTime(Duration.ofSeconds(1)); // a commit interval (wall clock) later
            assertEquals(new TickPoint(second + 900, 751.0), store.get(key));

            f.tick("META", 752.0, Instant.ofEpochMilli(second + 950));
            f.tick("META", 753.0, Instant.ofEpochMilli(second + 1_200)); // opens the next second
            assertEquals(new TickPoint(second + 950, 752.0), store.get(key), "the closing second's final tick");
            assertEquals(new TickPoint(second + 1_200, 753.0), store.get(TimeIndex.key("META", second + 1_000, "")));
        }
    }
}
