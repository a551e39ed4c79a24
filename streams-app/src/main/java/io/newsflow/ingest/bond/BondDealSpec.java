package io.newsflow.ingest.bond;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A simulated new-issue deal. The book grows from 0 at {@code announceAt} to {@code finalBookSize}
 * at {@code pricingAt} along a logistic curve of the given steepness; guidance tightens by
 * {@code tighteningBps} in step with the book. {@code headlineTenor} names the tranche whose
 * guidance and coupon are the update's headline figures. The deal size is the sum of tranche sizes.
 */
public record BondDealSpec(String dealId, String issuerName, String issuerSymbol, String currency,
        long finalBookSize, String headlineTenor, List<TrancheSpec> tranches, double tighteningBps,
        Instant announceAt, Instant pricingAt, Duration updateInterval, double steepness) {

    public BondDealSpec {
        tranches = List.copyOf(tranches);
        if (tranches.isEmpty()) {
            throw new IllegalArgumentException(dealId + ": at least one tranche is required");
        }
        if (tranches.stream().noneMatch(t -> t.tenor().equals(headlineTenor))) {
            throw new IllegalArgumentException(dealId + ": headline tenor " + headlineTenor + " is not a tranche");
        }
        if (!pricingAt.isAfter(announceAt)) {
            throw new IllegalArgumentException(dealId + ": pricing must come after the announcement");
        }
        if (updateInterval.isNegative() || updateInterval.isZero()) {
            throw new IllegalArgumentException(dealId + ": update interval must be positive");
        }
        if (tighteningBps < 0 || finalBookSize <= 0 || steepness <= 0) {
            throw new IllegalArgumentException(dealId + ": tightening >= 0, final book > 0 and steepness > 0 required");
        }
    }

    public long dealSize() {
        return tranches.stream().mapToLong(TrancheSpec::size).sum();
    }
}
