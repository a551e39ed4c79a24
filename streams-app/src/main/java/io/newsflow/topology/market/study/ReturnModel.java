package io.newsflow.topology.market.study;

/** Which model gave a reaction's expected return (written as its name in {@code MarketReaction.returnModel}). */
public enum ReturnModel {
    /** alpha + beta x benchmark, fitted over the estimation window. */
    MARKET_MODEL,
    /** Too few estimation bars: the benchmark's return is the expected return (beta 1, alpha 0). */
    MARKET_ADJUSTED,
    /** No benchmark price: no expected or abnormal return. */
    NONE
}
