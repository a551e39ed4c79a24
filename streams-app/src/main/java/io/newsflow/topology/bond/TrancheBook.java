package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.avro.SpreadRevision;
import io.newsflow.avro.TrancheSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tranches of one deal across its updates: per tenor, the initial price talk, each guidance
 * revision, the launch spread, the tightening between them, size, coupon and share of the book as
 * they are reported. Tenors are kept shortest first.
 */
public record TrancheBook(List<TrancheTrack> tranches) {

    private static final Comparator<TrancheTrack> BY_TENOR = Comparator.comparingDouble(t -> years(t.tenor()));

    public TrancheBook {
        tranches = tranches == null ? List.of() : List.copyOf(tranches);
    }

    public static TrancheBook empty() {
        return new TrancheBook(List.of());
    }

    public TrancheBook apply(BondBookUpdate update) {
        if (update.getTranches() == null || update.getTranches().isEmpty()) {
            return this;
        }
        long time = update.getEventTime().toEpochMilli();
        boolean priced = update.getStatus() == BondStatus.PRICED;
        List<TrancheTrack> next = new ArrayList<>(tranches);
        for (BondTranche tranche : update.getTranches()) {
            int at = indexOf(next, tranche.getTenor());
            TrancheTrack track = at >= 0 ? next.get(at) : TrancheTrack.empty(tranche.getTenor());
            TrancheTrack updated = track.with(time, tranche.getSpreadGuidanceBps(), priced, tranche.getSize(),
                    tranche.getOrderBookSize(), update.getOrderBookSize(), tranche.getCouponPct());
            if (at >= 0) {
                next.set(at, updated);
            } else {
                next.add(updated);
            }
        }
        next.sort(BY_TENOR);
        return new TrancheBook(next);
    }

    /** The tranches as {@code BondBookSummary.tranches} carries them. */
    public List<TrancheSummary> summaries() {
        List<TrancheSummary> out = new ArrayList<>(tranches.size());
        for (TrancheTrack t : tranches) {
            out.add(TrancheSummary.newBuilder()
                    .setTenor(t.tenor())
                    .setSize(t.size() == null ? null : t.size().value())
                    .setInitialSpreadBps(t.initialSpreadBps())
                    .setRevisions(t.revisions().stream().map(q -> new SpreadRevision(Instant.ofEpochMilli(q.time()),
                            q.spreadBps())).toList())
                    .setCurrentSpreadBps(t.currentSpreadBps())
                    .setLaunchSpreadBps(t.launchSpreadBps())
                    .setTighteningBps(t.tighteningBps())
                    .setCouponPct(t.coupon() == null ? null : t.coupon().value())
                    .setOrderBookSize(t.book() == null ? null : t.book().trancheBook())
                    .setShareOfBook(t.shareOfBook())
                    .build());
        }
        return out;
    }

    private static int indexOf(List<TrancheTrack> tracks, String tenor) {
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).tenor().equals(tenor)) {
                return i;
            }
        }
        return -1;
    }

    /** A tenor label in years (3M = 0.25, 10Y = 10), for ordering; an unreadable label sorts last. */
    static double years(String tenor) {
        try {
            String t = tenor.trim().toUpperCase(java.util.Locale.ROOT);
            double n = Double.parseDouble(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'Y' -> n;
                case 'M' -> n / 12;
                default -> Double.MAX_VALUE;
            };
        } catch (RuntimeException e) {
            return Double.MAX_VALUE;
        }
    }
}
