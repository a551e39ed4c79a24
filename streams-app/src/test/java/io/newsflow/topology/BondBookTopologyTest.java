package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.CreditEquityView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bond-book analytics per deal, and the per-issuer credit-equity view. */
class BondBookTopologyTest {

    private static final long B = 1_000_000_000L;

    @Test
    void metaBookOf125BillionForA30BillionDealIsAbout4point17TimesCovered() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("META-2025-10", bond("META-2025-10", 25 * B, 20 * B, BondStatus.BOOKBUILDING, at("12:00"))
                    .setSpreadGuidanceBps(135.0).build());
            f.bonds.pipeInput("META-2025-10", bond("META-2025-10", 25 * B, 80 * B, BondStatus.BOOKBUILDING, at("14:00"))
                    .setSpreadGuidanceBps(115.0).build());
            f.bonds.pipeInput("META-2025-10", bond("META-2025-10", 30 * B, 125 * B, BondStatus.PRICED, at("17:00"))
                    .setSpreadGuidanceBps(103.0).build());

            List<BondBookSummary> summaries = f.bondBooks.readValuesToList();
            assertEquals(3, summaries.size());
            BondBookSummary last = summaries.get(2);
            assertEquals(125.0 / 30.0, last.getOversubscription(), 1e-9);
            assertEquals(4.17, last.getOversubscription(), 0.01);
            assertEquals(125 * B, last.getPeakOrderBookSize());
            assertEquals(135.0, last.getInitialSpreadBps());
            assertEquals(103.0, last.getCurrentSpreadBps());
            assertEquals(32.0, last.getSpreadTighteningBps());
            assertEquals((125 - 20) * B / 5.0, last.getBookGrowthPerHour(), 1.0); // 105B over 5h
            assertEquals(3, last.getUpdateCount());
            assertEquals(BondStatus.PRICED, last.getStatus());
            assertEquals(at("12:00"), last.getFirstUpdateAt());

            assertEquals(125.0 / 30.0,
                    f.gauge("newsflow.bond.oversubscription.ratio", "deal", "META-2025-10", "issuer", "META"), 1e-9);
            assertEquals(0.0032, f.gauge("newsflow.bond.spread.tightening.ratio", "deal", "META-2025-10"), 1e-12); // 32 bp, in base units
        }
    }

    @Test
    void anOutOfOrderUpdateDoesNotRewindTheCurrentStateButFixesTheStart() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("D", bond("D", 10 * B, 30 * B, BondStatus.BOOKBUILDING, at("14:00"))
                    .setSpreadGuidanceBps(120.0).build());
            f.bonds.pipeInput("D", bond("D", 10 * B, 5 * B, BondStatus.ANNOUNCED, at("12:00"))
                    .setSpreadGuidanceBps(140.0).build());

            BondBookSummary last = f.bondBooks.readValuesToList().get(1);
            assertEquals(BondStatus.BOOKBUILDING, last.getStatus());
            assertEquals(3.0, last.getOversubscription(), 1e-9);
            assertEquals(140.0, last.getInitialSpreadBps());
            assertEquals(120.0, last.getCurrentSpreadBps());
            assertEquals(at("12:00"), last.getFirstUpdateAt());
            assertEquals(12.5 * B, last.getBookGrowthPerHour(), 1.0); // 25B over 2h
        }
    }

    @Test
    void metaDayIsDivergentStrongBookWhileTheStockFallsEleven() {
        try (TopologyFixture f = new TopologyFixture()) {
            Instant dayBefore = Instant.parse("2025-10-29T19:00:00Z");
            f.tick("META", 751.44, dayBefore);
            f.tick("META", 666.47, at("19:30"));
            f.bonds.pipeInput("META-2025-10", bond("META-2025-10", 30 * B, 125 * B, BondStatus.PRICED, at("20:00"))
                    .setSpreadGuidanceBps(103.0).build());
            f.inputStops();

            CreditEquityView view = f.creditEquity.readValue();
            assertEquals("META", view.getIssuerSymbol());
            assertEquals("META-2025-10", view.getDealId());
            assertEquals(4.17, view.getOversubscription(), 0.01);
            assertEquals(666.47 / 751.44 - 1, view.getEquityReturn(), 1e-9);
            assertTrue(view.getEquityReturn() < -0.11);
            assertEquals("1d", view.getEquityReturnWindow());
            assertTrue(view.getDivergent());
            assertEquals(1.0, f.gauge("newsflow.credit.equity.divergence", "issuer", "META"));
        }
    }

    @Test
    void inAReplayWhereTicksRunAheadTheViewIsAsOfTheDealUpdate() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", 751.44, Instant.parse("2025-10-29T19:00:00Z"));
            f.tick("META", 666.47, at("19:30"));
            f.tick("META", 668.00, at("23:00")); // hours later, already processed
            f.bonds.pipeInput("META-2025-10", bond("META-2025-10", 30 * B, 125 * B, BondStatus.PRICED, at("20:00"))
                    .build());
            // the ticks have moved the deal watermark past 20:00 already: the update's view is walked at once

            CreditEquityView view = f.creditEquity.readValue();
            assertEquals(at("20:00"), view.getAsOf());
            assertEquals(666.47 / 751.44 - 1, view.getEquityReturn(), 1e-9);
            assertTrue(view.getDivergent());
        }
    }

    @Test
    void aStrongBookWithAStableStockIsNotDivergentUntilTheStockFalls() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", 750.0, Instant.parse("2025-10-29T20:00:00Z"));
            f.tick("META", 748.0, at("15:00"));
            f.bonds.pipeInput("D", bond("D", 30 * B, 125 * B, BondStatus.BOOKBUILDING, at("15:05")).build());
            f.inputStops();
            CreditEquityView calm = f.creditEquity.readValue();
            assertFalse(calm.getDivergent());
            assertNull(calm.getNewsSentiment());

            f.tick("META", 745.0, at("16:00")); // no flip, no view
            assertTrue(f.creditEquity.isEmpty());
            f.tick("META", 690.0, at("17:00")); // -8% over the day: flips
            f.inputStops();
            CreditEquityView flipped = f.creditEquity.readValue();
            assertTrue(flipped.getDivergent());
            assertEquals(at("17:00"), flipped.getAsOf());
            assertTrue(f.creditEquity.isEmpty());
        }
    }

    @Test
    void aWeakBookWhileTheStockRalliesIsAlsoDivergent() {
        TopologySettings settings = TopologySettings.fromMap(java.util.Map.of(
                "bond.divergence.weak.oversubscription", "1.5", "bond.divergence.equity.rally", "0.05"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.tick("NVDA", 180.0, Instant.parse("2025-10-29T19:00:00Z"));
            f.tick("NVDA", 191.0, at("19:00")); // +6.1%
            f.bonds.pipeInput("N", bond("N", 10 * B, 12 * B, BondStatus.BOOKBUILDING, at("19:05"))
                    .setIssuerName("NVIDIA").setIssuerSymbol("NVDA").build());
            f.inputStops();
            CreditEquityView view = f.creditEquity.readValue();
            assertEquals(1.2, view.getOversubscription(), 1e-9);
            assertTrue(view.getDivergent());
        }
    }

    @Test
    void privateIssuersGetABookSummaryButNoCreditView() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.bonds.pipeInput("P", bond("P", 10 * B, 20 * B, BondStatus.BOOKBUILDING, at("12:00"))
                    .setIssuerSymbol(null).setIssuerName("Private Co").build());
            assertEquals(2.0, f.bondBooks.readValue().getOversubscription(), 1e-9);
            assertTrue(f.creditEquity.isEmpty());
        }
    }
}
