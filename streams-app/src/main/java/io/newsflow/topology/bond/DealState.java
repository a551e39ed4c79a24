package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import java.time.Instant;

/**
 * Everything remembered of one deal across its updates. Updates may arrive out of order: the
 * "first" fields follow the earliest event time seen, the "current" fields the latest.
 */
public record DealState(String dealId, String issuerName, String issuerSymbol, String currency, String status,
        long targetSize, long orderBookSize, long peakOrderBookSize, long firstUpdateAt, long firstOrderBookSize,
        Double initialSpreadBps, Long initialSpreadAt, Double currentSpreadBps, long lastUpdateAt,
        long updateCount) {

    private static final double MS_PER_HOUR = 3_600_000.0;

    public static DealState first(BondBookUpdate u) {
        long t = u.getEventTime().toEpochMilli();
        Double spread = u.getSpreadGuidanceBps();
        return new DealState(u.getDealId(), u.getIssuerName(), u.getIssuerSymbol(), u.getCurrency(),
                u.getStatus().name(), u.getTargetSize(), u.getOrderBookSize(), u.getOrderBookSize(), t,
                u.getOrderBookSize(), spread, spread == null ? null : t, spread, t, 1);
    }

    public DealState apply(BondBookUpdate u) {
        long t = u.getEventTime().toEpochMilli();
        Double spread = u.getSpreadGuidanceBps();
        boolean newest = t >= lastUpdateAt;
        boolean earliest = t < firstUpdateAt;
        boolean earlierSpread = spread != null && (initialSpreadAt == null || t < initialSpreadAt);
        return new DealState(dealId,
                newest ? u.getIssuerName() : issuerName,
                newest && u.getIssuerSymbol() != null ? u.getIssuerSymbol() : issuerSymbol,
                newest ? u.getCurrency() : currency,
                newest ? u.getStatus().name() : status,
                newest ? u.getTargetSize() : targetSize,
                newest ? u.getOrderBookSize() : orderBookSize,
                Math.max(peakOrderBookSize, u.getOrderBookSize()),
                earliest ? t : firstUpdateAt,
                earliest ? u.getOrderBookSize() : firstOrderBookSize,
                earlierSpread ? spread : initialSpreadBps,
                earlierSpread ? Long.valueOf(t) : initialSpreadAt,
                newest && spread != null ? spread : currentSpreadBps,
                Math.max(lastUpdateAt, t),
                updateCount + 1);
    }

    public double oversubscription() {
        return (double) orderBookSize / targetSize;
    }

    /** Positive when the spread came in (more demand); null until both ends are known. */
    public Double spreadTighteningBps() {
        return initialSpreadBps == null || currentSpreadBps == null ? null : initialSpreadBps - currentSpreadBps;
    }

    public double bookGrowthPerHour() {
        long elapsed = lastUpdateAt - firstUpdateAt;
        return elapsed <= 0 ? 0.0 : (orderBookSize - firstOrderBookSize) / (elapsed / MS_PER_HOUR);
    }

    public BondBookSummary summary() {
        return BondBookSummary.newBuilder()
                .setDealId(dealId)
                .setIssuerName(issuerName)
                .setIssuerSymbol(issuerSymbol)
                .setCurrency(currency)
                .setStatus(BondStatus.valueOf(status))
                .setTargetSize(targetSize)
                .setOrderBookSize(orderBookSize)
                .setPeakOrderBookSize(peakOrderBookSize)
                .setOversubscription(oversubscription())
                .setBookGrowthPerHour(bookGrowthPerHour())
                .setInitialSpreadBps(initialSpreadBps)
                .setCurrentSpreadBps(currentSpreadBps)
                .setSpreadTighteningBps(spreadTighteningBps())
                .setFirstUpdateAt(Instant.ofEpochMilli(firstUpdateAt))
                .setLastUpdateAt(Instant.ofEpochMilli(lastUpdateAt))
                .setUpdateCount(updateCount)
                .build();
    }
}
