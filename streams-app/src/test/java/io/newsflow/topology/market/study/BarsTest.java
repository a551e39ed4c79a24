package io.newsflow.topology.market.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.topology.market.PriceSeries;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bar returns sampled from price series: closed hours are left out of the estimation. */
class BarsTest {

    private static final long BAR = 300_000L; // 5 minutes

    /** A price series over explicit ticks. */
    record Ticks(Map<String, NavigableMap<Long, Double>> bySymbol) implements PriceSeries {
        @Override
        public Optional<Point> latest(String symbol) {
            return Optional.ofNullable(bySymbol.get(symbol)).map(NavigableMap::lastEntry)
                    .map(e -> new Point(e.getKey(), e.getValue()));
        }

        @Override
        public Optional<Point> atOrBefore(String symbol, long time) {
            return Optional.ofNullable(bySymbol.get(symbol)).map(m -> m.floorEntry(time))
                    .map(e -> new Point(e.getKey(), e.getValue()));
        }

        @Override
        public Optional<Point> earliestAtOrAfter(String symbol, long time) {
            return Optional.ofNullable(bySymbol.get(symbol)).map(m -> m.ceilingEntry(time))
                    .map(e -> new Point(e.getKey(), e.getValue()));
        }
    }

    @Test
    void estimationBarsAreTheReturnsBetweenBarEndsOldestFirst() {
        NavigableMap<Long, Double> stock = new TreeMap<>(Map.of(0L, 100.0, BAR, 102.0, 2 * BAR, 99.96));
        NavigableMap<Long, Double> market = new TreeMap<>(Map.of(0L, 50.0, BAR, 50.5, 2 * BAR, 49.995));
        Ticks ticks = new Ticks(Map.of("ACME", stock, "QQQ", market));

        List<BarReturn> bars = Bars.estimation(ticks, "ACME", ticks, "QQQ", 2 * BAR, 2 * BAR, BAR);

        assertEquals(2, bars.size());
        assertEquals(0.02, bars.get(0).stock(), 1e-12);
        assertEquals(0.01, bars.get(0).market(), 1e-12);
        assertEquals(-0.02, bars.get(1).stock(), 1e-12);
        assertEquals(-0.01, bars.get(1).market(), 1e-12);
    }

    @Test
    void aBarInWhichEitherMarketWasClosedIsNotAnEstimationBar() {
        // the stock does not trade in the second bar (closed): that bar would be a (0, x) point
        NavigableMap<Long, Double> stock = new TreeMap<>(Map.of(0L, 100.0, BAR, 102.0, 3 * BAR, 104.04));
        NavigableMap<Long, Double> market = new TreeMap<>(Map.of(0L, 50.0, BAR, 50.5, 2 * BAR, 51.0, 3 * BAR, 51.51));
        Ticks ticks = new Ticks(Map.of("ACME", stock, "QQQ", market));

        List<BarReturn> bars = Bars.estimation(ticks, "ACME", ticks, "QQQ", 3 * BAR, 3 * BAR, BAR);

        assertEquals(2, bars.size(), "the closed bar is left out: " + bars);
        assertEquals(0.02, bars.get(1).stock(), 1e-12);
    }

    @Test
    void eventBarsCoverTheHorizonFromPublicationAndItsLastPartialBar() {
        long published = 60_000L;
        NavigableMap<Long, Double> stock = new TreeMap<>(Map.of(0L, 100.0, published + BAR, 101.0,
                published + BAR + 120_000L, 102.01));
        NavigableMap<Long, Double> market = new TreeMap<>(Map.of(0L, 50.0, published + BAR, 50.25));
        Ticks ticks = new Ticks(Map.of("ACME", stock, "QQQ", market));

        List<BarReturn> bars = Bars.event(ticks, "ACME", ticks, "QQQ", published, BAR + 180_000L, BAR);

        assertEquals(2, bars.size());
        assertEquals(0.01, bars.get(0).stock(), 1e-12);
        assertEquals(0.005, bars.get(0).market(), 1e-12);
        assertEquals(0.01, bars.get(1).stock(), 1e-12);
        assertEquals(0.0, bars.get(1).market(), 1e-12);
    }

    @Test
    void estimationSampledFromPricesFindsTheBetaOfTwo() {
        NavigableMap<Long, Double> stock = new TreeMap<>();
        NavigableMap<Long, Double> market = new TreeMap<>();
        double s = 100;
        double m = 50;
        stock.put(0L, s);
        market.put(0L, m);
        List<BarReturn> pattern = EventStudyTest.betaTwoEstimation();
        for (int i = 0; i < pattern.size(); i++) {
            s *= 1 + pattern.get(i).stock();
            m *= 1 + pattern.get(i).market();
            stock.put((i + 1) * BAR, s);
            market.put((i + 1) * BAR, m);
        }
        Ticks ticks = new Ticks(Map.of("ACME", stock, "QQQ", market));

        MarketModel model = MarketModel.fit(Bars.estimation(ticks, "ACME", ticks, "QQQ", 6 * BAR, 6 * BAR, BAR))
                .orElseThrow();

        assertEquals(2.0, model.beta(), 1e-9);
        assertEquals(0.0, model.alpha(), 1e-9);
    }
}
