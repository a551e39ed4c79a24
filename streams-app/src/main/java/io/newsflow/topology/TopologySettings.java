package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import io.newsflow.config.NewsflowConfigDef;
import java.util.Map;
import java.util.Properties;

/**
 * Every tunable of the topology, one small record per feature. Build it with {@link #defaults()} or
 * {@link #fromMap(Map)} (the keys are named in each record; their types, defaults and validation are defined once,
 * in {@link NewsflowConfigDef}); unknown keys are ignored so that one properties file can carry the runtime's
 * settings too. Each record checks what a key's own validator cannot: the values of its keys together.
 *
 * @param sentiment rolling sentiment ({@link SentimentSettings})
 * @param reactions when a market reaction is measured ({@link ReactionSettings})
 * @param alerts    sharp-move alerts ({@link AlertSettings})
 * @param novelty   near-duplicate detection ({@link NoveltySettings})
 * @param credit    the credit/equity view ({@link CreditSettings})
 * @param ticks     the tick history ({@link TickSettings})
 * @param watermarks partitions and watermarks ({@link WatermarkSettings})
 * @param analysis  the text analysis of one article ({@link AnalysisSettings})
 * @param analytics the event study, signal quality and decayed sentiment ({@link AnalyticsSettings})
 */
public record TopologySettings(
        SentimentSettings sentiment,
        ReactionSettings reactions,
        AlertSettings alerts,
        NoveltySettings novelty,
        CreditSettings credit,
        TickSettings ticks,
        WatermarkSettings watermarks,
        AnalysisSettings analysis,
        AnalyticsSettings analytics) {

    /** The key of {@link WatermarkSettings#articlesSinglePartition()}, read by the topic set-up too. */
    public static final String ARTICLES_SINGLE_PARTITION = WatermarkSettings.ARTICLES_SINGLE_PARTITION;

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
        return new TopologySettings(SentimentSettings.from(c), ReactionSettings.from(c), AlertSettings.from(c),
                NoveltySettings.from(c), CreditSettings.from(c), TickSettings.from(c), WatermarkSettings.from(c, map),
                AnalysisSettings.from(c), AnalyticsSettings.from(c));
    }

    /** How long tick history is kept: {@code ticks.retention}, at least what reactions, alerts and the credit view need. */
    public long tickRetentionMs() {
        long wait = reactions.tickWait().millis();
        long needed = Math.max(reactions.maxHorizonMs() + wait + analytics.lookBackMs(),
                Math.max(alerts.longestWindowMs(), credit.equityWindow().millis())) + wait;
        return Math.max(needed, ticks.retention().millis());
    }
}
