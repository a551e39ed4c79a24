package io.newsflow.ingest.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GbmTickSimulatorTest {

    private static final Instant FROM = Instant.parse("2025-10-29T13:30:00Z");
    private static final Instant TO = Instant.parse("2025-10-30T21:00:00Z");
    private static final Shock META_SHOCK = Shock.parse("META -11% 2025-10-29T20:05Z 2025-10-29T20:35Z");

    private final GbmTickSimulator simulator = new GbmTickSimulator();

    private static TickSimulationSpec spec(long seed, List<SymbolSpec> symbols) {
        return new TickSimulationSpec(symbols, seed, FROM, TO, Duration.ofSeconds(30), List.of(META_SHOCK), "XNAS", "USD");
    }

    private static final List<SymbolSpec> SYMBOLS = List.of(
            new SymbolSpec("META", 751.7, 0.05, 0.22), new SymbolSpec("QQQ", 632.0, 0.04, 0.15));

    private static double priceAt(List<PriceTick> ticks, String symbol, String time) {
        Instant t = Instant.parse(time);
        return ticks.stream().filter(k -> k.getSymbol().equals(symbol) && k.getEventTime().equals(t))
                .findFirst().orElseThrow().getPrice();
    }

    @Test
    void sameSeedSameTicksOtherSeedOtherTicks() {
        List<PriceTick> a = simulator.simulate(spec(7, SYMBOLS));
        List<PriceTick> b = simulator.simulate(spec(7, SYMBOLS));
        List<PriceTick> c = simulator.simulate(spec(8, SYMBOLS));

        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void oneTickPerSymbolPerIntervalInEventTimeOrder() {
        List<PriceTick> ticks = simulator.simulate(spec(7, SYMBOLS));

        long intervals = Duration.between(FROM, TO).toSeconds() / 30 + 1;
        assertEquals(2 * intervals, ticks.size());
        assertEquals(FROM, ticks.get(0).getEventTime());
        assertEquals(TO, ticks.get(ticks.size() - 1).getEventTime());
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(!ticks.get(i).getEventTime().isBefore(ticks.get(i - 1).getEventTime()));
        }
        assertEquals(751.7, ticks.get(0).getPrice());
        for (PriceTick t : ticks) {
            assertTrue(t.getPrice() > 0 && t.getSize() >= 100 && t.getSize() <= 2000 && t.getSize() % 100 == 0, t.toString());
            assertTrue(t.getBid() < t.getPrice() && t.getPrice() < t.getAsk());
            assertEquals("XNAS", t.getVenue());
        }
    }

    @Test
    void theShockMovesTheLogPriceByLnOfOnePlusTheMoveWithinNoise() {
        for (long seed = 1; seed <= 5; seed++) {
            List<PriceTick> ticks = simulator.simulate(spec(seed, SYMBOLS));

            double metaLogReturn = Math.log(priceAt(ticks, "META", "2025-10-29T20:35:00Z")
                    / priceAt(ticks, "META", "2025-10-29T20:05:00Z"));
            double qqqLogReturn = Math.log(priceAt(ticks, "QQQ", "2025-10-29T20:35:00Z")
                    / priceAt(ticks, "QQQ", "2025-10-29T20:05:00Z"));

            // 30 minutes of 22% annual volatility is a standard deviation of ~0.0016
            assertEquals(Math.log(0.89), metaLogReturn, 0.01, "seed " + seed);
            assertEquals(0.0, qqqLogReturn, 0.01, "seed " + seed);
        }
    }

    @Test
    void addingASymbolDoesNotChangeTheOthersPaths() {
        List<PriceTick> alone = simulator.simulate(spec(7, SYMBOLS.subList(0, 1)));
        List<PriceTick> withOthers = simulator.simulate(spec(7, SYMBOLS));

        Map<Instant, Double> metaAlone = alone.stream().collect(Collectors.toMap(PriceTick::getEventTime, PriceTick::getPrice));
        Map<Instant, Double> metaWithOthers = withOthers.stream().filter(t -> t.getSymbol().equals("META"))
                .collect(Collectors.toMap(PriceTick::getEventTime, PriceTick::getPrice));
        assertEquals(metaAlone, metaWithOthers);
    }

    @Test
    void volatilityMatchesTheSpecInTheLong() {
        SymbolSpec flat = new SymbolSpec("X", 1000.0, 0.0, 0.30);
        TickSimulationSpec spec = new TickSimulationSpec(List.of(flat), 3, FROM, FROM.plus(Duration.ofDays(30)),
                Duration.ofMinutes(5), List.of(), null, "USD");
        List<PriceTick> ticks = simulator.simulate(spec);

        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < ticks.size(); i++) {
            double r = Math.log(ticks.get(i).getPrice() / ticks.get(i - 1).getPrice());
            sum += r;
            sumSq += r * r;
        }
        int n = ticks.size() - 1;
        double variance = sumSq / n - (sum / n) * (sum / n);
        double annualised = Math.sqrt(variance * 365 * 24 * 12);
        assertEquals(0.30, annualised, 0.02);
    }

    @Test
    void shocksAreParsedAndValidated() {
        assertEquals("META", META_SHOCK.symbol());
        assertEquals(-0.11, META_SHOCK.move(), 1e-12);
        assertEquals(Instant.parse("2025-10-29T20:05:00Z"), META_SHOCK.start());
        assertEquals(Math.log(0.89) / 2, META_SHOCK.logMoveBetween(Instant.parse("2025-10-29T20:00:00Z"),
                Instant.parse("2025-10-29T20:20:00Z")), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Shock.parse("META -11%"));
        assertThrows(IllegalArgumentException.class, () -> Shock.parse("META -110% 2025-10-29T20:05Z 2025-10-29T20:35Z"));
        assertThrows(IllegalArgumentException.class, () -> Shock.parse("META -11% 2025-10-29T20:35Z 2025-10-29T20:05Z"));
    }

}
