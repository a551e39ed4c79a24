package io.newsflow.ingest.tick;

import io.newsflow.avro.PriceTick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Geometric Brownian motion per symbol on a simulated clock: every {@code interval} from
 * {@code from} (inclusive) to {@code to} (inclusive) each symbol prints one tick, with
 * <pre>ln S(t+dt) = ln S(t) + (drift - vol^2/2) dt + vol sqrt(dt) Z + shock moves in (t, t+dt]</pre>
 * where dt is in years of 365 days of continuous time and Z is standard normal. Each symbol has its
 * own {@link SplittableRandom} seeded from the spec seed and the symbol, so the path of one symbol does
 * not change when others are added. Prices are rounded to cents, bid/ask one cent either side, sizes
 * round lots. Ticks come out in event-time order (symbols in spec order within an instant).
 */
public final class GbmTickSimulator {

    private static final double YEAR_MILLIS = 365.0 * 24 * 3600 * 1000;

    public List<PriceTick> simulate(TickSimulationSpec spec) {
        int n = spec.symbols().size();
        double[] logPrice = new double[n];
        SplittableRandom[] random = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            SymbolSpec s = spec.symbols().get(i);
            logPrice[i] = Math.log(s.startPrice());
            random[i] = new SplittableRandom(spec.seed() * 1_000_003L + s.symbol().hashCode());
        }
        Duration step = spec.interval();
        double dt = step.toMillis() / YEAR_MILLIS;
        List<PriceTick> ticks = new ArrayList<>();
        Instant previous = null;
        for (Instant t = spec.from(); !t.isAfter(spec.to()); t = t.plus(step)) {
            for (int i = 0; i < n; i++) {
                SymbolSpec s = spec.symbols().get(i);
                if (previous != null) {
                    double z = random[i].nextGaussian();
                    logPrice[i] += (s.drift() - s.volatility() * s.volatility() / 2) * dt
                            + s.volatility() * Math.sqrt(dt) * z
                            + shockMove(spec.shocks(), s.symbol(), previous, t);
                }
                ticks.add(tick(spec, s, Math.exp(logPrice[i]), t, random[i]));
            }
            previous = t;
        }
        return ticks;
    }

    private static double shockMove(List<Shock> shocks, String symbol, Instant from, Instant to) {
        double move = 0;
        for (Shock shock : shocks) {
            if (shock.symbol().equals(symbol)) {
                move += shock.logMoveBetween(from, to);
            }
        }
        return move;
    }

    private static PriceTick tick(TickSimulationSpec spec, SymbolSpec s, double rawPrice, Instant time,
            SplittableRandom random) {
        double price = Math.max(0.01, Math.round(rawPrice * 100) / 100.0);
        long lots = s.maxSize() / 100;
        long size = 100 * (1 + random.nextLong(lots));
        return PriceTick.newBuilder()
                .setSymbol(s.symbol())
                .setVenue(spec.venue())
                .setPrice(price)
                .setSize(size)
                .setCurrency(spec.currency())
                .setEventTime(time)
                .setBid(Math.round((price - 0.01) * 100) / 100.0)
                .setAsk(Math.round((price + 0.01) * 100) / 100.0)
                .build();
    }
}
