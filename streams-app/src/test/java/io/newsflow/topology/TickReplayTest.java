package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.alert.PriceMoveDetector.AlertState;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.market.BucketCloseProcessor;
import io.newsflow.topology.market.PendingReaction;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.market.TickProcessor;
import io.newsflow.topology.market.TickProcessor.TickResult;
import io.newsflow.topology.market.CloseResult;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.state.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once replay of the tick step and the bucket-close step: the tick that raised an alert, or the
 * close that flipped a credit view,
 * processed again after a crash, emits the same output again (counted once); any later tick does
 * not.
 * ({@link ReplayContext}: TopologyTestDriver cannot deliver a record at an offset it already delivered.)
 */
class TickReplayTest {

    private static final String TOPIC = "market.price-ticks";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 5);
    private final ReplayContext replay = new ReplayContext();
    /** The replay of the tick step itself: the news context is taken as it is, without waiting for it. */
    private final TickProcessor processor = new TickProcessor(TopologySettings.fromMap(Map.of("news.context.wait",
            "false")), metrics);
    /** The bucket-close step, which judges credit-view flips on ticks in the latency-first profile. */
    private final BucketCloseProcessor closeStep = new BucketCloseProcessor(TopologySettings.fromMap(Map.of(
            "news.context.wait", "false")), metrics);
    private KeyValueStore<String, CreditEquityView> views;
    private KeyValueStore<String, IssuerDeal> deals;

    @BeforeEach
    void init() {
        TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://replay"));
        replay.addStore(StoreNames.TICK_POINTS, TickPoint.serde());
        replay.addStore(StoreNames.CLOSE_POINTS, TickPoint.serde());
        replay.addStore(StoreNames.PENDING_REACTIONS, new JsonSerde<>(PendingReaction.class));
        replay.addStore(StoreNames.CLOSE_CLOCKS, Serdes.Long());
        replay.addStore(StoreNames.ALERT_STATE, new JsonSerde<>(AlertState.class));
        replay.addStore(StoreNames.SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        views = replay.addStore(StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        deals = replay.addStore(StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        replay.addStore(StoreNames.CREDIT_VIEW_SOURCES, Serdes.String());
        replay.addStore(StoreNames.NEWS_WATERMARK, Serdes.Long());
        replay.addStore(StoreNames.HELD_OUTPUTS, new JsonSerde<>(HeldOutputs.Held.class));
        replay.addStore(StoreNames.DEAL_HISTORY, new JsonSerde<>(IssuerDeal.class));
        replay.addStore(StoreNames.DEAL_WATERMARKS, Serdes.Long());
        processor.init(replay.context());
        closeStep.init(replay.context());
    }

    @Test
    void theTickThatRaisedAnAlertRaisesTheSameAlertWhenReplayed() {
        tick(750.0, at("13:30"), 0);
        tick(740.0, at("13:32"), 1);
        List<PriceMoveAlert> raised = alerts(tick(720.0, at("13:34"), 2)); // -4 % within 5 minutes

        List<PriceMoveAlert> replayed = alerts(tick(720.0, at("13:34"), 2));

        assertEquals(1, raised.size());
        assertEquals(raised, replayed);
        assertEquals(1.0, registry.counter("newsflow.alerts", "symbol", "META", "window", "5m", "direction", "DOWN")
                .count());
    }

    @Test
    void laterTicksOfTheSameMoveStayQuiet() {
        tick(750.0, at("13:30"), 0);
        tick(720.0, at("13:34"), 1);

        assertEquals(List.of(), alerts(tick(715.0, at("13:35"), 2)));
        assertEquals(List.of(), alerts(tick(715.0, at("13:35"), 2)), "replayed, but it raised nothing");
    }

    @Test
    void theTickThatFlippedTheCreditViewFlipsItAgainWhenReplayed() {
        // a 4.2x covered deal whose view (from the deal update) said "not divergent"
        deals.put(IssuerDeal.key("META", "META-1"), new IssuerDeal("META-1", "META", "OPEN", 125_000, 4.2, 10.0,
                at("12:00").toEpochMilli()));
        views.put("META", CreditEquityView.newBuilder().setIssuerSymbol("META").setDealId("META-1")
                .setOversubscription(4.2).setEquityReturnWindow("1d").setDivergent(false).setAsOf(at("12:00"))
                .build());
        close(750.0, at("12:00"), 0);
        List<CreditEquityView> flipped = views(close(660.0, at("14:00"), 1)); // -12 % while the book is 4.2x

        List<CreditEquityView> replayed = views(close(660.0, at("14:00"), 1));

        assertEquals(1, flipped.size());
        assertEquals(true, flipped.get(0).getDivergent());
        assertEquals(flipped, replayed);
        assertEquals(List.of(), views(close(661.0, at("14:01"), 2)), "a later tick: still divergent, nothing new");
    }

    @Test
    void statesWrittenBeforeTheReplayFieldsExistedAreRead() {
        byte[] old = "{\"alertId\":\"META|5m|1\",\"direction\":\"DOWN\",\"startTime\":1,\"triggeredAt\":2}"
                .getBytes(StandardCharsets.UTF_8);
        AlertState state = new JsonSerde<>(AlertState.class).deserializer().deserialize("any", old);

        assertEquals("META|5m|1", state.alertId());
        assertFalse(state.raisedBy(TOPIC + "/0@2"));
    }

    private static List<PriceMoveAlert> alerts(List<TickResult> out) {
        return out.stream().filter(TickResult.Alert.class::isInstance).map(r -> ((TickResult.Alert) r).alert()).toList();
    }

    private static List<CreditEquityView> views(List<CloseResult> out) {
        return out.stream().filter(CloseResult.CreditView.class::isInstance).map(r -> ((CloseResult.CreditView) r).view())
                .toList();
    }

    /** A bucket close as the tick step passes it on through {@code tick-closes}. */
    private List<CloseResult> close(double price, Instant time, long offset) {
        return replay.process(closeStep, "newsflow-tick-closes-repartition", offset, new Record<>("META",
                PriceTick.newBuilder().setSymbol("META").setPrice(price).setSize(100).setEventTime(time).build(),
                time.toEpochMilli()));
    }

    private List<TickResult> tick(double price, Instant time, long offset) {
        return replay.process(processor, TOPIC, offset, new Record<>("META", PriceTick.newBuilder().setSymbol("META")
                .setPrice(price).setSize(100).setEventTime(time).build(), time.toEpochMilli()));
    }
}
