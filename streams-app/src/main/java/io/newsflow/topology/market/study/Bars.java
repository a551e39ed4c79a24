package io.newsflow.topology.market.study;

import io.newsflow.topology.market.PriceSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bar returns of a stock and its benchmark from their price series (the latest tick at or before
 * each bar's end; see {@link PriceSeries}).
 *
 * <p>An estimation bar counts only when both series traded in it (a tick in the bar) and both had
 * a price before it: bars in which a market was closed would add (0, 0) points and pull beta
 * towards the intercept. An event bar counts when either series traded in it, so that no move of the
 * stock over the horizon is left out, and closed hours add no alpha.
 */
public final class Bars {

    private Bars() {
    }

    /** Bars of {@code barMs} ending at {@code end}, back over {@code lengthMs}, oldest first. */
    public static List<BarReturn> estimation(PriceSeries stock, String symbol, PriceSeries market, String benchmark,
            long end, long lengthMs, long barMs) {
        int count = (int) (lengthMs / barMs);
        List<BarReturn> bars = new ArrayList<>(count);
        for (int j = count - 1; j >= 0; j--) {
            long to = end - j * barMs;
            long from = to - barMs;
            Optional<Double> s = tradedReturn(stock, symbol, from, to);
            if (s.isEmpty()) {
                continue;
            }
            Optional<Double> m = tradedReturn(market, benchmark, from, to);
            if (m.isPresent()) {
                bars.add(new BarReturn(s.get(), m.get()));
            }
        }
        return bars;
    }

    /** Bars of {@code barMs} from {@code start} over {@code horizonMs} (the last one shorter when it does not divide). */
    public static List<BarReturn> event(PriceSeries stock, String symbol, PriceSeries market, String benchmark,
            long start, long horizonMs, long barMs) {
        List<BarReturn> bars = new ArrayList<>();
        long end = start + horizonMs;
        for (long from = start; from < end; from += barMs) {
            long to = Math.min(from + barMs, end);
            if (!traded(stock, symbol, from, to) && !traded(market, benchmark, from, to)) {
                continue;
            }
            bars.add(new BarReturn(change(stock, symbol, from, to), change(market, benchmark, from, to)));
        }
        return bars;
    }

    private static Optional<Double> tradedReturn(PriceSeries series, String symbol, long from, long to) {
        Optional<PriceSeries.Point> last = series.atOrBefore(symbol, to);
        if (last.isEmpty() || last.get().time() <= from) {
            return Optional.empty();
        }
        return series.atOrBefore(symbol, from).map(first -> last.get().price() / first.price() - 1.0);
    }

    private static boolean traded(PriceSeries series, String symbol, long from, long to) {
        return series.atOrBefore(symbol, to).map(p -> p.time() > from).orElse(false);
    }

    private static double change(PriceSeries series, String symbol, long from, long to) {
        return series.change(symbol, from, to).map(PriceSeries.Return::value).orElse(0.0);
    }
}
