package io.newsflow.topology.market.study;

import io.newsflow.topology.market.PriceSeries;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A price series that remembers its look-ups, for the many "at or before" questions of one event
 * study: adjacent bars share their ends, and the store behind a {@code StoredPriceSeries} answers
 * each with a range seek.
 */
final class MemoPriceSeries implements PriceSeries {

    private final PriceSeries series;
    private final Map<String, Map<Long, Optional<Point>>> atOrBefore = new HashMap<>();

    MemoPriceSeries(PriceSeries series) {
        this.series = series;
    }

    @Override
    public Optional<Point> latest(String symbol) {
        return series.latest(symbol);
    }

    @Override
    public Optional<Point> atOrBefore(String symbol, long time) {
        return atOrBefore.computeIfAbsent(symbol, s -> new HashMap<>())
                .computeIfAbsent(time, t -> series.atOrBefore(symbol, t));
    }

    @Override
    public Optional<Point> earliestAtOrAfter(String symbol, long time) {
        return series.earliestAtOrAfter(symbol, time);
    }
}
