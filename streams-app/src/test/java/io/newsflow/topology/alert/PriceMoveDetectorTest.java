package io.newsflow.topology.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.market.TickHistory;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.state.SortedMemoryStore;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sharp-move detector on its own, over a tick history: one alert per move, the move open until the
 * return falls back inside the reset fraction or flips, and the same alert again only for a replay of
 * the tick that raised it.
 */
class PriceMoveDetectorTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_761_830_000_000L;

    private TickHistory ticks;
    private PriceMoveDetector detector;

    @BeforeEach
    void detector() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, TickPoint> points = store("points", TickPoint.serde());
        KeyValueStore<String, PriceMoveDetector.AlertState> states =
                store(StoreNames.ALERT_STATE, new JsonSerde<>(PriceMoveDetector.AlertState.class));
        points.init(context.getStateStoreContext(), points);
        states.init(context.getStateStoreContext(), states);
        context.addStateStore(states);
        ticks = new TickHistory(points, 1_000, 24 * 60 * MINUTE);
        TopologySettings settings = TopologySettings.fromMap(Map.of("alerts.windows", "5m", "alerts.thresholds", "0.03"));
        detector = new PriceMoveDetector(settings, new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5),
                ticks, context);
    }

    @Test
    void aMoveBeyondTheThresholdRaisesOneAlertWithTheMovesFacts() {
        assertEquals(List.of(), tick(100.0, 0, "t0"));
        List<PriceMoveAlert> raised = tick(96.0, 2, "t1"); // -4 % within 5 minutes

        assertEquals(1, raised.size());
        PriceMoveAlert alert = raised.get(0);
        assertEquals("META|5m|" + T0, alert.getAlertId());
        assertEquals(MoveDirection.DOWN, alert.getDirection());
        assertEquals(-0.04, alert.getPriceReturn(), 1e-9);
        assertEquals(List.of(), alert.getOpenBondDeals(), "no context: it follows on its own record");
        assertEquals(null, alert.getRecentSentiment());
    }

    @Test
    void theMoveStaysOpenUntilItEndsThenANewMoveAlertsAgain() {
        tick(100.0, 0, "t0");
        assertEquals(1, tick(96.0, 1, "t1").size());
        assertEquals(List.of(), tick(95.0, 2, "t2"), "the same move: already alerted");
        assertEquals(List.of(), tick(97.0, 7, "t3"), "+2 % against 95 at 2': the move flipped, ended, below the threshold");

        List<PriceMoveAlert> again = tick(91.0, 9, "t4"); // -4.2 % against 95 at 2'
        assertEquals(List.of("META|5m|" + (T0 + 2 * MINUTE)), again.stream().map(PriceMoveAlert::getAlertId).toList());
    }

    @Test
    void onlyAReplayOfTheRaisingTickRaisesTheSameAlertAgain() {
        tick(100.0, 0, "t0");
        List<PriceMoveAlert> raised = tick(96.0, 2, "t1");

        assertEquals(raised, detector.onTick("META", () -> "t1"), "replayed: the same alert");
        assertTrue(detector.onTick("META", () -> "t2").isEmpty(), "another tick of the same move");
    }

    private List<PriceMoveAlert> tick(double price, int minute, String source) {
        ticks.record("META", T0 + minute * MINUTE, price);
        return detector.onTick("META", () -> source);
    }

    private static <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
        return Stores.keyValueStoreBuilder(SortedMemoryStore.supplier(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
    }
}
