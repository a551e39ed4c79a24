package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import java.util.Map;

/**
 * How the steps that wait for every partition (the novelty funnel, the news context) know when they have it all.
 *
 * @param topicPartitions         {@code topic.partitions} partitions of the pipeline topics: the novelty funnel waits
 *                                for the watermark of that many articles partitions before it releases an article
 *                                (the app's configuration always has it; a topology built without it, as under
 *                                TopologyTestDriver, which runs one partition, gets 1)
 * @param articlesSinglePartition {@code articles.single.partition} the articles topic has exactly one partition, so
 *                                articles are scored where they are read instead of being funnelled through a
 *                                one-partition repartition topic first: one Kafka hop less for article scores and
 *                                rolling sentiment (the app refuses to start when the topic has more)
 * @param newsContextWait         {@code news.context.wait} price-move alerts and credit views wait until the news
 *                                watermark has passed the end of their news context, so that the context holds every
 *                                article published in it whatever the arrival order (true; false computes it at once
 *                                from the scores that have arrived, as the latency-first profile does)
 * @param idleTimeout             {@code watermark.idle.timeout} a step waiting for watermarks stops waiting for a
 *                                source whose watermark has not moved for this long on the wall clock, until it moves
 *                                again (1m; 0s = wait forever)
 */
public record WatermarkSettings(int topicPartitions, boolean articlesSinglePartition, boolean newsContextWait,
        Span idleTimeout) {

    /** The key of {@link #articlesSinglePartition()}, read by the topic set-up too. */
    public static final String ARTICLES_SINGLE_PARTITION = "articles.single.partition";
    private static final String TOPIC_PARTITIONS = "topic.partitions";

    public WatermarkSettings {
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("topic.partitions must be at least 1");
        }
    }

    /** {@code given}: the keys set explicitly, to tell a topology built without the app's configuration. */
    static WatermarkSettings from(AppConfig c, Map<String, String> given) {
        // Not the definition's default: a topology built without the app's configuration runs on one partition.
        return new WatermarkSettings(given.containsKey(TOPIC_PARTITIONS) ? c.getInt(TOPIC_PARTITIONS) : 1,
                c.getBoolean(ARTICLES_SINGLE_PARTITION), c.getBoolean("news.context.wait"),
                Span.of(c, "watermark.idle.timeout"));
    }
}
