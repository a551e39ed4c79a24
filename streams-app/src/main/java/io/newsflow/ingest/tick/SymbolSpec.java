package io.newsflow.ingest.tick;

/**
 * One simulated instrument: start price, annualised drift and volatility (0.2 = 20%), and the
 * typical trade size (sizes are drawn in round lots up to it).
 */
public record SymbolSpec(String symbol, double startPrice, double drift, double volatility, long maxSize) {

    public SymbolSpec {
        if (!(startPrice > 0) || !Double.isFinite(startPrice)) {
            throw new IllegalArgumentException(symbol + ": start price must be > 0");
        }
        if (!(volatility >= 0)) {
            throw new IllegalArgumentException(symbol + ": volatility must be >= 0");
        }
        if (maxSize < 100) {
            throw new IllegalArgumentException(symbol + ": max size must be >= 100");
        }
    }

    public SymbolSpec(String symbol, double startPrice, double drift, double volatility) {
        this(symbol, startPrice, drift, volatility, 2000);
    }
}
