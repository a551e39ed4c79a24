package io.newsflow.ingest.bond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BondBookSimulatorTest {

    static BondDealSpec metaDeal() {
        return new BondDealSpec("META-2025-10-30", "Meta Platforms Inc.", "META", "USD", 125_000_000_000L, "10Y",
                List.of(new TrancheSpec("5Y", 4_000_000_000L, 105, 4.20),
                        new TrancheSpec("7Y", 4_000_000_000L, 120, 4.60),
                        new TrancheSpec("10Y", 6_500_000_000L, 140, 4.875),
                        new TrancheSpec("20Y", 4_500_000_000L, 155, 5.50),
                        new TrancheSpec("30Y", 7_000_000_000L, 165, 5.625),
                        new TrancheSpec("40Y", 4_000_000_000L, 185, 5.75)),
                30, Instant.parse("2025-10-30T12:00:00Z"), Instant.parse("2025-10-30T20:00:00Z"), Duration.ofMinutes(30), 6.0);
    }

    private final List<BondBookUpdate> updates = new BondBookSimulator().simulate(metaDeal());

    @Test
    void statusesGoAnnouncedThenBookbuildingThenPriced() {
        assertEquals(17, updates.size(), "announcement, 15 half-hourly updates, pricing");
        assertEquals(BondStatus.ANNOUNCED, updates.get(0).getStatus());
        updates.subList(1, 16).forEach(u -> assertEquals(BondStatus.BOOKBUILDING, u.getStatus()));
        assertEquals(BondStatus.PRICED, updates.get(16).getStatus());
        assertEquals(Instant.parse("2025-10-30T12:00:00Z"), updates.get(0).getEventTime());
        assertEquals(Instant.parse("2025-10-30T20:00:00Z"), updates.get(16).getEventTime());
    }

    @Test
    void theBookGrowsMonotonicallyToAbout125BillionOrAbout4Point2TimesCovered() {
        BondBookUpdate last = updates.get(updates.size() - 1);

        assertEquals(0L, updates.get(0).getOrderBookSize());
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i).getOrderBookSize() >= updates.get(i - 1).getOrderBookSize());
        }
        assertEquals(125_000_000_000L, last.getOrderBookSize());
        assertEquals(30_000_000_000L, last.getTargetSize());
        assertEquals(4.2, (double) last.getOrderBookSize() / last.getTargetSize(), 0.05);
        assertTrue(updates.get(8).getOrderBookSize() > 62_500_000_000L, "logistic: over half the book by mid-afternoon");
    }

    @Test
    void guidanceTightensMonotonicallyBy30BpsFromInitialPriceTalk() {
        assertEquals(140.0, updates.get(0).getSpreadGuidanceBps());
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i).getSpreadGuidanceBps() <= updates.get(i - 1).getSpreadGuidanceBps());
        }
        assertEquals(110.0, updates.get(updates.size() - 1).getSpreadGuidanceBps());
        for (BondTranche t : updates.get(updates.size() - 1).getTranches()) {
            assertNotNull(t.getSize());
            assertNotNull(t.getCouponPct());
        }
        assertEquals(75.0, updates.get(updates.size() - 1).getTranches().get(0).getSpreadGuidanceBps());
    }

    @Test
    void couponsAndTrancheSizesOnlyAtPricing() {
        for (BondBookUpdate u : updates.subList(0, 16)) {
            assertNull(u.getCouponPct());
            u.getTranches().forEach(t -> assertNull(t.getSize()));
        }
        assertEquals(4.875, updates.get(16).getCouponPct());
    }

    @Test
    void deterministic() {
        assertEquals(updates, new BondBookSimulator().simulate(metaDeal()));
    }
}
