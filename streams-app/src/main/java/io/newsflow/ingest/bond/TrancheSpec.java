package io.newsflow.ingest.bond;

/** One tranche of a simulated deal: its size at pricing, initial price talk (bps) and coupon at pricing (%). */
public record TrancheSpec(String tenor, long size, double initialSpreadBps, double couponPct) {
}
