package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.topology.article.NewsWatermarkFeed;
import io.newsflow.topology.bond.DealState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The credit views, and the open bond deals of an alert, follow event time: a tick is judged against
 * the deal state of the issuer's latest update at or before it, whether the deal summaries reach the
 * ticker task before or after the tick (they come one Kafka hop later, through
 * {@code bond-summaries-by-issuer}, so in a replay usually after); a deal update's own view waits for
 * the deal watermark and for the issuer's closes up to the update (through {@code tick-closes}), so its
 * equity return does not depend on which of them came first. The summaries and the deal
 * watermark of the other bond-book task (two partitions) are written straight to that topic here,
 * to deliver them in either order.
 */
class DealOrderTopologyTest {

    private static final long B = 1_000_000_000L;
    private static final TopologySettings TWO_PARTITIONS = TopologySettings.fromMap(Map.of("topic.partitions", "2",
            "alerts.windows", "5m", "alerts.thresholds", "0.03"));

    /** A strong book (4.2x) from 15:05, cut to 1x at 17:30. */
    private static final BondBookUpdate STRONG = bond("D", 30 * B, 125 * B, BondStatus.BOOKBUILDING, at("15:05")).build();
    private static final BondBookUpdate CUT = bond("D", 30 * B, 30 * B, BondStatus.BOOKBUILDING, at("17:30")).build();

    @Test
    void aTickIsJudgedAgainstTheDealAsOfItsTimeWhenTheDealUpdatesArriveLate() {
        List<CreditEquityView> inOrder = views(f -> {
            f.tick("META", 750.0, Instant.parse("2025-10-29T20:00:00Z"));
            f.tick("META", 748.0, at("15:00"));
            summary(f, DealState.first(STRONG));
            f.dealWatermark(at("16:59").plusSeconds(59));
            f.tick("META", 690.0, at("17:00")); // -8% over the day against a strong book: flips
            summary(f, DealState.first(STRONG).apply(CUT));
            f.dealWatermark(at("17:59").plusSeconds(59));
            f.tick("META", 689.0, at("18:00")); // the book is cut: not divergent, as the cut's view said
            f.dealWatermark(at("18:30"));
        });
        List<CreditEquityView> dealsLate = views(f -> {
            f.tick("META", 750.0, Instant.parse("2025-10-29T20:00:00Z"));
            f.tick("META", 748.0, at("15:00"));
            f.tick("META", 690.0, at("17:00"));
            f.tick("META", 689.0, at("18:00"));
            summary(f, DealState.first(STRONG));
            summary(f, DealState.first(STRONG).apply(CUT));
            f.dealWatermark(at("18:30"));
        });

        assertEquals(inOrder, dealsLate);
        assertEquals(List.of(at("15:05"), at("17:00"), at("17:30")), inOrder.stream().map(CreditEquityView::getAsOf).toList());
        assertEquals(List.of(false, true, false), inOrder.stream().map(CreditEquityView::getDivergent).toList());
    }

    @Test
    void aFlipWaitsForTheDealWatermark() {
        TopologySettings neverIdle = TopologySettings.fromMap(Map.of("topic.partitions", "2", "watermark.idle.timeout", "0s"));
        try (TopologyFixture f = new TopologyFixture(neverIdle)) {
            f.tick("META", 750.0, Instant.parse("2025-10-29T20:00:00Z"));
            f.tick("META", 748.0, at("15:00"));
            summary(f, DealState.first(STRONG));
            f.tick("META", 690.0, at("17:00"));
            f.tick("META", 691.0, at("17:01")); // closes the 17:00 bucket: its tick is final where the flips are judged
            newsWatermark(f, at("18:00"));
            f.dealWatermark(at("16:00"));
            assertEquals(List.of(at("15:05")), f.creditEquity.readValuesToList().stream().map(CreditEquityView::getAsOf)
                    .toList(), "the 17:00 tick waits: a deal update before it can still come");
            f.dealWatermark(at("17:30"));
            CreditEquityView flip = f.creditEquity.readValue();
            assertEquals(at("17:00"), flip.getAsOf());
            assertTrue(flip.getDivergent());
        }
    }

    @Test
    void aDealUpdatesViewTakesTheIssuersClosesUpToItWhetherTheyArriveBeforeOrAfterIt() {
        // the closes come from the tick step's task through tick-closes, each when its bucket is done: in a replay
        // with other partitionings they reach this task before or after the deal update they price
        Consumer<TopologyFixture> closes = f -> {
            close(f, 750.0, Instant.parse("2025-10-29T11:59:00Z"));
            close(f, 666.0, at("11:30"));
            close(f, 667.0, at("12:01")); // the next bucket: the 11:30 price is the last before the update
        };
        List<CreditEquityView> closesFirst = viewsWithNewsIn(f -> {
            closes.accept(f);
            summary(f, DealState.first(bond("D", 30 * B, 125 * B, BondStatus.PRICED, at("12:00")).build()));
            f.dealWatermark(at("12:30"));
        });
        List<CreditEquityView> dealFirst = viewsWithNewsIn(f -> {
            summary(f, DealState.first(bond("D", 30 * B, 125 * B, BondStatus.PRICED, at("12:00")).build()));
            f.dealWatermark(at("12:30"));
            assertTrue(f.creditEquity.isEmpty(), "the update's view waits for the issuer's closes up to 12:00");
            closes.accept(f); // the close that opens 12:01 sends it: it need not wait for the watermark's next move
        });

        assertEquals(1, closesFirst.size(), closesFirst.toString());
        CreditEquityView view = closesFirst.get(0);
        assertEquals(at("12:00"), view.getAsOf());
        assertEquals(666.0 / 750.0 - 1, view.getEquityReturn(), 1e-12, "-11.2 % over the day before 12:00");
        assertTrue(view.getDivergent(), "a 4.17x book against a stock 11 % down");
        assertEquals(closesFirst, dealFirst);
    }

    @Test
    void aDealUpdateOfAnIssuerWhoseClosesStopGoesOutWhenTheDealWatermarkIsSkippedAsIdle() {
        try (TopologyFixture f = new TopologyFixture(TWO_PARTITIONS)) {
            newsWatermark(f, at("13:00"));
            close(f, 700.0, at("11:00"));
            close(f, 666.0, at("11:30"));
            summary(f, DealState.first(bond("D", 30 * B, 125 * B, BondStatus.PRICED, at("12:00")).build()));
            f.dealWatermark(at("12:30"));
            assertTrue(f.creditEquity.isEmpty(), "no close after 12:00 yet: the 11:30 bucket may still change");

            f.inputStops();

            CreditEquityView view = f.creditEquity.readValue();
            assertEquals(at("12:00"), view.getAsOf());
            assertEquals(666.0 / 700.0 - 1, view.getEquityReturn(), 1e-12, "from the first price of the day that came");
            assertTrue(f.creditEquity.isEmpty());
        }
    }

    @Test
    void anAlertListsTheDealsOpenAtItsTimeWhetherTheirUpdatesArriveBeforeOrAfterItsTick() {
        BondBookUpdate opened = bond("D", 30 * B, 60 * B, BondStatus.BOOKBUILDING, at("13:00")).build();
        BondBookUpdate cancelled = bond("D", 30 * B, 60 * B, BondStatus.CANCELLED, at("13:40")).build();
        BondBookUpdate later = bond("E", 10 * B, 20 * B, BondStatus.BOOKBUILDING, at("13:45")).build();
        PriceMoveAlert inOrder = alert(f -> {
            summary(f, DealState.first(opened));
            f.tick("META", 750.0, at("13:30"));
            f.tick("META", 700.0, at("13:33")); // -6.7% in five minutes
            summary(f, DealState.first(opened).apply(cancelled));
            summary(f, DealState.first(later));
            f.dealWatermark(at("14:00"));
        });
        PriceMoveAlert dealsFirst = alert(f -> {
            summary(f, DealState.first(opened));
            summary(f, DealState.first(opened).apply(cancelled));
            summary(f, DealState.first(later));
            f.tick("META", 750.0, at("13:30"));
            f.tick("META", 700.0, at("13:33"));
            f.dealWatermark(at("14:00"));
        });

        assertEquals(List.of("D"), inOrder.getOpenBondDeals(), "open at 13:33: cancelled at 13:40, E opened at 13:45");
        assertEquals(inOrder, dealsFirst);
    }

    private static List<CreditEquityView> views(Consumer<TopologyFixture> script) {
        try (TopologyFixture f = new TopologyFixture(TWO_PARTITIONS)) {
            script.accept(f);
            f.inputStops(); // the news watermark is skipped as idle: the views go out without news
            return f.creditEquity.readValuesToList().stream()
                    .sorted(Comparator.comparing(CreditEquityView::getAsOf)).toList();
        }
    }

    /** The views, with the news watermark past them, so that what comes out is what the deal step let out. */
    private static List<CreditEquityView> viewsWithNewsIn(Consumer<TopologyFixture> script) {
        try (TopologyFixture f = new TopologyFixture(TWO_PARTITIONS)) {
            newsWatermark(f, at("13:00"));
            script.accept(f);
            assertTrue(f.deadLetters.isEmpty());
            return f.creditEquity.readValuesToList();
        }
    }

    /** A bucket close as the tick step sends it to the market task through {@code tick-closes}. */
    private static void close(TopologyFixture f, double price, Instant time) {
        f.driver.createInputTopic("newsflow-test-tick-closes-repartition", new StringSerializer(),
                f.serdes.priceTick().serializer()).pipeInput(new TestRecord<>("META", PriceTick.newBuilder()
                        .setSymbol("META").setPrice(price).setSize(100).setEventTime(time).build(), time));
    }

    private static PriceMoveAlert alert(Consumer<TopologyFixture> script) {
        try (TopologyFixture f = new TopologyFixture(TWO_PARTITIONS)) {
            script.accept(f);
            f.inputStops();
            List<PriceMoveAlert> alerts = f.alertContexts.readValuesToList();
            assertEquals(1, alerts.size(), alerts.toString());
            assertTrue(f.deadLetters.isEmpty());
            return alerts.get(0);
        }
    }

    private static void newsWatermark(TopologyFixture f, Instant time) {
        f.driver.createInputTopic("newsflow-test-news-context-repartition", new StringSerializer(),
                f.serdes.scoredArticle().serializer()).pipeInput(new TestRecord<>(NewsWatermarkFeed.WATERMARK_KEY, null, time));
    }

    /** The deal's summary as the bond-book task sends it to the ticker task, keyed by issuer. */
    private static void summary(TopologyFixture f, DealState state) {
        BondBookSummary summary = state.summary();
        f.driver.createInputTopic(TopologyFixture.BOND_SUMMARIES_BY_ISSUER, new StringSerializer(),
                f.serdes.bondBookSummary().serializer())
                .pipeInput(new TestRecord<>(summary.getIssuerSymbol(), summary, summary.getLastUpdateAt()));
    }
}
