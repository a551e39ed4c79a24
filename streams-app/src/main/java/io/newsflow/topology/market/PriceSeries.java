package io.newsflow.topology.market;

import java.util.Optional;

/**
 * Price look-ups over a symbol's tick history: the in-memory {@link TickHistory} on the tick path,
 * {@link StoredPriceSeries} where only the store is at hand.
 */
public interface PriceSeries {

    /** A price and the event time of the tick it comes from. */
    record Point(long time, double price) {
    }

    /** A return between two ticks. */
    record Return(Point from, Point to) {
        public double value() {
            return to.price() / from.price() - 1.0;
        }
    }

    Optional<Point> latest(String symbol);

    /** The newest kept tick at or before {@code time}. */
    Optional<Point> atOrBefore(String symbol, long time);

    /** The oldest kept tick at or after {@code time}. */
    Optional<Point> earliestAtOrAfter(String symbol, long time);

    /**
     * The reference price for a return starting at {@code start}: the latest tick at or before it,
     * or, when the history begins later, the first tick after it (but before {@code end}).
     */
    default Optional<Point> reference(String symbol, long start, long end) {
        Optional<Point> before = atOrBefore(symbol, start);
        if (before.isPresent()) {
            return before;
        }
        return earliestAtOrAfter(symbol, start).filter(p -> p.time() < end);
    }

    /** Simple return from the reference at {@code start} to the latest tick at or before {@code end}. */
    default Optional<Return> change(String symbol, long start, long end) {
        Optional<Point> to = atOrBefore(symbol, end);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Optional<Point> from = reference(symbol, start, end);
        if (from.isEmpty() || from.get().time() > to.get().time()) {
            return Optional.empty();
        }
        return Optional.of(new Return(from.get(), to.get()));
    }
}
