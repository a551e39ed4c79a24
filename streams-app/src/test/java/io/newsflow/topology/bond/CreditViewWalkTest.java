package io.newsflow.topology.bond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.market.TickHistory;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.state.MockStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credit view on its own ({@link CreditEquity}) and its walk in event time ({@link CreditViewWalk}):
 * a deal update's view is the deal beside the issuer's equity return over the day before the update,
 * out once the deal watermark and the issuer's closes have passed the update; a tick that flips the
 * divergence emits a view as of the tick. Defaults: 1d credit window, divergent at a book of 3x or more
 * with the stock down 5 % or more, or below 1.5x with the stock up 5 % or more.
 */
class CreditViewWalkTest {

    private static final long B = 1_000_000_000L;
    private static final long DAY = 24 * 3600 * 1000L;

    private TickHistory closes;
    private CreditEquity credit;
    private CreditViewWalk walk;

    @BeforeEach
    void walk() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        TopologySerdes serdes = TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://credit-view-walk-" + UUID.randomUUID()));
        MockStores.add(context, StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        MockStores.add(context, StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        MockStores.add(context, StoreNames.CREDIT_VIEW_SOURCES, Serdes.String());
        MockStores.add(context, StoreNames.DEAL_HISTORY, new JsonSerde<>(IssuerDeal.class));
        MockStores.add(context, StoreNames.CREDIT_FLIP_WALKS, new JsonSerde<>(FlipWalk.class));
        closes = new TickHistory(MockStores.add(context, StoreNames.CLOSE_POINTS, TickPoint.serde()), 1_000, 3 * DAY);
        credit = new CreditEquity(context, TopologySettings.fromMap(Map.of()),
                new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5), closes);
        walk = new CreditViewWalk(context, credit, closes, 1_000);
    }

    @Test
    void aDealUpdatesViewIsTheBookBesideTheStocksReturnOverTheDayBeforeIt() {
        close("2025-10-29T12:00:00Z", 750.0);
        close("2025-10-30T11:30:00Z", 666.0);
        close("2025-10-30T12:00:01Z", 700.0); // after the update: not in its view
        assertTrue(deal(125, "2025-10-30T12:00:00Z"));

        List<CreditEquityView> views = walk.upTo(time("2025-10-30T12:30:00Z"), Long.MAX_VALUE);

        assertEquals(1, views.size(), views.toString());
        CreditEquityView view = views.get(0);
        assertEquals(Instant.parse("2025-10-30T12:00:00Z"), view.getAsOf());
        assertEquals(125.0 / 30.0, view.getOversubscription(), 1e-12);
        assertEquals(666.0 / 750.0 - 1, view.getEquityReturn(), 1e-12, "-11.2 %");
        assertEquals("1d", view.getEquityReturnWindow());
        assertTrue(view.getDivergent(), "4.17x against -11.2 %");
    }

    @Test
    void aDealUpdatesViewWaitsUntilTheIssuersClosesHavePassedItsBucket() {
        close("2025-10-29T12:00:00Z", 750.0);
        close("2025-10-30T11:59:59.500Z", 666.0);
        deal(125, "2025-10-30T12:00:00Z");
        assertTrue(walk.pending(time("2025-10-30T12:30:00Z")), "a view not out yet is waited for");

        assertEquals(List.of(), walk.upTo(time("2025-10-30T12:30:00Z"), Long.MAX_VALUE),
                "the 11:59:59 bucket is the newest: its final close may still change the price before the update");
        close("2025-10-30T12:00:00.200Z", 660.0);
        assertEquals(List.of(), walk.upTo(time("2025-10-30T12:30:00Z"), Long.MAX_VALUE),
                "the update's own bucket is the newest: a close of the update's millisecond still may come before it");

        close("2025-10-30T12:00:01.100Z", 661.0); // the bucket after the update's opened
        List<CreditEquityView> views = walk.upTo(time("2025-10-30T12:30:00Z"), Long.MAX_VALUE);
        assertEquals(1, views.size());
        assertEquals(666.0 / 750.0 - 1, views.get(0).getEquityReturn(), 1e-12);
        assertFalse(walk.pending(time("2025-10-30T12:30:00Z")));
    }

    @Test
    void aDealUpdatesViewWaitsForTheDealWatermark() {
        close("2025-10-29T12:00:00Z", 750.0);
        close("2025-10-30T13:00:00Z", 666.0);
        deal(125, "2025-10-30T12:00:00Z");

        assertEquals(List.of(), walk.upTo(time("2025-10-30T11:59:00Z"), Long.MAX_VALUE),
                "an update before it, of this or another deal, may still come");
        assertEquals(1, walk.upTo(time("2025-10-30T12:00:00Z"), Long.MAX_VALUE).size());
    }

    @Test
    void withEverySourceSkippedAsIdleTheViewGoesOutOnTheClosesThatCame() {
        close("2025-10-30T11:00:00Z", 700.0);
        close("2025-10-30T11:30:00Z", 666.0);
        deal(125, "2025-10-30T12:00:00Z");

        List<CreditEquityView> views = walk.upTo(Long.MAX_VALUE, Long.MAX_VALUE);

        assertEquals(1, views.size());
        assertEquals(666.0 / 700.0 - 1, views.get(0).getEquityReturn(), 1e-12, "from the first price of the day");
        assertFalse(views.get(0).getDivergent(), "-4.9 %: not down 5 %");
        assertFalse(walk.pending(Long.MAX_VALUE));
    }

    @Test
    void anUpdateTheWalkHasPassedAlreadyIsNotWaitedFor() {
        close("2025-10-30T13:00:00Z", 666.0);
        deal(125, "2025-10-30T12:00:00Z");
        walk.upTo(time("2025-10-30T12:30:00Z"), Long.MAX_VALUE);

        assertFalse(deal(130, "2025-10-30T12:10:00Z"), "late: its view is emitted as it arrives");
        assertTrue(deal(130, "2025-10-30T12:40:00Z"));
    }

    @Test
    void aTickThatFlipsTheDivergenceEmitsAViewAsOfTheTickAndTheNextDealUpdateItsOwn() {
        close("2025-10-29T15:00:00Z", 750.0);
        close("2025-10-30T15:00:00Z", 748.0);
        deal(125, "2025-10-30T15:05:00Z"); // strong book, stock flat: calm
        close("2025-10-30T16:00:00Z", 745.0); // -0.7 %: no flip
        close("2025-10-30T17:00:00Z", 690.0); // -8 % over the day: flips
        deal(30, "2025-10-30T17:30:00Z"); // the book is cut to 1x: calm again
        close("2025-10-30T18:00:00Z", 689.0);

        List<CreditEquityView> views = walk.upTo(time("2025-10-30T18:30:00Z"), Long.MAX_VALUE);

        assertEquals(List.of(Instant.parse("2025-10-30T15:05:00Z"), Instant.parse("2025-10-30T17:00:00Z"),
                Instant.parse("2025-10-30T17:30:00Z")), views.stream().map(CreditEquityView::getAsOf).toList());
        assertEquals(List.of(false, true, false), views.stream().map(CreditEquityView::getDivergent).toList());
        assertEquals(690.0 / 750.0 - 1, views.get(1).getEquityReturn(), 1e-12);
        assertEquals(List.of(), walk.upTo(time("2025-10-30T18:30:00Z"), Long.MAX_VALUE), "walked once");
    }

    @Test
    void divergenceIsAStrongBookWithAFallingStockOrAWeakBookWithARally() {
        assertTrue(credit.divergent(3.0, -0.05));
        assertFalse(credit.divergent(2.9, -0.20), "not strong enough");
        assertFalse(credit.divergent(4.0, -0.049));
        assertTrue(credit.divergent(1.4, 0.05));
        assertFalse(credit.divergent(1.5, 0.20), "not weak enough");
        assertFalse(credit.divergent(4.0, null), "no equity return");
    }

    /** A deal update of META's deal D (target 30B) with a book of {@code bookBillions}; whether the walk will emit its view. */
    private boolean deal(long bookBillions, String time) {
        BondBookUpdate update = BondBookUpdate.newBuilder().setDealId("D").setIssuerName("Meta Platforms Inc.")
                .setIssuerSymbol("META").setTargetSize(30 * B).setOrderBookSize(bookBillions * B)
                .setStatus(BondStatus.BOOKBUILDING).setEventTime(Instant.parse(time)).build();
        return walk.awaits(credit.onDeal(DealState.first(update).summary()));
    }

    private void close(String time, double price) {
        closes.record("META", time(time), price);
    }

    private static long time(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
