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
import io.newsflow.metrics.Degradations;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextAnalysis;
import io.newsflow.text.TextFingerprinter;
import io.newsflow.topology.alert.AlertState;
import io.newsflow.topology.article.ArticleEnrichmentProcessor;
import io.newsflow.topology.article.ArticleFunnelFeed;
import io.newsflow.topology.article.BufferedArticle;
import io.newsflow.topology.article.FingerprintSerde;
import io.newsflow.topology.article.NewsWatermarkFeed;
import io.newsflow.topology.article.NoveltyState;
import io.newsflow.topology.bond.BondBookProcessor;
import io.newsflow.topology.bond.CreditEquity;
import io.newsflow.topology.bond.DealState;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.context.NewsContextProcessor;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.DecodeProcessor;
import io.newsflow.topology.dlq.DecodedValues;
import io.newsflow.topology.dlq.InputLimits;
import io.newsflow.topology.dlq.Origin;
import io.newsflow.topology.dlq.InputRules;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.market.BroadcastPartitioner;
import io.newsflow.topology.market.PendingReaction;
import io.newsflow.topology.market.ReactionProcessors;
import io.newsflow.topology.market.TickPoint;
import io.newsflow.topology.market.TickProcessor;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.state.SortedMemoryStore;
import io.newsflow.topology.view.QueryViews;
import io.newsflow.topology.watermark.KeyOrBroadcastPartitioner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * The newsflow Kafka Streams topology.
 *
 * <pre>
 *  market.price-ticks ──decode── tick step ─┬─ reactions (per new bucket) ─────────────────► analytics.market-reaction
 *   (key symbol)       (in-memory history,  ├─ price-move alerts (every tick) ────────────► alerts.price-moves
 *                       tick-points store)  ├─ credit view (per new bucket, on flip) ─────► analytics.credit-equity
 *                                           └─ QQQ, thinned ─► [benchmark-broadcast, to every partition] ─► benchmark-points
 *  market.bond-books ──decode── bond book ──────────────────────────────────────► analytics.bond-books
 *   (key dealId)                    └─► [by issuer symbol] ─ credit view (on deal) ─► analytics.credit-equity
 *  news.articles ──decode─► [novelty, 1 partition] ─ enrich (entities, sentiment, novelty) ─┬─► news.article-scores
 *   (key id)                                                            (key ticker|entity) └─ rolling sentiment ─► analytics.sentiment-rolling
 *                      scores + news watermark ─► [news-context, by ticker / watermark to every partition]
 *                        ─ contributions; alerts, credit views held for their news context ─► alerts, credit-equity
 *  news.article-scores (read back, key ticker) ── reactions(on article) ────────► analytics.market-reaction
 *  every decode / processing failure / late article ─────────────────────────────► dead-letters
 *  sentiment, reactions, alerts, credit views (read back), scores ─► query views for the API ({@link QueryViews})
 * </pre>
 *
 * <p>Everything keyed by ticker (ticks, scores read back, deal summaries re-keyed by issuer) runs
 * in one sub-topology sharing the market stores, so input topics must have the same partition
 * count (repartition topics inherit it). Two exceptions by design:
 * <ul>
 *   <li>Novelty is a property of the whole news stream (a near-duplicate can have any id), so the
 *       enrichment step runs on a one-partition repartition topic; news volume is small. Rolling
 *       sentiment runs there too, on the scores as they are made: its results are then one Kafka
 *       hop from the article (each hop costs a commit interval under exactly-once).</li>
 *   <li>Every ticker's abnormal return needs the benchmark (QQQ), whose ticks live in one
 *       partition. They are multicast to every partition of an internal topic (KIP-837
 *       {@link BroadcastPartitioner}) and kept in a local benchmark-points store in every task.
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
    private final InputLimits limits;
    private final Degradations degradations;
    private final QueryViews views;

    public NewsflowTopology(TopologySettings settings, EntityResolver resolver, SentimentScorer scorer,
            TextFingerprinter fingerprinter, PipelineMetrics metrics, TopologySerdes serdes) {
        this(settings, InputLimits.defaults(), resolver, scorer, fingerprinter, metrics, serdes, new Degradations());
    }

    /**
     * @param limits       event-time window and dead-letter size ({@code input.*}, {@code dead.letter.*} keys)
     * @param degradations where the decode steps report a schema registry outage (for {@code /health})
     */
    public NewsflowTopology(TopologySettings settings, InputLimits limits, EntityResolver resolver,
            SentimentScorer scorer, TextFingerprinter fingerprinter, PipelineMetrics metrics, TopologySerdes serdes,
            Degradations degradations) {
        this.settings = settings;
        this.limits = limits;
        this.degradations = degradations;
        this.resolver = resolver;
        this.scorer = scorer;
        this.fingerprinter = fingerprinter;
        this.metrics = metrics;
        this.serdes = serdes;
        this.deadLetters = new DeadLetters(metrics, limits.deadLetterMaxBytes());
        this.views = new QueryViews(serdes, settings.tickRetentionMs());
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
        return new NewsflowTopology(TopologySettings.fromMap(strings), InputLimits.fromMap(strings),
                text.entityResolver(), text.sentimentScorer(), text.fingerprinter(), metrics, TopologySerdes.avro(config),
                new Degradations());
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

        articleBranch(articles, ticks);
        tickBranch(ticks);
        bondBranch(bonds);
        scoresBranch(builder);
        views.addTo(builder);
        return builder.build();
    }

    // --- inputs ---------------------------------------------------------------------------

    /** Source as bytes with event time, then decode + validate; failures to the dead letters. */
    private <T> KStream<String, T> decoded(StreamsBuilder builder, String topic, Class<T> type, Serde<T> serde,
            InputRules<T> rules) {
        DecodedValues<T> decodedValues = new DecodedValues<>();
        KStream<byte[], byte[]> raw = builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withTimestampExtractor(new EventTimeExtractor<>(type, serde.deserializer(), rules.eventTimeOf(),
                        decodedValues, limits))
                .withName(rules.stream() + "-source"));
        return routed(raw.process(() -> new DecodeProcessor<>(type, serde.deserializer(), rules, limits, deadLetters,
                        metrics, decodedValues, degradations),
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

    /**
     * Novelty needs every article in one task: the articles are funnelled through a one-partition
     * repartition topic, unless the input topic itself has one partition
     * ({@code articles.single.partition}), which saves that hop. The funnel is fed from the ticks'
     * tasks ({@link ArticleFunnelFeed}: merged with the ticks, none of which passes, so that it runs
     * where they are read and their stream time moves its watermarks), and puts the articles back in
     * event-time order before scoring them.
     */
    private void articleBranch(KStream<String, ArticleEvent> articles, KStream<String, PriceTick> ticks) {
        KStream<String, ArticleEvent> funnelled = settings.articlesSinglePartition() ? articles
                : articles.merge(ticks.flatMapValues(tick -> List.<ArticleEvent>of(), Named.as("articles-funnel-clock")),
                                Named.as("articles-funnel-merge"))
                        .process(ArticleFunnelFeed::new, Named.as("articles-funnel-feed"))
                        .repartition(Repartitioned.<String, ArticleEvent>with(Serdes.String(), serdes.articleEvent())
                                .withName("articles-novelty").withNumberOfPartitions(1));
        String[] stores = settings.articlesSinglePartition()
                ? new String[] {StoreNames.ARTICLE_SEEN, StoreNames.ARTICLE_FINGERPRINTS, StoreNames.FRAGMENT_SEEN}
                : new String[] {StoreNames.ARTICLE_SEEN, StoreNames.ARTICLE_FINGERPRINTS, StoreNames.FRAGMENT_SEEN,
                        StoreNames.ARTICLE_REORDER, StoreNames.FUNNEL_WATERMARKS, StoreNames.FUNNEL_RELEASED};
        KStream<String, ScoredArticle> scored = routed(funnelled.process(
                () -> new ArticleEnrichmentProcessor(settings, resolver, scorer, fingerprinter, metrics, deadLetters,
                        serdes.articleEvent().serializer()),
                Named.as("article-enrich"), stores), "article-enrich");
        KStream<String, ScoredArticle> published = scored.processValues(StripOrigin::new,
                Named.as("article-scores-strip-origin"));
        published.to(Topics.ARTICLE_SCORES, Produced.with(Serdes.String(), serdes.scoredArticle()).withName("article-scores"));
        newsContextBranch(funnelled, published);

        // rolling sentiment where the scores are made: one hop from the article instead of two
        KStream<String, SentimentRolling> rolling = routed(scored.process(
                () -> new RollingSentimentProcessor(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                Named.as("sentiment-rolling"), StoreNames.NEWS_SENTIMENT_CONTRIBUTIONS, StoreNames.NEWS_STREAM_TIMES),
                "sentiment-rolling");
        rolling.to(Topics.SENTIMENT_ROLLING, Produced.with(Serdes.String(), serdes.sentimentRolling())
                .withName("sentiment-rolling-sink"));
    }

    /**
     * Scores are read back from their output topic, keyed by ticker, so that they meet the ticks
     * of the same symbol in the same task (the topic is partitioned like the tick topic): the
     * reactions to each article (the news context of alerts and credit views comes through
     * {@link #newsContextBranch}).
     */
    private void scoresBranch(StreamsBuilder builder) {
        KStream<String, ScoredArticle> scores = builder.stream(Topics.ARTICLE_SCORES,
                Consumed.with(Serdes.String(), serdes.scoredArticle())
                        .withTimestampExtractor(new EventTimeExtractor<>(ScoredArticle.class, null,
                                ScoredArticle::getPublishedAt))
                        .withName("scores-source"))
                .filter((k, v) -> v != null && v.getTicker() != null, Named.as("scores-with-ticker"));
        views.addArticles(builder, scores);

        KStream<String, MarketReaction> reactions = routed(scores.process(
                () -> new ReactionProcessors.OnArticle(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                Named.as("reaction-on-article"), StoreNames.PENDING_REACTIONS, StoreNames.TICK_HISTORY,
                StoreNames.BENCHMARK_HISTORY), "reaction-on-article");
        reactions.to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                .withName("reaction-on-article-sink"));
    }

    // --- news context (issue 13: deterministic news context of alerts and credit views) -----

    /**
     * The scores and the news watermark ({@link NewsWatermarkFeed}: every score published up to it
     * has been sent) go together through {@code news-context} to the ticker tasks, the scores by
     * ticker like {@code news.article-scores}, each watermark to every partition after the scores it
     * covers. There {@link NewsContextProcessor} records the scores for the news context and releases
     * the alerts and credit views held until the watermark has passed their context.
     */
    private void newsContextBranch(KStream<String, ArticleEvent> funnelled, KStream<String, ScoredArticle> scores) {
        KStream<String, ScoredArticle> watermarks = settings.articlesSinglePartition()
                ? funnelled.process(() -> new NewsWatermarkFeed(false), Named.as("news-watermark-feed"))
                : funnelled.process(() -> new NewsWatermarkFeed(true), Named.as("news-watermark-feed"),
                        StoreNames.FUNNEL_RELEASED);
        KStream<String, ScoredArticle> context = scores.merge(watermarks, Named.as("news-context-merge"))
                .repartition(Repartitioned.<String, ScoredArticle>with(Serdes.String(), serdes.scoredArticle())
                        .withName("news-context").withNumberOfPartitions(settings.topicPartitions())
                        .withStreamPartitioner(new KeyOrBroadcastPartitioner<>()));
        KStream<String, SpecificRecord> released = routed(context.process(
                () -> new NewsContextProcessor(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                Named.as("sentiment-contributions"), StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.STREAM_TIMES,
                StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK, StoreNames.CREDIT_VIEWS), "sentiment-contributions");
        ofType(released, PriceMoveAlert.class, "held-alerts")
                .to(Topics.PRICE_ALERTS, Produced.with(Serdes.String(), serdes.priceMoveAlert())
                        .withName("held-alerts-sink"));
        ofType(released, CreditEquityView.class, "held-credit-views")
                .to(Topics.CREDIT_EQUITY, Produced.with(Serdes.String(), serdes.creditEquityView())
                        .withName("held-credit-views-sink"));
    }

    /**
     * One step per tick ({@link TickProcessor}: history, reactions, alerts, credit view), its results
     * split by type to their topics; the benchmark's ticks it passes on go to every task's benchmark
     * history.
     */
    private void tickBranch(KStream<String, PriceTick> ticks) {
        KStream<String, SpecificRecord> results = routed(ticks.process(
                () -> new TickProcessor(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                Named.as("tick-analytics"), StoreNames.TICK_HISTORY, StoreNames.PENDING_REACTIONS,
                StoreNames.BENCHMARK_HISTORY, StoreNames.ALERT_STATE, StoreNames.SENTIMENT_CONTRIBUTIONS,
                StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS, StoreNames.CREDIT_VIEW_SOURCES,
                StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK), "tick-analytics");
        ofType(results, MarketReaction.class, "tick-reactions")
                .to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                        .withName("reaction-on-tick-sink"));
        ofType(results, PriceMoveAlert.class, "tick-alerts")
                .to(Topics.PRICE_ALERTS, Produced.with(Serdes.String(), serdes.priceMoveAlert())
                        .withName("price-move-alerts-sink"));
        ofType(results, CreditEquityView.class, "tick-credit-views")
                .to(Topics.CREDIT_EQUITY, Produced.with(Serdes.String(), serdes.creditEquityView())
                        .withName("credit-on-tick-sink"));

        KStream<String, PriceTick> broadcast = ofType(results, PriceTick.class, "benchmark-ticks")
                .repartition(Repartitioned.<String, PriceTick>with(Serdes.String(), serdes.priceTick())
                        .withName("benchmark-broadcast").withStreamPartitioner(new BroadcastPartitioner<>()));
        routed(broadcast.process(
                () -> new ReactionProcessors.OnBenchmarkTick(settings, metrics, deadLetters,
                        serdes.priceTick().serializer()),
                Named.as("reaction-on-benchmark"), StoreNames.PENDING_REACTIONS, StoreNames.TICK_HISTORY,
                StoreNames.BENCHMARK_HISTORY), "reaction-on-benchmark")
                .to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction())
                        .withName("reaction-on-benchmark-sink"));
    }

    /** The origin header is internal lineage: it does not leave the pipeline. */
    private static final class StripOrigin<V> implements FixedKeyProcessor<String, V, V> {
        private FixedKeyProcessorContext<String, V> context;

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            context.forward(record.withHeaders(Origin.strip(record.headers())));
        }
    }

    private static <T> KStream<String, T> ofType(KStream<String, SpecificRecord> results, Class<T> type, String name) {
        return results.filter((k, v) -> type.isInstance(v), Named.as(name))
                .mapValues(type::cast, Named.as(name + "-value"));
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
                StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS, StoreNames.CREDIT_VIEW_SOURCES,
                StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK), "credit-on-deal")
                .to(Topics.CREDIT_EQUITY, Produced.with(Serdes.String(), serdes.creditEquityView())
                        .withName("credit-on-deal-sink"));
    }

    // --- state ----------------------------------------------------------------------------

    /**
     * Three kinds of store, by how they are used:
     * <ul>
     *   <li>news state (ids, fragments, fingerprints, sentiment contributions): RocksDB; it grows with
     *       the news retention and is touched once per article;</li>
     *   <li>tick histories: RocksDB behind the record cache; the tick step writes one key per symbol
     *       and bucket on every tick (the cache sends the last value per commit to RocksDB and the
     *       changelog) and reads its own in-memory copy ({@link io.newsflow.topology.market.TickHistory});</li>
     *   <li>small market state read on the tick path (pending reactions, open moves, deals, views,
     *       stream times): in memory ({@link SortedMemoryStore}), restored from the changelog on start,
     *       so a look-up is a map access rather than a RocksDB call through JNI.</li>
     * </ul>
     */
    private void addStores(StreamsBuilder builder) {
        if (!settings.articlesSinglePartition()) {
            persistent(builder, StoreNames.ARTICLE_REORDER, BufferedArticle.serde(serdes.articleEvent(), Topics.ARTICLES));
            inMemory(builder, StoreNames.FUNNEL_WATERMARKS, Serdes.Long());
            inMemory(builder, StoreNames.FUNNEL_RELEASED, Serdes.Long());
        }
        persistent(builder, StoreNames.ARTICLE_SEEN, new JsonSerde<>(NoveltyState.SeenArticle.class));
        persistent(builder, StoreNames.ARTICLE_FINGERPRINTS, new FingerprintSerde());
        persistent(builder, StoreNames.FRAGMENT_SEEN, new JsonSerde<>(NoveltyState.SeenFragment.class));
        persistent(builder, StoreNames.NEWS_SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        inMemory(builder, StoreNames.NEWS_STREAM_TIMES, Serdes.Long());
        persistent(builder, StoreNames.SENTIMENT_CONTRIBUTIONS, new JsonSerde<>(Contribution.class));
        cached(builder, StoreNames.TICK_HISTORY, TickPoint.serde());
        cached(builder, StoreNames.BENCHMARK_HISTORY, TickPoint.serde());
        inMemory(builder, StoreNames.STREAM_TIMES, Serdes.Long());
        inMemory(builder, StoreNames.PENDING_REACTIONS, new JsonSerde<>(PendingReaction.class));
        inMemory(builder, StoreNames.ALERT_STATE, new JsonSerde<>(AlertState.class));
        inMemory(builder, StoreNames.BOND_DEALS, new JsonSerde<>(DealState.class));
        inMemory(builder, StoreNames.ISSUER_DEALS, new JsonSerde<>(IssuerDeal.class));
        inMemory(builder, StoreNames.CREDIT_VIEWS, serdes.creditEquityView());
        inMemory(builder, StoreNames.CREDIT_VIEW_SOURCES, Serdes.String());
        inMemory(builder, StoreNames.NEWS_WATERMARK, Serdes.Long());
        inMemory(builder, StoreNames.HELD_OUTPUTS, new JsonSerde<>(HeldOutputs.Held.class));
    }

    private static <V> void persistent(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde));
    }

    private static <V> void cached(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde).withCachingEnabled());
    }

    private static <V> void inMemory(StreamsBuilder builder, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(SortedMemoryStore.supplier(name), Serdes.String(),
                valueSerde));
    }
}
