package io.newsflow.bench;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;

/**
 * Ticks for the alert-latency phase (issue 22): the case where a held alert used to wait for
 * {@code watermark.idle.timeout}. A third of the tick partitions (those with {@code p % 3 == 2}) get no
 * ticks for the whole run, as Tokyo's symbols during the New York session; the other partitions' symbols
 * tick in turn with a small random walk, and five times a second one of them (in turn) jumps by
 * {@link #JUMP}: up, and at its next jump back down. Each jump up is a sharp move over the 5-minute window
 * (the default threshold is 3 %), and the jump back re-arms the symbol (below half the threshold), so a run
 * of 30 s offers about 75 alerts. Seeded: two runs offer the same ticks.
 */
final class QuietPartitionsAlertFeed implements Feed {

    /** The jump: above the 5-minute threshold (3 %), below the 1-hour one (5 %). */
    static final double JUMP = 0.04;
    private static final int JUMPS_PER_SECOND = 5;
    private static final int SYMBOLS = 40;
    private static final double SIGMA = 2e-5;

    private final SplittableRandom random;
    private final List<String> symbols = new ArrayList<>();
    private final double[] prices;
    private final boolean[] up;
    private final long jumpEvery;
    private long ticks;
    private int nextJumper;

    QuietPartitionsAlertFeed(long seed, int partitions, int eventsPerSecond) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; symbols.size() < SYMBOLS; i++) {
            String symbol = String.format(Locale.ROOT, "QP%03d", i);
            if (partitions < 3 || partitionOf(symbol, partitions) % 3 != 2) {
                symbols.add(symbol);
            }
        }
        this.prices = new double[SYMBOLS];
        Arrays.fill(prices, 100.0);
        this.up = new boolean[SYMBOLS];
        this.jumpEvery = Math.max(1, eventsPerSecond / JUMPS_PER_SECOND);
    }

    /** The partition the default partitioner gives a symbol's ticks (murmur2 of the key, as Kafka's producer). */
    static int partitionOf(String symbol, int partitions) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    List<String> symbols() {
        return List.copyOf(symbols);
    }

    @Override
    public BenchEvent next(long timestampMillis) {
        int i;
        double factor;
        if (++ticks % jumpEvery == 0) {
            i = nextJumper;
            nextJumper = (nextJumper + 1) % SYMBOLS;
            factor = up[i] ? 1 / (1 + JUMP) : 1 + JUMP;
            up[i] = !up[i];
        } else {
            i = (int) (ticks % SYMBOLS);
            factor = Math.exp(gaussian() * SIGMA);
        }
        prices[i] *= factor;
        double price = Math.round(prices[i] * 100) / 100.0;
        PriceTick tick = PriceTick.newBuilder().setSymbol(symbols.get(i)).setVenue("XNAS").setPrice(price)
                .setSize(1 + random.nextInt(1000)).setCurrency("USD").setEventTime(Instant.ofEpochMilli(timestampMillis))
                .setBid(price - 0.01).setAsk(price + 0.01).build();
        return new BenchEvent(Topics.PRICE_TICKS, tick.getSymbol(), tick, timestampMillis);
    }

    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
