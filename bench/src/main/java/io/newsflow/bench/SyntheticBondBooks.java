package io.newsflow.bench;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded order-book updates of a few new bond deals, shaped like the 2025-10-30 Meta deal: the book
 * grows towards several times the target while guidance tightens, then the deal prices and a new one starts.
 */
final class SyntheticBondBooks {

    private static final String[][] ISSUERS = {
        {"META", "Meta Platforms Inc"}, {"MSFT", "Microsoft Corp"}, {"AMZN", "Amazon.com Inc"},
        {"GOOGL", "Alphabet Inc"}, {"9984.T", "SoftBank Group Corp"}};
    private static final int UPDATES_PER_DEAL = 12;

    private final SplittableRandom random;
    private final long[] book = new long[ISSUERS.length];
    private final double[] spread = new double[ISSUERS.length];
    private final int[] updates = new int[ISSUERS.length];
    private final int[] dealNumber = new int[ISSUERS.length];

    SyntheticBondBooks(long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < ISSUERS.length; i++) {
            startDeal(i);
        }
    }

    BondBookUpdate next(long eventTimeMillis) {
        int i = random.nextInt(ISSUERS.length);
        long target = 30_000_000_000L;
        updates[i]++;
        book[i] += target / 3 + random.nextLong(target / 2);
        spread[i] -= random.nextInt(3) * 2.5;
        BondStatus status = updates[i] == 1 ? BondStatus.ANNOUNCED
                : updates[i] < UPDATES_PER_DEAL ? BondStatus.BOOKBUILDING : BondStatus.PRICED;
        BondBookUpdate update = BondBookUpdate.newBuilder()
                .setDealId(ISSUERS[i][0] + "-" + dealNumber[i])
                .setIssuerName(ISSUERS[i][1])
                .setIssuerSymbol(ISSUERS[i][0])
                .setTrancheTenor("10Y")
                .setTranches(List.of(
                        tranche("5Y", spread[i] - 25, status),
                        tranche("10Y", spread[i], status),
                        tranche("40Y", spread[i] + 30, status)))
                .setCurrency("USD")
                .setTargetSize(target)
                .setOrderBookSize(book[i])
                .setSpreadGuidanceBps(spread[i])
                .setCouponPct(status == BondStatus.PRICED ? 4.875 : null)
                .setStatus(status)
                .setEventTime(Instant.ofEpochMilli(eventTimeMillis))
                .build();
        if (status == BondStatus.PRICED) {
            startDeal(i);
        }
        return update;
    }

    private static BondTranche tranche(String tenor, double spreadBps, BondStatus status) {
        return BondTranche.newBuilder()
                .setTenor(tenor)
                .setSize(status == BondStatus.PRICED ? 10_000_000_000L : null)
                .setSpreadGuidanceBps(spreadBps)
                .setCouponPct(status == BondStatus.PRICED ? 4.875 : null)
                .build();
    }

    private void startDeal(int i) {
        dealNumber[i]++;
        updates[i] = 0;
        book[i] = 0;
        spread[i] = 150 + random.nextInt(50);
    }
}
