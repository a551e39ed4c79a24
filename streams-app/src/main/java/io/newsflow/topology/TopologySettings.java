package io.newsflow.topology;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every tunable of the topology, with defaults. Build it with {@link #defaults()} or
 * {@link #fromMap(Map)} (keys below); unknown keys are ignored so that one properties file can
 * carry the runtime's settings too.
 *
 * @param sentimentWindows        {@code sentiment.windows} hopping window sizes (1h,24h)
 * @param sentimentAdvance        {@code sentiment.advance} hop (1m)
 * @param sentimentGrace          {@code sentiment.grace} how late an article may be and still count (10m)
 * @param sentimentBaseline       {@code sentiment.baseline} trailing period the buzz baseline is taken over (7d)
 * @param sentimentNeutralBand    {@code sentiment.neutral.band} |score| below this is neutral (0.05)
 * @param reactionHorizons        {@code reaction.horizons} (5m,1h,1d)
 * @param reactionBenchmark       {@code reaction.benchmark} symbol for abnormal returns (QQQ)
 * @param reactionWait            {@code reaction.wait} how long past a horizon to wait for ticks (2h)
 * @param alertWindows            {@code alerts.windows} sliding return windows (5m,1h)
 * @param alertThresholds         {@code alerts.thresholds} absolute return per window (0.03,0.05)
 * @param alertZScore             {@code alerts.zscore} also require |z| >= this; 0 disables (0)
 * @param alertResetFraction      {@code alerts.reset.fraction} a move ends when |return| < threshold x this (0.5)
 * @param alertContext            {@code alerts.context} look-back for the articles attached to an alert (24h)
 * @param noveltyThreshold        {@code novelty.threshold} similarity at or above which an article is a near-duplicate (0.8)
 * @param noveltyMaxFingerprints  {@code novelty.max.fingerprints} recent articles compared against (5000)
 * @param noveltyRetention        {@code novelty.retention} how long ids, fingerprints and fragments are remembered (7d)
 * @param divergenceOversubscription {@code bond.divergence.oversubscription} strong book (3)
 * @param divergenceEquityReturn  {@code bond.divergence.equity.return} weak stock (-0.05)
 * @param weakOversubscription    {@code bond.divergence.weak.oversubscription} weak book (1.5)
 * @param rallyEquityReturn       {@code bond.divergence.equity.rally} strong stock (0.05)
 * @param openDealPricedWithin    {@code bond.open.priced.within} a priced deal still counts as open this long (1d)
 * @param creditEquityWindow      {@code credit.equity.window} equity return window of the credit view (1d)
 * @param tickRetention           {@code ticks.retention} how far behind the newest tick of a symbol prices are
 *                                kept (3d; never less than the horizons + wait, alert and credit windows need):
 *                                bond updates and articles arriving later than this behind the ticks (a replay
 *                                publishing all ticks first) find no price to compare with
 * @param tickResolution          {@code ticks.resolution} one tick is kept per symbol and bucket of this length, the
 *                                bucket's newest (1s): returns over minutes to days lose nothing that matters, and
 *                                the history holds at most retention / resolution points per symbol
 * @param articlesSinglePartition {@code articles.single.partition} the articles topic has exactly one partition, so
 *                                articles are scored where they are read instead of being funnelled through a
 *                                one-partition repartition topic first: one Kafka hop less for article scores and
 *                                rolling sentiment (false; the app refuses to start when the topic has more)
 * @param topicPartitions         {@code topic.partitions} partitions of the pipeline topics: the novelty funnel waits
 *                                for the watermark of that many articles partitions before it releases an article
 *                                (the app's configuration always has it; a topology built without it, as under
 *                                TopologyTestDriver, which runs one partition, gets 1)
 * @param newsContextWait         {@code news.context.wait} price-move alerts and credit views wait until the news
 *                                watermark has passed the end of their news context, so that the context holds every
 *                                article published in it whatever the arrival order (true; false computes it at once
 *                                from the scores that have arrived, as the latency-first profile does)
 * @param watermarkIdleTimeout    {@code watermark.idle.timeout} a step waiting for watermarks (the novelty funnel, the
 *                                news context) stops waiting for a source whose watermark has not moved for this long
 *                                on the wall clock, until it moves again (1m; 0s = wait forever)
 */
public record TopologySettings(
        List<Span> sentimentWindows,
        Span sentimentAdvance,
        Span sentimentGrace,
        Span sentimentBaseline,
        double sentimentNeutralBand,
        List<Span> reactionHorizons,
        String reactionBenchmark,
        Span reactionWait,
        List<Span> alertWindows,
        List<Double> alertThresholds,
        double alertZScore,
        double alertResetFraction,
        Span alertContext,
        double noveltyThreshold,
        int noveltyMaxFingerprints,
        Span noveltyRetention,
        double divergenceOversubscription,
        double divergenceEquityReturn,
        double weakOversubscription,
        double rallyEquityReturn,
        Span openDealPricedWithin,
        Span creditEquityWindow,
        Span tickRetention,
        Span tickResolution,
        boolean articlesSinglePartition,
        int topicPartitions,
        boolean newsContextWait,
        Span watermarkIdleTimeout) {

    /** The key of {@link #articlesSinglePartition()}, read by the topic set-up too. */
    public static final String ARTICLES_SINGLE_PARTITION = "articles.single.partition";

    public TopologySettings {
        sentimentWindows = List.copyOf(sentimentWindows);
        reactionHorizons = List.copyOf(reactionHorizons);
        alertWindows = List.copyOf(alertWindows);
        alertThresholds = List.copyOf(alertThresholds);
        if (sentimentWindows.isEmpty()) {
            throw new IllegalArgumentException("sentiment.windows must not be empty");
        }
        if (sentimentAdvance.millis() <= 0) {
            throw new IllegalArgumentException("sentiment.advance must be positive");
        }
        for (Span w : sentimentWindows) {
            if (w.millis() % sentimentAdvance.millis() != 0) {
                throw new IllegalArgumentException("sentiment window " + w + " is not a multiple of the advance " + sentimentAdvance);
            }
        }
        if (alertThresholds.size() != alertWindows.size()) {
            throw new IllegalArgumentException("alerts.thresholds needs one value per alerts.windows entry: "
                    + alertWindows + " vs " + alertThresholds);
        }
        if (tickResolution.millis() <= 0) {
            throw new IllegalArgumentException("ticks.resolution must be positive");
        }
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("topic.partitions must be at least 1");
        }
        if (noveltyThreshold <= 0 || noveltyThreshold > 1) {
            throw new IllegalArgumentException("novelty.threshold must be in (0, 1]");
        }
    }

    public static TopologySettings defaults() {
        return fromMap(Map.of());
    }

    public static TopologySettings fromProperties(Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return fromMap(map);
    }

    public static TopologySettings fromMap(Map<String, String> map) {
        Function<String, String> get = map::get;
        return new TopologySettings(
                spans(get, "sentiment.windows", "1h,24h"),
                span(get, "sentiment.advance", "1m"),
                span(get, "sentiment.grace", "10m"),
                span(get, "sentiment.baseline", "7d"),
                number(get, "sentiment.neutral.band", "0.05"),
                spans(get, "reaction.horizons", "5m,1h,1d"),
                text(get, "reaction.benchmark", "QQQ"),
                span(get, "reaction.wait", "2h"),
                spans(get, "alerts.windows", "5m,1h"),
                numbers(get, "alerts.thresholds", "0.03,0.05"),
                number(get, "alerts.zscore", "0"),
                number(get, "alerts.reset.fraction", "0.5"),
                span(get, "alerts.context", "24h"),
                number(get, "novelty.threshold", "0.8"),
                (int) number(get, "novelty.max.fingerprints", "5000"),
                span(get, "novelty.retention", "7d"),
                number(get, "bond.divergence.oversubscription", "3"),
                number(get, "bond.divergence.equity.return", "-0.05"),
                number(get, "bond.divergence.weak.oversubscription", "1.5"),
                number(get, "bond.divergence.equity.rally", "0.05"),
                span(get, "bond.open.priced.within", "1d"),
                span(get, "credit.equity.window", "1d"),
                span(get, "ticks.retention", "3d"),
                span(get, "ticks.resolution", "1s"),
                bool(get, ARTICLES_SINGLE_PARTITION, "false"),
                (int) number(get, "topic.partitions", "1"),
                bool(get, "news.context.wait", "true"),
                span(get, "watermark.idle.timeout", "1m"));
    }

    public Span largestSentimentWindow() {
        return sentimentWindows.stream().max(java.util.Comparator.comparing(Span::duration)).orElseThrow();
    }

    public long maxHorizonMs() {
        return reactionHorizons.stream().mapToLong(Span::millis).max().orElse(0);
    }

    /** How long tick history is kept: {@code ticks.retention}, at least what reactions, alerts and the credit view need. */
    public long tickRetentionMs() {
        long alerts = alertWindows.stream().mapToLong(Span::millis).max().orElse(0);
        long needed = Math.max(maxHorizonMs() + reactionWait.millis(), Math.max(alerts, creditEquityWindow.millis()))
                + reactionWait.millis();
        return Math.max(needed, tickRetention.millis());
    }

    private static String text(Function<String, String> get, String key, String dflt) {
        String v = get.apply(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static Span span(Function<String, String> get, String key, String dflt) {
        return Span.parse(text(get, key, dflt));
    }

    private static List<Span> spans(Function<String, String> get, String key, String dflt) {
        return Arrays.stream(text(get, key, dflt).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Span::parse).toList();
    }

    private static boolean bool(Function<String, String> get, String key, String dflt) {
        String v = text(get, key, dflt);
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private static double number(Function<String, String> get, String key, String dflt) {
        try {
            return Double.parseDouble(text(get, key, dflt));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number for " + key + ": " + get.apply(key), e);
        }
    }

    private static List<Double> numbers(Function<String, String> get, String key, String dflt) {
        return Arrays.stream(text(get, key, dflt).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Double::parseDouble).toList();
    }
}
