package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import io.newsflow.config.NewsflowConfigDef;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every tunable of the topology. Build it with {@link #defaults()} or {@link #fromMap(Map)} (keys
 * below; their types, defaults and validation are defined once, in {@link NewsflowConfigDef});
 * unknown keys are ignored so that one properties file can carry the runtime's settings too.
 * The checks below are those across keys, which a key's own validator cannot make.
 *
 * @param sentimentWindows        {@code sentiment.windows} hopping window sizes
 * @param sentimentAdvance        {@code sentiment.advance} hop
 * @param sentimentGrace          {@code sentiment.grace} how late an article may be and still count
 * @param sentimentBaseline       {@code sentiment.baseline} trailing period the buzz baseline is taken over
 * @param sentimentNeutralBand    {@code sentiment.neutral.band} |score| below this is neutral
 * @param reactionHorizons        {@code reaction.horizons} horizons after publication
 * @param reactionBenchmark       {@code reaction.benchmark} symbol for abnormal returns
 * @param reactionWait            {@code reaction.wait} how long past a horizon to wait for ticks
 * @param alertWindows            {@code alerts.windows} sliding return windows
 * @param alertThresholds         {@code alerts.thresholds} absolute return per window
 * @param alertZScore             {@code alerts.zscore} also require |z| >= this; 0 disables
 * @param alertResetFraction      {@code alerts.reset.fraction} a move ends when |return| < threshold x this
 * @param alertContext            {@code alerts.context} look-back for the articles attached to an alert
 * @param noveltyThreshold        {@code novelty.threshold} similarity at or above which an article is a near-duplicate
 * @param noveltyMaxFingerprints  {@code novelty.max.fingerprints} recent articles compared against
 * @param noveltyRetention        {@code novelty.retention} how long ids, fingerprints and fragments are remembered
 * @param divergenceOversubscription {@code bond.divergence.oversubscription} strong book
 * @param divergenceEquityReturn  {@code bond.divergence.equity.return} weak stock
 * @param weakOversubscription    {@code bond.divergence.weak.oversubscription} weak book
 * @param rallyEquityReturn       {@code bond.divergence.equity.rally} strong stock
 * @param openDealPricedWithin    {@code bond.open.priced.within} a priced deal still counts as open this long
 * @param creditEquityWindow      {@code credit.equity.window} equity return window of the credit view
 * @param tickRetention           {@code ticks.retention} how far behind the newest tick of a symbol prices are
 *                                kept (never less than the horizons + wait, alert and credit windows need):
 *                                bond updates and articles arriving later than this behind the ticks (a replay
 *                                publishing all ticks first) find no price to compare with
 * @param tickResolution          {@code ticks.resolution} one tick is kept per symbol and bucket of this length, the
 *                                bucket's newest: returns over minutes to days lose nothing that matters, and
 *                                the history holds at most retention / resolution points per symbol
 * @param articlesSinglePartition {@code articles.single.partition} the articles topic has exactly one partition, so
 *                                articles are scored where they are read instead of being funnelled through a
 *                                one-partition repartition topic first: one Kafka hop less for article scores and
 *                                rolling sentiment (the app refuses to start when the topic has more)
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
 * @param analysisMaxChars        {@code text.analysis.max.chars} characters of an article the text analysis reads (20000)
 * @param analysisBudget          {@code text.analysis.budget} longest analysis of one article before it is
 *                                dead-lettered TOO_EXPENSIVE (5s)
 * @param analytics               the event study, signal quality and decayed sentiment ({@link AnalyticsSettings})
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
        Span watermarkIdleTimeout,
        int analysisMaxChars,
        Span analysisBudget,
        AnalyticsSettings analytics) {

    /** The key of {@link #articlesSinglePartition()}, read by the topic set-up too. */
    public static final String ARTICLES_SINGLE_PARTITION = "articles.single.partition";
    private static final String TOPIC_PARTITIONS = "topic.partitions";

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

    /**
     * The settings in {@code map} (unknown keys ignored), every other one at its default from
     * {@link NewsflowConfigDef}, each checked by the definition.
     */
    public static TopologySettings fromMap(Map<String, String> map) {
        AppConfig c = AppConfig.defaults().with(map);
        return new TopologySettings(
                spans(c, "sentiment.windows"),
                span(c, "sentiment.advance"),
                span(c, "sentiment.grace"),
                span(c, "sentiment.baseline"),
                c.getDouble("sentiment.neutral.band"),
                spans(c, "reaction.horizons"),
                c.getString("reaction.benchmark"),
                span(c, "reaction.wait"),
                spans(c, "alerts.windows"),
                c.getList("alerts.thresholds").stream().map(Double::parseDouble).toList(),
                c.getDouble("alerts.zscore"),
                c.getDouble("alerts.reset.fraction"),
                span(c, "alerts.context"),
                c.getDouble("novelty.threshold"),
                c.getInt("novelty.max.fingerprints"),
                span(c, "novelty.retention"),
                c.getDouble("bond.divergence.oversubscription"),
                c.getDouble("bond.divergence.equity.return"),
                c.getDouble("bond.divergence.weak.oversubscription"),
                c.getDouble("bond.divergence.equity.rally"),
                span(c, "bond.open.priced.within"),
                span(c, "credit.equity.window"),
                span(c, "ticks.retention"),
                span(c, "ticks.resolution"),
                c.getBoolean(ARTICLES_SINGLE_PARTITION),
                // Not the definition's default: a topology built without the app's configuration runs on one partition.
                map.containsKey(TOPIC_PARTITIONS) ? c.getInt(TOPIC_PARTITIONS) : 1,
                c.getBoolean("news.context.wait"),
                span(c, "watermark.idle.timeout"),
                c.getInt("text.analysis.max.chars"),
                span(c, "text.analysis.budget"),
                AnalyticsSettings.from(c));
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
        long needed = Math.max(maxHorizonMs() + reactionWait.millis() + analytics.lookBackMs(),
                Math.max(alerts, creditEquityWindow.millis())) + reactionWait.millis();
        return Math.max(needed, tickRetention.millis());
    }

    private static Span span(AppConfig config, String key) {
        return Span.parse(config.getString(key));
    }

    private static List<Span> spans(AppConfig config, String key) {
        return config.getList(key).stream().map(Span::parse).toList();
    }
}
