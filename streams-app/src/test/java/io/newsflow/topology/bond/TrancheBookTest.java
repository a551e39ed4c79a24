package io.newsflow.topology.bond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-tranche deal from initial price talk to launch: the 10Y from IPT +140 through +125 to
 * launch at +110 (30 bp tighter), the 5Y from +105 to +80; the desk reports the 10Y's orders.
 */
class TrancheBookTest {

    private static final long B = 1_000_000_000L;

    private static BondTranche tranche(String tenor, double spread, Long size, Long book, Double coupon) {
        return BondTranche.newBuilder().setTenor(tenor).setSpreadGuidanceBps(spread).setSize(size)
                .setOrderBookSize(book).setCouponPct(coupon).build();
    }

    private static BondBookUpdate update(String at, BondStatus status, long book, BondTranche... tranches) {
        return BondBookUpdate.newBuilder().setDealId("D").setIssuerName("Issuer").setIssuerSymbol("ISS")
                .setTargetSize(10 * B).setOrderBookSize(book).setStatus(status).setSpreadGuidanceBps(null)
                .setTranches(List.of(tranches)).setEventTime(Instant.parse(at)).build();
    }

    private static final BondBookUpdate IPT = update("2025-10-30T12:00:00Z", BondStatus.ANNOUNCED, 0,
            tranche("10Y", 140, null, null, null), tranche("5Y", 105, null, null, null));
    private static final BondBookUpdate BOOKS_OPEN = update("2025-10-30T13:00:00Z", BondStatus.BOOKBUILDING, 50 * B,
            tranche("10Y", 140, null, 20 * B, null), tranche("5Y", 100, null, null, null));
    private static final BondBookUpdate REVISED = update("2025-10-30T15:00:00Z", BondStatus.BOOKBUILDING, 90 * B,
            tranche("10Y", 125, null, null, null), tranche("5Y", 95, null, null, null));
    private static final BondBookUpdate PRICED = update("2025-10-30T20:00:00Z", BondStatus.PRICED, 125 * B,
            tranche("10Y", 110, 6_500_000_000L, 45 * B, 4.875), tranche("5Y", 80, 4 * B, null, 4.2));

    @Test
    void eachTrancheFromInitialPriceTalkToLaunch() {
        TrancheBook book = TrancheBook.empty().apply(IPT).apply(BOOKS_OPEN).apply(REVISED).apply(PRICED);

        assertEquals(List.of("5Y", "10Y"), book.tranches().stream().map(TrancheTrack::tenor).toList(), "shortest first");
        TrancheTrack tenYear = book.tranches().get(1);
        assertEquals(140.0, tenYear.initialSpreadBps());
        assertEquals(List.of(140.0, 125.0, 110.0), tenYear.revisions().stream().map(TrancheTrack.Quote::spreadBps).toList(),
                "the repeat of +140 at the books' opening is no revision");
        assertEquals(110.0, tenYear.launchSpreadBps());
        assertEquals(30.0, tenYear.tighteningBps());
        assertEquals(6_500_000_000L, tenYear.size().value());
        assertEquals(4.875, tenYear.coupon().value());
        assertEquals(45.0 / 125, tenYear.shareOfBook(), 1e-12, "45B of the 125B book at pricing");

        TrancheTrack fiveYear = book.tranches().get(0);
        assertEquals(25.0, fiveYear.tighteningBps());
        assertEquals(4, fiveYear.revisions().size());
        assertNull(fiveYear.shareOfBook(), "its orders were never reported");
    }

    @Test
    void beforeLaunchTheTighteningIsToTheCurrentGuidance() {
        TrancheTrack tenYear = TrancheBook.empty().apply(IPT).apply(REVISED).tranches().get(1);

        assertNull(tenYear.launchSpreadBps());
        assertEquals(15.0, tenYear.tighteningBps());
    }

    @Test
    void updatesArrivingOutOfOrderGiveTheSameLifecycle() {
        TrancheBook inOrder = TrancheBook.empty().apply(IPT).apply(BOOKS_OPEN).apply(REVISED).apply(PRICED);
        TrancheBook shuffled = TrancheBook.empty().apply(REVISED).apply(PRICED).apply(IPT).apply(BOOKS_OPEN);

        assertEquals(inOrder, shuffled);
    }
}
