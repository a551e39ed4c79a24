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
import io.newsflow.topology.article.ArticleEnrichmentProcessor;
import io.newsflow.topology.article.ArticleFunnelFeed;
import io.newsflow.topology.bond.BondBookProcessor;
import io.newsflow.topology.bond.CreditEquity;
import io.newsflow.topology.bond.DealWatermarkFeed;
import io.newsflow.topology.article.NewsWatermarkFeed;
import io.newsflow.topology.context.NewsContextProcessor;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.Decoded;
import io.newsflow.topology.dlq.DecodeProcessor;
import io.newsflow.topology.dlq.InputLimits;
import io.newsflow.topology.dlq.Origin;
import io.newsflow.topology.dlq.InputRules;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.market.BroadcastPartitioner;
import io.newsflow.topology.market.ReactionProcessors;
import io.newsflow.topology.market.TickProcessor;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
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
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Predicate;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

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
        TopologyStores stores = new TopologyStores(serdes);
        stores.addSharedTo(builder);

        KStream<String, PriceTick> ticks = decoded(builder, Topics.PRICE_TICKS, PriceTick.class,
                serdes.priceTick(), InputRules.TICKS);
        KStream<String, BondBookUpdate> bonds = decoded(builder, Topics.BOND_BOOKS, BondBookUpdate.class,
                serdes.bondBookUpdate(), InputRules.BONDS);
        KStream<String, ArticleEvent> articles = decoded(builder, Topics.ARTICLES, ArticleEvent.class,
                serdes.articleEvent(), InputRules.ARTICLES);

        articleBranch(articles, ticks, stores);
        tickBranch(ticks, stores);
        bondBranch(bonds, ticks, stores);
        scoresBranch(builder, stores);
        views.addTo(builder);
        return builder.build();
    }

    // --- inputs ---------------------------------------------------------------------------

    /**
     * The source decodes each record once ({@link Decoded}), the extractor reads its event time from
     * the decoded value, then the decode step validates and keys it; failures to the dead letters.
     */
    private <T> KStream<String, T> decoded(StreamsBuilder builder, String topic, Class<T> type, Serde<T> serde,
            InputRules<T> rules) {
        KStream<byte[], Decoded> source = builder.stream(topic, Consumed.with(Serdes.ByteArray(),
                        Decoded.serde(serde.deserializer()))
                .withTimestampExtractor(new EventTimeExtractor<>(type, rules.eventTimeOf(), limits))
                .withName(rules.stream() + "-source"));
        return routed(source.process(() -> new DecodeProcessor<>(type, serde.deserializer(), rules, limits,
                deadLetters, metrics, degradations), Named.as(rules.stream() + "-decode")), rules.stream() + "-decode");
    }

    /** Dead letters of a step go to their topic; the results carry on. */
    private <T> KStream<String, T> routed(KStream<String, Routed<T>> stream, String step) {
        return split(stream, step).defaultBranch(Branched.as("ok")).get(step + "-ok")
                .mapValues(Routed::value, Named.as(step + "-value"));
    }

    /**
     * The output of a step split by the DSL ({@code step-failed}, then the branches the caller adds),
     * its dead letters to their topic.
     */
    private <T> BranchedKStream<String, Routed<T>> split(KStream<String, Routed<T>> stream, String step) {
        return stream.split(Named.as(step + "-"))
                .branch((key, routed) -> routed.isDeadLetter(), Branched.withConsumer(failed -> failed
                        .mapValues(Routed::deadLetter, Named.as(step + "-dead-letter"))
                        .to(Topics.DEAD_LETTERS, Produced.<String, DeadLetter>with(Serdes.String(), serdes.deadLetter())
                                .withName(step + "-dead-letters")), "failed"));
    }

    /** A branch of a step's results of one {@code type}. */
    private static <T> Predicate<String, Routed<SpecificRecord>> isA(Class<T> type) {
        return (key, routed) -> type.isInstance(routed.value());
    }

    /** A branch's results as the {@code type} it holds. */
    private static <T> KStream<String, T> as(KStream<String, Routed<SpecificRecord>> branch, Class<T> type, String name) {
        return branch.mapValues(routed -> type.cast(routed.value()), Named.as(name + "-value"));
    }

    /**
     * A branch of a step's results of one {@code type} ({@link #isA}), written to {@code topic} by the
     * sink {@code sink}.
     */
    private static <T> Branched<String, Routed<SpecificRecord>> toTopic(Class<T> type, String name, String topic,
            Serde<T> serde, String sink, String branch) {
        return Branched.withConsumer(results -> as(results, type, name)
                .to(topic, Produced.with(Serdes.String(), serde).withName(sink)), branch);
    }

    /**
     * The alert and credit-view branches of a step's results ({@link TickProcessor} emits them at once
     * or holds them; {@link NewsContextProcessor} releases the held ones), each to its topic.
     */
    private BranchedKStream<String, Routed<SpecificRecord>> alertsAndCreditViews(
            BranchedKStream<String, Routed<SpecificRecord>> results, String alerts, String alertsSink, String views,
            String viewsSink) {
        return results
                .branch(isA(PriceMoveAlert.class), toTopic(PriceMoveAlert.class, alerts, Topics.PRICE_ALERTS,
                        serdes.priceMoveAlert(), alertsSink, "alerts"))
                .branch(isA(CreditEquityView.class), toTopic(CreditEquityView.class, views, Topics.CREDIT_EQUITY,
                        serdes.creditEquityView(), viewsSink, "credit-views"));
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
    private void articleBranch(KStream<String, ArticleEvent> articles, KStream<String, PriceTick> ticks,
            TopologyStores stores) {
        KStream<String, ArticleEvent> funnelled = settings.articlesSinglePartition() ? articles
                : articles.merge(ticks.flatMapValues(tick -> List.<ArticleEvent>of(), Named.as("articles-funnel-clock")),
                                Named.as("articles-funnel-merge"))
                        .process(ArticleFunnelFeed::new, Named.as("articles-funnel-feed"))
                        .repartition(Repartitioned.<String, ArticleEvent>with(Serdes.String(), serdes.articleEvent())
                                .withName("articles-novelty").withNumberOfPartitions(1));
        KStream<String, ScoredArticle> scored = routed(stores.process(funnelled,
                () -> new ArticleEnrichmentProcessor(settings, resolver, scorer, fingerprinter, metrics, deadLetters,
                        serdes.articleEvent().serializer()),
                ArticleEnrichmentProcessor.stores(!settings.articlesSinglePartition()), "article-enrich"),
                "article-enrich");
        KStream<String, ScoredArticle> published = scored.processValues(StripOrigin::new,
                Named.as("article-scores-strip-origin"));
        published.to(Topics.ARTICLE_SCORES, Produced.with(Serdes.String(), serdes.scoredArticle()).withName("article-scores"));
        newsContextBranch(funnelled, published, stores);

        // rolling sentiment where the scores are made: one hop from the article instead of two
        KStream<String, SentimentRolling> rolling = routed(stores.process(scored,
                () -> new RollingSentimentProcessor(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                RollingSentimentProcessor.STORES, "sentiment-rolling"), "sentiment-rolling");
        rolling.to(Topics.SENTIMENT_ROLLING, Produced.with(Serdes.String(), serdes.sentimentRolling())
                .withName("sentiment-rolling-sink"));
    }

    /**
     * Scores are read back from their output topic, keyed by ticker, so that they meet the ticks
     * of the same symbol in the same task (the topic is partitioned like the tick topic): the
     * reactions to each article (the news context of alerts and credit views comes through
     * {@link #newsContextBranch}).
     */
    private void scoresBranch(StreamsBuilder builder, TopologyStores stores) {
        KStream<String, ScoredArticle> scores = builder.stream(Topics.ARTICLE_SCORES,
                Consumed.with(Serdes.String(), serdes.scoredArticle())
                        .withTimestampExtractor(new EventTimeExtractor<>(ScoredArticle.class,
                                ScoredArticle::getPublishedAt))
                        .withName("scores-source"))
                .filter((k, v) -> v != null && v.getTicker() != null, Named.as("scores-with-ticker"));
        views.addArticles(builder, scores);

        KStream<String, MarketReaction> reactions = routed(stores.process(scores,
                () -> new ReactionProcessors.OnArticle(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                ReactionProcessors.STORES, "reaction-on-article"), "reaction-on-article");
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
    private void newsContextBranch(KStream<String, ArticleEvent> funnelled, KStream<String, ScoredArticle> scores,
            TopologyStores stores) {
        KStream<String, ScoredArticle> watermarks = settings.articlesSinglePartition()
                ? funnelled.process(() -> new NewsWatermarkFeed(false), Named.as("news-watermark-feed"))
                : stores.process(funnelled, () -> new NewsWatermarkFeed(true), List.of(StoreNames.FUNNEL_RELEASED),
                        "news-watermark-feed");
        KStream<String, ScoredArticle> context = scores.merge(watermarks, Named.as("news-context-merge"))
                .repartition(Repartitioned.<String, ScoredArticle>with(Serdes.String(), serdes.scoredArticle())
                        .withName("news-context").withNumberOfPartitions(settings.topicPartitions())
                        .withStreamPartitioner(new KeyOrBroadcastPartitioner<>()));
        alertsAndCreditViews(split(stores.process(context,
                        () -> new NewsContextProcessor(settings, metrics, deadLetters, serdes.scoredArticle().serializer()),
                        NewsContextProcessor.STORES, "sentiment-contributions"), "sentiment-contributions"),
                "held-alerts", "held-alerts-sink", "held-credit-views", "held-credit-views-sink")
                .noDefaultBranch();
    }

    /**
     * One step per tick ({@link TickProcessor}: history, reactions, alerts, credit view), its results
     * split by type to their topics; the benchmark's ticks it passes on go to every task's benchmark
     * points.
     */
    private void tickBranch(KStream<String, PriceTick> ticks, TopologyStores stores) {
        BranchedKStream<String, Routed<SpecificRecord>> results = split(stores.process(ticks,
                        () -> new TickProcessor(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                        TickProcessor.STORES, "tick-analytics"), "tick-analytics")
                .branch(isA(MarketReaction.class), toTopic(MarketReaction.class, "tick-reactions", Topics.MARKET_REACTION,
                        serdes.marketReaction(), "reaction-on-tick-sink", "reactions"));
        KStream<String, Routed<SpecificRecord>> benchmark = alertsAndCreditViews(results,
                "tick-alerts", "price-move-alerts-sink", "tick-credit-views", "credit-on-tick-sink")
                .branch(isA(PriceTick.class), Branched.as("benchmark-ticks"))
                .noDefaultBranch()
                .get("tick-analytics-benchmark-ticks");

        KStream<String, PriceTick> broadcast = as(benchmark, PriceTick.class, "benchmark-ticks")
                .repartition(Repartitioned.<String, PriceTick>with(Serdes.String(), serdes.priceTick())
                        .withName("benchmark-broadcast").withStreamPartitioner(new BroadcastPartitioner<>()));
        routed(stores.process(broadcast,
                () -> new ReactionProcessors.OnBenchmarkTick(settings, metrics, deadLetters, serdes.priceTick().serializer()),
                ReactionProcessors.STORES, "reaction-on-benchmark"), "reaction-on-benchmark")
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

    /**
     * Book summaries per deal, and by issuer to the ticker tasks' credit views. With
     * {@code news.context.wait} the deal watermark ({@link DealWatermarkFeed}, from each bond-book task
     * merged with the same partition of the ticks, none of which passes) goes with them, to every
     * partition after the summaries it covers.
     */
    private void bondBranch(KStream<String, BondBookUpdate> bonds, KStream<String, PriceTick> ticks,
            TopologyStores stores) {
        KStream<String, BondBookSummary> summaries = routed(stores.process(bonds,
                () -> new BondBookProcessor(metrics, deadLetters, serdes.bondBookUpdate().serializer()),
                BondBookProcessor.STORES, "bond-book"), "bond-book");
        summaries.to(Topics.BOND_ANALYTICS, Produced.with(Serdes.String(), serdes.bondBookSummary())
                .withName("bond-book-sink"));

        KStream<String, BondBookSummary> byIssuer = summaries
                .filter((deal, summary) -> summary.getIssuerSymbol() != null, Named.as("bond-with-issuer"))
                .selectKey((deal, summary) -> summary.getIssuerSymbol(), Named.as("bond-by-issuer"));
        Repartitioned<String, BondBookSummary> byIssuerTopic = Repartitioned
                .<String, BondBookSummary>with(Serdes.String(), serdes.bondBookSummary()).withName("bond-summaries-by-issuer");
        if (settings.newsContextWait()) {
            KStream<String, BondBookSummary> watermarks = bonds
                    .merge(ticks.flatMapValues(tick -> List.<BondBookUpdate>of(), Named.as("deal-watermark-clock")),
                            Named.as("deal-watermark-merge"))
                    .process(DealWatermarkFeed::new, Named.as("deal-watermark-feed"));
            byIssuer = byIssuer.merge(watermarks, Named.as("bond-summaries-merge"));
            byIssuerTopic = byIssuerTopic.withStreamPartitioner(new KeyOrBroadcastPartitioner<>());
        }
        alertsAndCreditViews(split(stores.process(byIssuer.repartition(byIssuerTopic),
                        () -> new CreditEquity.OnDeal(settings, metrics, deadLetters, serdes.bondBookSummary().serializer()),
                        CreditEquity.OnDeal.STORES, "credit-on-deal"), "credit-on-deal"),
                "deal-alerts", "deal-alerts-sink", "deal-credit-views", "credit-on-deal-sink")
                .noDefaultBranch();
    }
}
