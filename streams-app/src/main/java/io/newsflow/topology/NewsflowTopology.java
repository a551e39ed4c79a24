package io.newsflow.topology;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextAnalysis;
import io.newsflow.text.TextFingerprinter;
import io.newsflow.topology.alert.AlertState;
import io.newsflow.topology.alert.PriceMoveDetector;
import io.newsflow.topology.article.ArticleEnrichmentProcessor;
import io.newsflow.topology.article.FingerprintSerde;
import io.newsflow.topology.article.NoveltyState;
import io.newsflow.topology.bond.BondBookProcessor;
import io.newsflow.topology.bond.CreditEquity;
import io.newsflow.topology.bond.DealState;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.DecodeProcessor;
import io.newsflow.topology.dlq.InputRules;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.market.BroadcastPartitioner;
import io.newsflow.topology.market.PendingReaction;
import io.newsflow.topology.market.ReactionProcessors;
import io.newsflow.topology.market.TickRecorder;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
import io.newsflow.topology.state.JsonSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The newsflow Kafka Streams topology.
 *
 * <pre>
 *  market.price-ticks ──decode──┬─ tick-history ─┬─ reactions(on tick) ──────────► analytics.market-reaction
 *   (key symbol)                │                ├─ price-move alerts ───────────► alerts.price-moves
 *                               │                └─ credit view (on flip) ───────► analytics.credit-equity
 *                               └─ QQQ only ─► [benchmark-broadcast, to every partition] ─► benchmark-history
 *  market.bond-books ──decode── bond book ──────────────────────────────────────► analytics.bond-books
 *   (key dealId)                    └─► [by issuer symbol] ─ credit view (on deal) ─► analytics.credit-equity
 *  news.articles ──decode─► [novelty, 1 partition] ─ enrich (entities, sentiment, novelty) ─► news.article-scores
 *   (key id)                                                                                  (key ticker|entity)
 *  news.article-scores (read back, key ticker) ─┬─ rolling sentiment ────────────► analytics.sentiment-rolling
 *                                               └─ reactions(on article) ────────► analytics.market-reaction
 *  every decode / processing failure / late article ─────────────────────────────► dead-letters
 * </pre>
 *
 * <p>Everything keyed by ticker (ticks, scores read back, deal summaries re-keyed by issuer) runs
 * in one sub-topology sharing the market stores, so input topics must have the same partition
 * count (repartition topics inherit it). Two exceptions by design:
 * <ul>
 *   <li>Novelty is a property of the whole news stream (a near-duplicate can have any id), so the
 *       enrichment step runs on a one-partition repartition topic; news volume is small.</li>
 *   <li>Every ticker's abnormal return needs the benchmark (QQQ), whose ticks live in one
 *       partition. They are multicast to every partition of an internal topic (KIP-837
 *       {@link BroadcastPartitioner}) and kept in a local benchmark-history store in every task.
 *       This beats a GlobalKTable, which would need its own pre-created topic and would copy
 *       every symbol's ticks to every instance; only the benchmark is broadcast.</li>
 * </ul>
 */
public final class NewsflowTopology {

    private final TopologySettings settings;
    private final EntityResolver resolver;
    private final SentimentScorer scorer;
    private final TextFingerprinter fingerprinter;
    private final PipelineMetrics metrics;
    private final TopologySerdes serdes;
    private final DeadLetters deadLetters;

    public NewsflowTopology(TopologySettings settings, EntityResolver resolver, SentimentScorer scorer,
            TextFingerprinter fingerprinter, PipelineMetrics metrics, TopologySerdes serdes) {
        this.settings = settings;
        this.resolver = resolver;
        this.scorer = scorer;
        this.fingerprinter = fingerprinter;
        this.metrics = metrics;
        this.serdes = serdes;
        this.deadLetters = new DeadLetters(metrics);
    }

    /**
     * The topology as the app runs it: settings (keys of {@link TopologySettings}) and Avro serdes
     * ({@code schema.registry.url}...) from one configuration map, the shipped text analysis.
     */
    public static NewsflowTopology fromConfig(Map<String, ?> config, TextAnalysis text, PipelineMetrics metrics) {
        Map<String, String> strings = new HashMap<>();
        config.forEach((key, value) -> {
            if (value != null) {
                strings.put(key, value.toString());
            }
        });
        return new NewsflowTopology(TopologySettings.fromMap(strings), text.entityResolver(), text.sentimentScorer(),
                text.fingerprinter(), metrics, TopologySerdes.avro(config));
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, PriceTick> ticks = decoded(builder, Topics.PRICE_TICKS, PriceTick.class,
                serdes.priceTick(), InputRules.TICKS);
        KStream<String, BondBookUpdate> bonds = decoded(builder, Topics.BOND_BOOKS, BondBookUpdate.class,
                serdes.bondBookUpdate(), InputRules.BONDS);
        KStream<String, ArticleEvent> articles = decoded(builder, Topics.ARTICLES, ArticleEvent.class,
                serdes.articleEvent(), InputRules.ARTICLES);

        articleBranch(articles);
        KStream<String, PriceTick> recordedTicks = tickBranch(ticks);
        bondBranch(bonds);
        scoresBranch(builder);
        reactionOnTicks(recordedTicks);
        alertBranch(recordedTicks);
        creditOnTicks(recordedTicks);
        return builder.build();
    }

    // --- inputs ---------------------------------------------------------------------------

    /** Source as bytes with event time, then decode + validate; failures to the dead letters. */
    private <T> KStream<String, T> decoded(StreamsBuilder builder, String topic, Class<T> type, Serde<T> serde,
            InputRules<T> rules) {
        KStream<byte[], byte[]> raw = builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withTimestampExtractor(new EventTimeExtractor<>(type, serde.deserializer(), rules.eventTimeOf()))
                .withName(rules.stream() + "-source"));
        return routed(raw.process(() -> new DecodeProcessor<>(serde.deserializer(), rules, deadLetters, metrics),
                Named.as(rules.stream() + "-decode")), rules.stream() + "-decode");
    }

    /** Dead letters of a step go to their topic; the results carry on. */
    private <T> KStream<String, T> routed(KStream<String, Routed<T>> stream, String step) {
        stream.filter((k, v) -> v.isDeadLetter(), Named.as(step + "-failed"))
                .mapValues(Routed::deadLetter, Named.as(step + "-dead-letter"))
                .to(Topics.DEAD_LETTERS, Produced.<String, DeadLetter>with(Serdes.String(), serdes.deadLetter())
                        .withName(step + "-dead-letters"));
        return stream.filter((k, v) -> !v.isDeadLetter(), Named.as(step + "-ok"))
                .mapValues(Routed::value, Named.as(step + "-value"));
    }

    // --- branches -------------------------------------------------------------------------

    private void articleBranch(KStream<String, ArticleEvent> articles) {
        KStream<String, ArticleEvent> funnelled = articles.repartition(
                Repartitioned.<String, ArticleEvent>with(Serdes.String(), serdes.articleEvent())
                        .withName("articles-novelty").withNumberOfPartitions(1));
        KStream<String, ScoredArticle> scored = routed(funnelled.process(
                () -> new ArticleEnrichmentProcessor(settings, resolver, scorer, fingerprinter, metrics, deadLetters,
                        serdes.articleEvent().serializer()),
                Named.as("article-enrich"), StoreNames.ARTICLE_SEEN, StoreNames.ARTICLE_FINGERPRINTS,
                StoreNames.FRAGMENT_SEEN), "article-enrich");
        scored.to(Topics.ARTICLE_SCORES, Produced.with(Serdes.String(), serdes.scoredArticle()).withName("article-scores"));
    }

    /**
     * Scores are read back from their output topic, keyed by ticker, so that they meet the ticks
     * of the same symbol in the same task (the topic is partitioned like the tick topic).
     */
    private void scoresBranch(StreamsBuilder builder) {
        KStream<String, ScoredArticle> scores = builder.stream(Topics.ARTICLE_SCORES,
                Consumed.with(Serdes.String(), serdes.scoredArticle())
                        .withTimestampExtractor(new EventTimeExtractor<>(ScoredArticle.class, null,
                                ScoredArticle::getPublishedAt))
                        .withName("scores-source"))
                .filter((k, v) -> v != null && v.getTicker() != null, Named.as("scores-with-ticker"));

        KStream<String, SentimentRolling> rolling = routed(scores.process(
                () -> new RollingSentimentProcessor(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                Named.as("sentiment-rolling"), StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.STREAM_TIMES), "sentiment-rolling");
        rolling.to(Topics.SENTIMENT_ROLLING, Produced.with(Serdes.String(), serdes.sentimentRolling())
                .withName("sentiment-rolling-sink"));

        KStream<String, MarketReaction> reactions = routed(scores.process(
                () -> new ReactionProcessors.OnArticle(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                Named.as("reaction-on-article"), StoreNames.PENDING_REACTIONS, StoreNames.TICK_HISTORY,
                StoreNames.BENCHMARK_HISTORY), "reaction-on-article");
        reactions.to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                .withName("reaction-on-article-sink"));
    }

    private KStream<String, PriceTick> tickBranch(KStream<String, PriceTick> ticks) {
        KStream<String, PriceTick> recorded = ticks.process(
                () -> new TickRecorder(StoreNames.TICK_HISTORY, settings.tickRetentionMs(), metrics),
                Named.as("tick-record"), StoreNames.TICK_HISTORY);

        String benchmark = settings.reactionBenchmark();
        KStream<String, PriceTick> broadcast = ticks
                .filter((symbol, tick) -> benchmark.equals(symbol), Named.as("benchmark-ticks"))
                .repartition(Repartitioned.<String, PriceTick>with(Serdes.String(), serdes.priceTick())
                        .withName("benchmark-broadcast").withStreamPartitioner(new BroadcastPartitioner<>()));
        routed(broadcast.process(
                () -> new ReactionProcessors.OnBenchmarkTick(settings, metrics, deadLetters,
                        serdes.priceTick().serializer()),
                Named.as("reaction-on-benchmark"), StoreNames.PENDING_REACTIONS, StoreNames.TICK_HISTORY,
                StoreNames.BENCHMARK_HISTORY), "reaction-on-benchmark")
                .to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                        .withName("reaction-on-benchmark-sink"));
        return recorded;
    }

    private void reactionOnTicks(KStream<String, PriceTick> ticks) {
        routed(ticks.process(
                () -> new ReactionProcessors.OnTick(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                Named.as("reaction-on-tick"), StoreNames.PENDING_REACTIONS, StoreNames.TICK_HISTORY,
                StoreNames.BENCHMARK_HISTORY), "reaction-on-tick")
                .to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                        .withName("reaction-on-tick-sink"));
    }

    private void alertBranch(KStream<String, PriceTick> ticks) {
        routed(ticks.process(
                () -> new PriceMoveDetector(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                Named.as("price-move-alerts"), StoreNames.TICK_HISTORY, StoreNames.ALERT_STATE,
                StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.ISSUER_DEALS),
                "price-move-alerts")
                .to(Topics.PRICE_ALERTS, Produced.with(Serdes.String(), serdes.priceMoveAlert())
                        .withName("price-move-alerts-sink"));
    }

    private void bondBranch(KStream<String, BondBookUpdate> bonds) {
        KStream<String, BondBookSummary> summaries = routed(bonds.process(
                () -> new BondBookProcessor(metrics, deadLetters, serdes.bondBookUpdate().serializer()),
                Named.as("bond-book"), StoreNames.BOND_DEALS), "bond-book");
        summaries.to(Topics.BOND_ANALYTICS, Produced.with(Serdes.String(), serdes.bondBookSummary())
                .withName("bond-book-sink"));

        KStream<String, BondBookSummary> byIssuer = summaries
                .filter((deal, summary) -> summary.getIssuerSymbol() != null, Named.as("bond-with-issuer"))
                .selectKey((deal, summary) -> summary.getIssuerSymbol(), Named.as("bond-by-issuer"))
                .repartition(Repartitioned.<String, BondBookSummary>with(Serdes.String(), serdes.bondBookSummary())
                        .withName("bond-summaries-by-issuer"));
        routed(byIssuer.process(
                () -> new CreditEquity.OnDeal(settings, metrics, deadLetters, serdes.bondBookSummary().serializer()),
                Named.as("credit-on-deal"), StoreNames.TICK_HISTORY, StoreNames.SENTIMENT_CONTRIBUTIONS,
                StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS), "credit-on-deal")
                .to(Topics.CREDIT_EQUITY, Produced.with(Serdes.String(), serdes.creditEquityView())
                        .withName("credit-on-deal-sink"));
    }

    private void creditOnTicks(KStream<String, PriceTick> ticks) {
        routed(ticks.process(
                () -> new CreditEquity.OnTick(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                Named.as("credit-on-tick"), StoreNames.TICK_HISTORY, StoreNames.SENTIMENT_CONTRIBUTIONS,
                StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS), "credit-on-tick")
                .to(Topics.CREDIT_EQUITY, Produced.with(Serdes.String(), serdes.creditEquityView())
                        .withName("credit-on-tick-sink"));
    }

    // --- state ----------------------------------------------------------------------------

    private void addStores(StreamsBuilder builder) {
        store(builder, StoreNames.ARTICLE_SEEN, new JsonSerde<>(NoveltyState.SeenArticle.class));
        store(builder, StoreNames.ARTICLE_FINGERPRINTS, new FingerprintSerde());
        store(builder, StoreNames.FRAGMENT_SEEN, new JsonSerde<>(NoveltyState.SeenFragment.class));
        store(builder, StoreNames.SENTIMENT_CONTRIBUTIONS,
                new JsonSerde<>(Contribution.class));
        store(builder, StoreNames.STREAM_TIMES, Serdes.Long());
        store(builder, StoreNames.TICK_HISTORY, Serdes.Double());
        store(builder, StoreNames.BENCHMARK_HISTORY, Serdes.Double());
        store(builder, StoreNames.PENDING_REACTIONS, new JsonSerde<>(PendingReaction.class));
        store(builder, StoreNames.ALERT_STATE, new JsonSerde<>(AlertState.class));
        store(builder, StoreNames.BOND_DEALS, new JsonSerde<>(DealState.class));
        store(builder, StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        store(builder, StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
    }

    private static <V> void store(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde));
    }
}
