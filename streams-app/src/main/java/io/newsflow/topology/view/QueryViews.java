package io.newsflow.topology.view;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.Topics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The stores the query API reads (through Interactive Queries) for outputs that no processing step
 * keeps: the history of rolling sentiment, article scores, reactions, alerts and credit views.
 *
 * <p>Each is materialized inside the app from its output topic as written (committed, under
 * exactly-once), keyed by time index so that "latest", "between a and b" and "since t" are range
 * scans. The topic key stays the partition key: the instance owning a ticker's partition of the
 * topic owns the ticker's entries, which is what {@code KafkaStreams.queryMetadataForKey} routes by
 * ({@link #SENTIMENT}'s topic key is {@code ticker|window}). Entries older than the tick history's
 * retention ({@code ticks.retention}) behind the group's newest are dropped. Stores and sources
 * live in their own sub-topologies, apart from the processing steps, except the scores view,
 * whose topic the topology already reads back.
 */
public final class QueryViews {

    public static final QueryView<SentimentRolling> SENTIMENT = new QueryView<>(StoreNames.SENTIMENT_VIEW,
            r -> RollingSentimentProcessor.outputKey(r.getTicker(), r.getWindowLabel()), r -> r.getWindowEnd().toEpochMilli(), r -> "");
    public static final QueryView<ScoredArticle> ARTICLES = new QueryView<>(StoreNames.ARTICLE_VIEW,
            ScoredArticle::getTicker, a -> a.getPublishedAt().toEpochMilli(), ScoredArticle::getArticleId);
    public static final QueryView<MarketReaction> REACTIONS = new QueryView<>(StoreNames.REACTION_VIEW,
            MarketReaction::getTicker, r -> r.getPublishedAt().toEpochMilli(),
            r -> r.getArticleId() + "#" + r.getHorizonMs());
    public static final QueryView<PriceMoveAlert> ALERTS = new QueryView<>(StoreNames.ALERT_VIEW,
            PriceMoveAlert::getSymbol, a -> a.getTriggeredAt().toEpochMilli(), PriceMoveAlert::getAlertId);
    public static final QueryView<CreditEquityView> CREDIT = new QueryView<>(StoreNames.CREDIT_VIEW_HISTORY,
            CreditEquityView::getIssuerSymbol, v -> v.getAsOf().toEpochMilli(),
            v -> v.getDealId() == null ? "" : v.getDealId());

    /** issue 23: grouped by ticker|horizon, routed by the topic's key (the same). */
    public static final QueryView<io.newsflow.avro.SignalQuality> SIGNAL_QUALITY = new QueryView<>(
            StoreNames.SIGNAL_QUALITY_VIEW, q -> q.getTicker() + "|" + q.getHorizonLabel(), q -> q.getAsOf().toEpochMilli(),
            q -> q.getLastArticleId());
    /** issue 23: the decayed sentiment, grouped and routed by ticker (the topic's key). */
    public static final QueryView<io.newsflow.avro.DecayedSentiment> DECAYED_SENTIMENT = new QueryView<>(
            StoreNames.SENTIMENT_DECAYED_VIEW, io.newsflow.avro.DecayedSentiment::getTicker,
            d -> d.getAsOf().toEpochMilli(), d -> "");

    private final TopologySerdes serdes;
    private final long retentionMs;
    private KStream<String, MarketReaction> reactions;

    public QueryViews(TopologySerdes serdes, long retentionMs) {
        this.serdes = serdes;
        this.retentionMs = retentionMs;
    }

    /** The views read from their output topics. */
    public void addTo(StreamsBuilder builder) {
        fromTopic(builder, Topics.SENTIMENT_ROLLING, SENTIMENT, serdes.sentimentRolling());
        reactions = fromTopic(builder, Topics.MARKET_REACTION, REACTIONS, serdes.marketReaction());
        fromTopic(builder, Topics.PRICE_ALERTS, ALERTS, serdes.priceMoveAlert());
        fromTopic(builder, Topics.CREDIT_EQUITY, CREDIT, serdes.creditEquityView());
        fromTopic(builder, Topics.SIGNAL_QUALITY, SIGNAL_QUALITY, serdes.signalQuality());
        fromTopic(builder, Topics.SENTIMENT_DECAYED, DECAYED_SENTIMENT, serdes.decayedSentiment());
    }

    /** The article view, fed by the scores stream the topology already reads back. */
    public void addArticles(StreamsBuilder builder, KStream<String, ScoredArticle> scores) {
        write(builder, scores, ARTICLES, serdes.scoredArticle());
    }

    private <V> KStream<String, V> fromTopic(StreamsBuilder builder, String topic, QueryView<V> view, Serde<V> serde) {
        KStream<String, V> stream = builder.stream(topic, Consumed.with(Serdes.String(), serde)
                .withName(view.store() + "-source"));
        write(builder, stream, view, serde);
        return stream;
    }

    /**
     * The completed reactions as their topic holds them (after {@link #addTo}): a topic has one
     * source in a topology, so the steps that read the reactions back share the view's.
     */
    public KStream<String, MarketReaction> reactions() {
        return reactions;
    }

    private <V> void write(StreamsBuilder builder, KStream<String, V> stream, QueryView<V> view, Serde<V> serde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(view.store()),
                Serdes.String(), serde));
        stream.process(() -> new ViewWriter<>(view, retentionMs), Named.as(view.store() + "-writer"), view.store());
    }
}
