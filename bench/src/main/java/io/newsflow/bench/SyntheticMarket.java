package io.newsflow.bench;

import io.newsflow.avro.PriceTick;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded geometric-Brownian-motion price ticks over a fixed symbol list, so two runs with the same
 * seed produce byte-identical inputs (the benchmark must compare like with like).
 */
final class SyntheticMarket {

    record Symbol(String ticker, String venue, String currency, double startPrice) {
    }

    static final List<Symbol> SYMBOLS = List.of(
            new Symbol("META", "XNAS", "USD", 751.0),
            new Symbol("NVDA", "XNAS", "USD", 202.9),
            new Symbol("GOOGL", "XNAS", "USD", 274.6),
            new Symbol("MSFT", "XNAS", "USD", 541.5),
            new Symbol("AMZN", "XNAS", "USD", 222.9),
            new Symbol("QQQ", "XNAS", "USD", 632.9),
            new Symbol("AAPL", "XNAS", "USD", 271.4),
            new Symbol("7203.T", "XTKS", "JPY", 3015.0),
            new Symbol("6758.T", "XTKS", "JPY", 4510.0),
            new Symbol("9984.T", "XTKS", "JPY", 25500.0));

    /**
     * Per-tick volatility of log returns: about 2% over a 6.5 h session at 1,000 ticks/s per symbol
     * (10k/s over 10 symbols), so sliding-window returns stay mostly under the alert thresholds...
     */
    private static final double SIGMA = 4e-6;
    /** ...and a rare 4% jump (about 1 in 100,000 ticks) makes the alert path fire now and then. */
    private static final double JUMP_PROBABILITY = 1e-5;
    private static final double JUMP = 0.04;

    private final SplittableRandom random;
    private final double[] prices;

    SyntheticMarket(long seed) {
        this.random = new SplittableRandom(seed);
        this.prices = SYMBOLS.stream().mapToDouble(Symbol::startPrice).toArray();
    }

    PriceTick next(long eventTimeMillis) {
        int i = random.nextInt(SYMBOLS.size());
        Symbol symbol = SYMBOLS.get(i);
        double shock = gaussian() * SIGMA - SIGMA * SIGMA / 2;
        if (random.nextDouble() < JUMP_PROBABILITY) {
            shock += random.nextBoolean() ? JUMP : -JUMP;
        }
        prices[i] *= Math.exp(shock);
        double price = round(prices[i], symbol.currency().equals("JPY") ? 1 : 100);
        double halfSpread = price * 0.0001;
        return PriceTick.newBuilder()
                .setSymbol(symbol.ticker())
                .setVenue(symbol.venue())
                .setPrice(price)
                .setSize(1 + random.nextInt(1000))
                .setCurrency(symbol.currency())
                .setEventTime(Instant.ofEpochMilli(eventTimeMillis))
                .setBid(price - halfSpread)
                .setAsk(price + halfSpread)
                .build();
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
