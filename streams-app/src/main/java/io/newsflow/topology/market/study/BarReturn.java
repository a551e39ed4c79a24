package io.newsflow.topology.market.study;

/** The simple returns of a stock and of its benchmark over the same bar. */
public record BarReturn(double stock, double market) {
}
