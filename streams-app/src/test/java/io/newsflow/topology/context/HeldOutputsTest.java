package io.newsflow.topology.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.DealWatermarks;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.state.MockStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The held outputs on their own: an alert or credit view as of t waits until both the news gate and the
 * deal gate have passed the end of its news context (the newest window holding t, here 24h windows
 * advancing by 1m: a view as of 12:00 reads the news up to 12:00:59.999); then it goes out completed, the
 * held ones in the order of their context's end; a record whose context the gates have passed already
 * goes out at once; with {@code news.context.wait=false} nothing is held.
 */
class HeldOutputsTest {

    private static final Instant NOON = Instant.parse("2025-10-30T12:00:00Z");
    private static final long CONTEXT_END = NOON.toEpochMilli() + 59_999;

    private KeyValueStore<String, Long> dealWatermarks;

    private HeldOutputs held(Map<String, String> config) {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://held-outputs-" + UUID.randomUUID()));
        dealWatermarks = MockStores.add(context, StoreNames.DEAL_WATERMARKS, Serdes.Long());
        MockStores.add(context, StoreNames.DEAL_HISTORY, new JsonSerde<>(IssuerDeal.class));
        MockStores.add(context, StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        MockStores.add(context, StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        MockStores.add(context, StoreNames.SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        MockStores.add(context, StoreNames.HELD_OUTPUTS, new JsonSerde<>(HeldOutputs.Held.class));
        MockStores.add(context, StoreNames.NEWS_WATERMARK, Serdes.Long());
        return new HeldOutputs(context, TopologySettings.fromMap(config));
    }

    @Test
    void aViewWaitsUntilTheNewsAndTheDealGatesHavePassedTheEndOfItsContext() {
        HeldOutputs held = held(Map.of());

        assertEquals(Optional.empty(), held.completeOrHold(view("META", NOON, 4.17)));
        assertEquals(Optional.of(CONTEXT_END), held.earliestHeld());
        held.advance(CONTEXT_END);
        assertEquals(List.of(), held.release(), "the deal gate is still behind: a deal update before noon may come");
        dealGate(CONTEXT_END - 1);
        assertEquals(List.of(), held.release(), "one millisecond short");

        dealGate(CONTEXT_END);
        List<Record<String, ContextResult>> released = held.release();

        assertEquals(1, released.size());
        CreditEquityView view = ((ContextResult.CreditView) released.get(0).value()).view();
        assertEquals("META", released.get(0).key());
        assertEquals(4.17, view.getOversubscription());
        assertEquals(0, view.getArticleCount(), "completed from the news recorded: none here");
        assertTrue(held.isEmpty());
        assertEquals(List.of(), held.release(), "released once");
    }

    @Test
    void aViewWhoseContextTheGatesHavePassedGoesOutAtOnce() {
        HeldOutputs held = held(Map.of());
        held.advance(CONTEXT_END);
        dealGate(CONTEXT_END);

        assertEquals(NOON, held.completeOrHold(view("META", NOON, 4.17)).orElseThrow().getAsOf());
        assertTrue(held.isEmpty());
    }

    @Test
    void heldRecordsGoOutInTheOrderOfTheirContextsEnd() {
        HeldOutputs held = held(Map.of());
        held.completeOrHold(view("NVDA", NOON.plusSeconds(180), 2.0));
        held.completeOrHold(view("META", NOON, 4.17));
        held.completeOrHold(view("AAPL", NOON.plusSeconds(60), 3.0));

        held.advance(CONTEXT_END + 120_000);
        dealGate(CONTEXT_END + 120_000);

        assertEquals(List.of("META", "AAPL"), held.release().stream().map(Record::key).toList(),
                "NVDA's context (to 12:03:59.999) is not in yet");
        held.advance(Long.MAX_VALUE - 1);
        dealGate(Long.MAX_VALUE - 1);
        assertEquals(List.of("NVDA"), held.release().stream().map(Record::key).toList());
    }

    @Test
    void aNewsWatermarkSkippedAsIdleReleasesWhatTheDealGateLetsThrough() {
        HeldOutputs held = held(Map.of());
        held.completeOrHold(view("META", NOON, 4.17));
        dealGate(CONTEXT_END);

        held.skipWatermark();

        assertEquals(1, held.release().size());
        held.waitAgain(); // after a restart the watermark is waited for again
        assertEquals(Optional.empty(), held.completeOrHold(view("META", NOON.plusSeconds(3600), 4.17)));
    }

    @Test
    void withoutNewsContextWaitNothingIsHeld() {
        HeldOutputs held = held(Map.of("news.context.wait", "false"));

        assertEquals(NOON, held.completeOrHold(view("META", NOON, 4.17)).orElseThrow().getAsOf());
        assertTrue(held.isEmpty());
    }

    private void dealGate(long gate) {
        dealWatermarks.put(DealWatermarks.GATE, gate);
    }

    private static CreditEquityView view(String issuer, Instant asOf, double oversubscription) {
        return CreditEquityView.newBuilder().setIssuerSymbol(issuer).setDealId("D").setOversubscription(oversubscription)
                .setSpreadTighteningBps(null).setOrderBookSize(125_000_000_000L).setEquityReturn(-0.11)
                .setEquityReturnWindow("1d").setNewsSentiment(null).setArticleCount(0).setDivergent(true)
                .setAsOf(asOf).build();
    }
}
