package io.newsflow.ingest.bond;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.ingest.BadInputException;

/** The invariants the BondBookUpdate schema documents, checked before publishing a replayed row. */
final class BondUpdateValidator {

    private BondUpdateValidator() {
    }

    static BondBookUpdate check(BondBookUpdate u) throws BadInputException {
        if (u.getDealId().isBlank()) {
            throw new BadInputException("empty dealId");
        }
        if (u.getIssuerName().isBlank()) {
            throw new BadInputException("empty issuerName");
        }
        if (u.getTargetSize() <= 0) {
            throw new BadInputException("targetSize must be > 0, was " + u.getTargetSize());
        }
        if (u.getOrderBookSize() < 0) {
            throw new BadInputException("orderBookSize must be >= 0, was " + u.getOrderBookSize());
        }
        if (u.getSpreadGuidanceBps() != null && !Double.isFinite(u.getSpreadGuidanceBps())) {
            throw new BadInputException("spreadGuidanceBps must be finite");
        }
        if (u.getCouponPct() != null && !(u.getCouponPct() >= 0 && Double.isFinite(u.getCouponPct()))) {
            throw new BadInputException("couponPct must be finite and >= 0");
        }
        return u;
    }
}
