package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.alert.AlertState;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.market.PendingReaction;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.market.TickProcessor;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.state.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once replay of the tick step: the tick that raised an alert, processed again after a
 * crash, raises the same alert again (counted once); any later tick of the same move does not.
 * (TopologyTestDriver cannot deliver a record at an offset it already delivered, hence the mock
 * context.)
 */
class PriceMoveReplayTest {

    private static final String TOPIC = "market.price-ticks";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 5);
    private final MockProcessorContext<String, Routed<SpecificRecord>> context = new MockProcessorContext<>();
    private final TickProcessor processor = new TickProcessor(TopologySettings.defaults(), metrics,
            new DeadLetters(metrics), null);

    @BeforeEach
    void init() {
        TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://replay"));
        addStore(StoreNames.TICK_HISTORY, TickPoint.serde());
        addStore(StoreNames.BENCHMARK_HISTORY, TickPoint.serde());
        addStore(StoreNames.PENDING_REACTIONS, new JsonSerde<>(PendingReaction.class));
        addStore(StoreNames.ALERT_STATE, new JsonSerde<>(AlertState.class));
        addStore(StoreNames.SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        addStore(StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        addStore(StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(0);
        processor.init(context);
    }

    @Test
    void theTickThatRaisedAnAlertRaisesTheSameAlertWhenReplayed() {
        tick(750.0, at("13:30"), 0);
        tick(740.0, at("13:32"), 1);
        List<PriceMoveAlert> raised = tick(720.0, at("13:34"), 2); // -4 % within 5 minutes

        List<PriceMoveAlert> replayed = tick(720.0, at("13:34"), 2);

        assertEquals(1, raised.size());
        assertEquals(raised, replayed);
        assertEquals(1.0, registry.counter("newsflow.alerts", "symbol", "META", "window", "5m", "direction", "DOWN")
                .count());
    }

    @Test
    void laterTicksOfTheSameMoveStayQuiet() {
        tick(750.0, at("13:30"), 0);
        tick(720.0, at("13:34"), 1);

        assertEquals(List.of(), tick(715.0, at("13:35"), 2));
        assertEquals(List.of(), tick(715.0, at("13:35"), 2), "replayed, but it raised nothing");
    }

    @Test
    void statesWrittenBeforeTheReplayFieldsExistedAreRead() {
        byte[] old = "{\"alertId\":\"META|5m|1\",\"direction\":\"DOWN\",\"startTime\":1,\"triggeredAt\":2}"
                .getBytes(StandardCharsets.UTF_8);
        AlertState state = new JsonSerde<>(AlertState.class).deserializer().deserialize("any", old);

        assertEquals("META|5m|1", state.alertId());
        assertFalse(state.raisedBy(TOPIC + "/0@2"));
    }

    private List<PriceMoveAlert> tick(double price, Instant time, long offset) {
        context.resetForwards();
        context.setRecordMetadata(TOPIC, 0, offset);
        processor.process(new Record<>("META", PriceTick.newBuilder().setSymbol("META").setPrice(price).setSize(100)
                .setEventTime(time).build(), time.toEpochMilli()));
        context.forwarded().stream().map(f -> f.record().value()).filter(Routed::isDeadLetter)
                .forEach(dead -> fail("dead letter: " + dead.deadLetter().getDetail()));
        return context.forwarded().stream().map(f -> f.record().value().value())
                .filter(PriceMoveAlert.class::isInstance).map(PriceMoveAlert.class::cast).toList();
    }

    private <V> void addStore(String name, Serde<V> valueSerde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), valueSerde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
