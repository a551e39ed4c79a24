package io.newsflow.ingest.bond;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates a book build as the syndicate desk would report it, deterministically:
 * <ul>
 *   <li>{@code ANNOUNCED} at the announcement, empty book, initial price talk;</li>
 *   <li>{@code BOOKBUILDING} every update interval; book = final * (L(x) - L(0)) / (L(1) - L(0)) with
 *       x the elapsed fraction and L(x) = 1 / (1 + e^(-k (x - 0.4))), so most orders arrive early, then
 *       rounded down to 100 million;</li>
 *   <li>{@code PRICED} at pricing: the final book, final size, coupons and tranche sizes.</li>
 * </ul>
 * Guidance tightens with the book: tightening so far = total tightening x book fraction, floored to
 * 5 bps steps (as desks revise in round steps), and the full amount at pricing; so guidance never widens.
 */
public final class BondBookSimulator {

    static final long BOOK_ROUNDING = 100_000_000L;

    public List<BondBookUpdate> simulate(BondDealSpec spec) {
        List<BondBookUpdate> updates = new ArrayList<>();
        long total = Duration.between(spec.announceAt(), spec.pricingAt()).toMillis();
        updates.add(update(spec, spec.announceAt(), 0, 0.0, BondStatus.ANNOUNCED));
        for (Instant t = spec.announceAt().plus(spec.updateInterval()); t.isBefore(spec.pricingAt());
                t = t.plus(spec.updateInterval())) {
            double x = (double) Duration.between(spec.announceAt(), t).toMillis() / total;
            long book = (long) (spec.finalBookSize() * bookFraction(x, spec.steepness()) / BOOK_ROUNDING) * BOOK_ROUNDING;
            double tightening = Math.floor(spec.tighteningBps() * book / spec.finalBookSize() / 5.0) * 5.0;
            updates.add(update(spec, t, book, tightening, BondStatus.BOOKBUILDING));
        }
        updates.add(update(spec, spec.pricingAt(), spec.finalBookSize(), spec.tighteningBps(), BondStatus.PRICED));
        return updates;
    }

    static double bookFraction(double x, double k) {
        double l0 = logistic(0, k);
        double l1 = logistic(1, k);
        return (logistic(x, k) - l0) / (l1 - l0);
    }

    private static double logistic(double x, double k) {
        return 1.0 / (1.0 + Math.exp(-k * (x - 0.4)));
    }

    private static BondBookUpdate update(BondDealSpec spec, Instant time, long book, double tightening,
            BondStatus status) {
        boolean priced = status == BondStatus.PRICED;
        List<BondTranche> tranches = new ArrayList<>();
        Double headlineSpread = null;
        Double headlineCoupon = null;
        for (TrancheSpec t : spec.tranches()) {
            double spread = t.initialSpreadBps() - tightening;
            tranches.add(BondTranche.newBuilder()
                    .setTenor(t.tenor())
                    .setSize(priced ? t.size() : null)
                    .setSpreadGuidanceBps(spread)
                    .setCouponPct(priced ? t.couponPct() : null)
                    .build());
            if (t.tenor().equals(spec.headlineTenor())) {
                headlineSpread = spread;
                headlineCoupon = priced ? t.couponPct() : null;
            }
        }
        return BondBookUpdate.newBuilder()
                .setDealId(spec.dealId())
                .setIssuerName(spec.issuerName())
                .setIssuerSymbol(spec.issuerSymbol())
                .setTrancheTenor(spec.headlineTenor())
                .setTranches(tranches)
                .setCurrency(spec.currency())
                .setTargetSize(spec.dealSize())
                .setOrderBookSize(book)
                .setSpreadGuidanceBps(headlineSpread)
                .setCouponPct(headlineCoupon)
                .setStatus(status)
                .setEventTime(time)
                .build();
    }
}
