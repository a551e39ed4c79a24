package io.newsflow.topology.market;

import io.newsflow.topology.state.TimeIndex;
import java.util.Optional;

/** Price look-ups over a time-indexed tick store. */
public final class PriceSeries {

    private final TimeIndex<Double> ticks;

    public PriceSeries(TimeIndex<Double> ticks) {
        this.ticks = ticks;
    }

    /** A price and the event time of the tick it comes from. */
    public record Point(long time, double price) {
    }

    public Optional<Point> latest(String symbol) {
        return ticks.latest(symbol).map(PriceSeries::point);
    }

    public Optional<Point> atOrBefore(String symbol, long time) {
        return ticks.latestAtOrBefore(symbol, time).map(PriceSeries::point);
    }

    /**
     * The reference price for a return starting at {@code start}: the latest tick at or before it,
     * or, when the history begins later, the first tick after it (but before {@code end}).
     */
    public Optional<Point> reference(String symbol, long start, long end) {
        Optional<Point> before = atOrBefore(symbol, start);
        if (before.isPresent()) {
            return before;
        }
        return ticks.earliestAtOrAfter(symbol, start).map(PriceSeries::point).filter(p -> p.time() < end);
    }

    /** Simple return from the reference at {@code start} to the latest tick at or before {@code end}. */
    public Optional<Return> change(String symbol, long start, long end) {
        Optional<Point> to = atOrBefore(symbol, end);
        Optional<Point> from = reference(symbol, start, end);
        if (to.isEmpty() || from.isEmpty() || from.get().time() > to.get().time()) {
            return Optional.empty();
        }
        return Optional.of(new Return(from.get(), to.get()));
    }

    /** A return between two ticks. */
    public record Return(Point from, Point to) {
        public double value() {
            return to.price() / from.price() - 1.0;
        }
    }

    private static Point point(TimeIndex.Entry<Double> entry) {
        return new Point(entry.time(), entry.value());
    }
}
