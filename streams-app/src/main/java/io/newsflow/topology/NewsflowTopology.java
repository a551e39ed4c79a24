package io.newsflow.topology;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
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
import io.newsflow.topology.context.AlertContextProcessor;
import io.newsflow.topology.context.ContextResult;
import io.newsflow.topology.context.NewsContextProcessor;
import io.newsflow.topology.dlq.Decoded;
import io.newsflow.topology.dlq.DecodeProcessor;
import io.newsflow.topology.dlq.InputLimits;
import io.newsflow.topology.dlq.Origin;
import io.newsflow.topology.dlq.DecodeProcessor.InputRules;
import io.newsflow.topology.market.BroadcastPartitioner;
import io.newsflow.topology.market.BucketCloseProcessor;
import io.newsflow.topology.market.CloseResult;
import io.newsflow.topology.market.ReactionProcessors;
import io.newsflow.topology.market.TickProcessor;
import io.newsflow.topology.market.TickProcessor.TickResult;
import io.newsflow.topology.sentiment.DecayedSentimentProcessor;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
import io.newsflow.topology.signal.OverallSignalQualityProcessor;
import io.newsflow.topology.signal.SignalQualityProcessor;
import io.newsflow.topology.view.QueryViews;
import io.newsflow.topology.watermark.KeyOrBroadcastPartitioner;
import io.newsflow.topology.watermark.Watermarked;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
 * The newsflow Kafka Streams topology; its diagram and the design notes are in docs/topology.md.
 *
 * <pre>
 *  hot:     market.price-ticks ─decode─ tick step (history, sharp-move detector) ─► alerts.price-moves
 *                                ├─ bucket closes ─► [tick-closes by symbol] + [benchmark-closes, every benchmark to every partition]
 *                                └─ alerts ────────► [price-move-alerts]
 *  market:  [tick-closes] + [benchmark-closes] ─ bucket-close step ─┬─ reactions (event study) ─► analytics.market-reaction
 *                                                                  └─ credit views (the issuer's walk on a new bucket; on flip, latency-first)
 *           [price-move-alerts] ─ alert context (held for the news and deal watermarks) ─► alerts.price-move-context
 *           market.bond-books ─decode─ bond book (tranches) ─► analytics.bond-books; by issuer ─ credit views walked in event time ─► analytics.credit-equity
 *           [news-context] ─ contributions, held outputs released; reaction registration
 *           reactions + each task's completion watermark ─► [reaction-completions, 1 partition]
 *  all:     [reaction-completions] ─ signal quality over all tickers, in publication order ─► analytics.signal-quality
 *  novelty: news.articles ─decode─ [articles-novelty, 1 partition] ─ enrich ─┬─► news.article-scores
 *                                                                          ├─ rolling sentiment ─► analytics.sentiment-rolling
 *                                                                          └─ decayed sentiment ─► analytics.sentiment-decayed
 *  views:   analytics.market-reaction (read back) ─ signal quality per ticker ─► analytics.signal-quality;
 *           news.article-scores (read back) ─ article view; query views ({@link QueryViews})
 *  every decode / processing failure / late article ─► dead-letters
 * </pre>
 *
 * <p>Dead letters are written by Kafka Streams' processing exception handler (a step throws
 * {@link io.newsflow.topology.dlq.RejectedRecord}): a {@code KafkaStreams} running this topology needs the app's
 * handlers in its configuration ({@code io.newsflow.runtime.errors.ErrorHandlers#install}), as {@code newsflow run}
 * sets them; without them the first rejected record fails the stream thread.
 *
 * <p>Everything keyed by ticker besides the hot path (closes, news context, deal summaries
 * re-keyed by issuer) runs in one sub-topology sharing the market stores, so input topics must have
 * the same partition count (repartition topics inherit it). Novelty is a property of the whole news
 * stream, so enrichment runs on a one-partition repartition topic. Every ticker's abnormal return
 * needs its benchmark, whose closes are multicast to every partition of {@code benchmark-closes}
 * (KIP-837 {@link BroadcastPartitioner}).
 */
public final class NewsflowTopology {

    private final TopologySettings settings;
    private final EntityResolver resolver;
    private final SentimentScorer scorer;
    private final TextFingerprinter fingerprinter;
    private final PipelineMetrics metrics;
    private final TopologySerdes serdes;
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

        TickResults hot = tickBranch(ticks, stores);
        KStream<String, Watermarked<MarketReaction>> registered = articleBranch(articles, hot.closes(), stores);
        KStream<String, Watermarked<MarketReaction>> closed = closeBranch(hot, stores);
        bondBranch(bonds, hot.closes(), stores);
        scoresBranch(builder);
        views.addTo(builder);
        signalQualityBranch(views.reactions(), stores);
        allTickersSignalQualityBranch(closed.merge(registered, Named.as("reaction-completions-merge")), stores);
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
        return source.process(() -> new DecodeProcessor<>(type, serde.deserializer(), rules, limits,
                metrics, degradations), Named.as(rules.stream() + "-decode"));
    }

    /** The output of a step split by the DSL ({@code step-}, then the branches the caller adds). */
    private static <T> BranchedKStream<String, T> split(KStream<String, T> stream, String step) {
        return stream.split(Named.as(step + "-"));
    }

    /**
     * A branch of a step's results of one {@code kind} of its sealed result type, as the value that kind
     * carries ({@code name-value}).
     */
    private static <R, S extends R, T> KStream<String, T> as(KStream<String, R> branch, Class<S> kind,
            Function<S, T> value, String name) {
        return branch.mapValues(result -> value.apply(kind.cast(result)), Named.as(name + "-value"));
    }

    /** Whether a step's result is of one {@code kind} of its sealed result type. */
    private static <R> Predicate<String, R> isA(Class<? extends R> kind) {
        return (key, result) -> kind.isInstance(result);
    }

    /**
     * The branch of a step's results of one {@code kind} ({@link #isA}), its values written to {@code topic} by
     * the sink {@code sink}.
     */
    private static <R, S extends R, T> Branched<String, R> toTopic(Class<S> kind, Function<S, T> value,
            String name, String topic, Serde<T> serde, String sink, String branch) {
        return Branched.withConsumer(results -> as(results, kind, value, name)
                .to(topic, Produced.with(Serdes.String(), serde).withName(sink)), branch);
    }

    /**
     * The alert-context and credit-view branches of a step's results ({@link AlertContextProcessor} and
     * the deal step emit them at once or hold them; {@link NewsContextProcessor} and the deal watermark
     * release the held ones), each to its topic.
     */
    private BranchedKStream<String, ContextResult> alertsAndCreditViews(
            BranchedKStream<String, ContextResult> results, String alerts, String alertsSink, String views,
            String viewsSink) {
        return results
                .branch(isA(ContextResult.AlertContext.class), toTopic(ContextResult.AlertContext.class,
                        ContextResult.AlertContext::alert, alerts, Topics.PRICE_ALERT_CONTEXT, serdes.priceMoveAlert(),
                        alertsSink, "alerts"))
                .branch(isA(ContextResult.CreditView.class), toTopic(ContextResult.CreditView.class,
                        ContextResult.CreditView::view, views, Topics.CREDIT_EQUITY, serdes.creditEquityView(),
                        viewsSink, "credit-views"));
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
    private KStream<String, Watermarked<MarketReaction>> articleBranch(KStream<String, ArticleEvent> articles,
            KStream<String, PriceTick> closes, TopologyStores stores) {
        KStream<String, ArticleEvent> funnelled = settings.watermarks().articlesSinglePartition() ? articles
                : articles.merge(closes.flatMapValues(tick -> List.<ArticleEvent>of(), Named.as("articles-funnel-clock")),
                                Named.as("articles-funnel-merge"))
                        .process(ArticleFunnelFeed::new, Named.as("articles-funnel-feed"))
                        .repartition(Repartitioned.<String, ArticleEvent>with(Serdes.String(), serdes.articleEvent())
                                .withName("articles-novelty").withNumberOfPartitions(1));
        KStream<String, ScoredArticle> scored = stores.process(funnelled,
                () -> new ArticleEnrichmentProcessor(settings, resolver, scorer, fingerprinter, metrics),
                ArticleEnrichmentProcessor.stores(!settings.watermarks().articlesSinglePartition()), "article-enrich");
        KStream<String, ScoredArticle> published = scored.processValues(StripOrigin::new,
                Named.as("article-scores-strip-origin"));
        published.to(Topics.ARTICLE_SCORES, Produced.with(Serdes.String(), serdes.scoredArticle()).withName("article-scores"));
        KStream<String, Watermarked<MarketReaction>> registered = newsContextBranch(funnelled, published, stores);

        // rolling sentiment where the scores are made: one hop from the article instead of two
        KStream<String, SentimentRolling> rolling = stores.process(scored,
                () -> new RollingSentimentProcessor(settings, metrics),
                RollingSentimentProcessor.STORES, "sentiment-rolling");
        rolling.to(Topics.SENTIMENT_ROLLING, Produced.with(Serdes.String(), serdes.sentimentRolling())
                .withName("sentiment-rolling-sink"));

        // issue 23: decayed sentiment, next to rolling sentiment
        stores.process(scored,
                () -> new DecayedSentimentProcessor(settings, metrics),
                DecayedSentimentProcessor.STORES, "sentiment-decayed")
                .to(Topics.SENTIMENT_DECAYED, Produced.with(Serdes.String(), serdes.decayedSentiment())
                        .withName("sentiment-decayed-sink"));
        return registered;
    }

    /**
     * issue 23: the quality of the news signal, from the completed reactions read back from their
     * topic (keyed by ticker): independent of which step completed a reaction.
     */
    private void signalQualityBranch(KStream<String, MarketReaction> reactions, TopologyStores stores) {
        stores.process(reactions,
                () -> new SignalQualityProcessor(settings, metrics),
                SignalQualityProcessor.STORES, "signal-quality")
                .to(Topics.SIGNAL_QUALITY, Produced.with(Serdes.String(), serdes.signalQuality())
                        .withName("signal-quality-sink"));
    }

    /**
     * issue 23: the quality of the news signal over all tickers, in one task: every market task's completed
     * reactions and its completion watermark go through {@code reaction-completions} (one partition), where
     * {@link OverallSignalQualityProcessor} takes them in publication order once every partition's watermark has
     * passed them, and writes the {@code *|horizon} records of {@code analytics.signal-quality}.
     */
    private void allTickersSignalQualityBranch(KStream<String, Watermarked<MarketReaction>> reactions,
            TopologyStores stores) {
        Serde<Watermarked<MarketReaction>> events = Watermarked.serde(serdes.marketReaction());
        KStream<String, Watermarked<MarketReaction>> all = reactions
                .repartition(Repartitioned.<String, Watermarked<MarketReaction>>with(Serdes.String(), events)
                        .withName("reaction-completions").withNumberOfPartitions(1));
        stores.process(all, () -> new OverallSignalQualityProcessor(settings, metrics), OverallSignalQualityProcessor.STORES, "signal-quality-all")
                .to(Topics.SIGNAL_QUALITY, Produced.with(Serdes.String(), serdes.signalQuality())
                        .withName("signal-quality-all-sink"));
    }

    /**
     * Scores are read back from their output topic for the article view of the query API (the
     * reactions' registration and the news context read them from {@code news-context}).
     */
    private void scoresBranch(StreamsBuilder builder) {
        KStream<String, ScoredArticle> scores = builder.stream(Topics.ARTICLE_SCORES,
                Consumed.with(Serdes.String(), serdes.scoredArticle())
                        .withTimestampExtractor(new EventTimeExtractor<>(ScoredArticle.class,
                                ScoredArticle::getPublishedAt))
                        .withName("scores-source"))
                .filter((k, v) -> v != null && v.getTicker() != null, Named.as("scores-with-ticker"));
        views.addArticles(builder, scores);
    }

    // --- news context (issue 13: deterministic news context of alerts and credit views) -----

    /**
     * The scores and the news watermark ({@link NewsWatermarkFeed}: every score published up to it
     * has been sent) go together through {@code news-context} to the ticker tasks, the scores by
     * ticker like {@code news.article-scores}, each watermark to every partition after the scores it
     * covers. There {@link NewsContextProcessor} records the scores for the news context and releases
     * the alerts and credit views held until the watermark has passed their context.
     */
    private KStream<String, Watermarked<MarketReaction>> newsContextBranch(KStream<String, ArticleEvent> funnelled,
            KStream<String, ScoredArticle> scores, TopologyStores stores) {
        KStream<String, Watermarked<ScoredArticle>> watermarks = settings.watermarks().articlesSinglePartition()
                ? funnelled.process(() -> new NewsWatermarkFeed(false), Named.as("news-watermark-feed"))
                : stores.process(funnelled, () -> new NewsWatermarkFeed(true), List.of(StoreNames.FUNNEL_RELEASED),
                        "news-watermark-feed");
        Serde<Watermarked<ScoredArticle>> events = Watermarked.serde(serdes.scoredArticle());
        KStream<String, Watermarked<ScoredArticle>> context = scores
                .mapValues(score -> (Watermarked<ScoredArticle>) new Watermarked.Value<>(score),
                        Named.as("news-context-scores"))
                .merge(watermarks, Named.as("news-context-merge"))
                .repartition(Repartitioned.<String, Watermarked<ScoredArticle>>with(Serdes.String(), events)
                        .withName("news-context").withNumberOfPartitions(settings.watermarks().topicPartitions())
                        .withStreamPartitioner(new KeyOrBroadcastPartitioner<>(Watermarked::isWatermark)));
        alertsAndCreditViews(split(stores.process(context,
                        () -> new NewsContextProcessor(settings, metrics),
                        NewsContextProcessor.STORES, "sentiment-contributions"), "sentiment-contributions"),
                "held-alert-contexts", "held-alert-contexts-sink", "held-credit-views", "held-credit-views-sink")
                .noDefaultBranch();

        // the reactions to each article: registered from the same scores, after the news context's step
        return reactions(split(stores.process(context,
                () -> new ReactionProcessors.OnArticle(settings, metrics),
                ReactionProcessors.STORES, "reaction-on-article"), "reaction-on-article"), "reaction-on-article",
                "article-reactions", "reaction-on-article-sink");
    }

    /**
     * The reactions of a step that completes them, to {@code analytics.market-reaction}, and with its completion
     * watermarks ({@link CloseResult.ReactionsComplete}) on to the all-tickers signal quality; {@code branches} has
     * the step's other branches added.
     */
    private KStream<String, Watermarked<MarketReaction>> reactions(BranchedKStream<String, CloseResult> branches,
            String step, String name, String sink) {
        Map<String, KStream<String, CloseResult>> results = branches
                .branch(isA(CloseResult.Reaction.class), Branched.as("reactions"))
                .branch(isA(CloseResult.ReactionsComplete.class), Branched.as("completions"))
                .noDefaultBranch();
        KStream<String, MarketReaction> reactions = as(results.get(step + "-reactions"), CloseResult.Reaction.class,
                CloseResult.Reaction::reaction, name);
        reactions.to(Topics.MARKET_REACTION, Produced.with(Serdes.String(), serdes.marketReaction()).withName(sink));
        // a watermark's source is the record's key (partition|horizon), its time the record's timestamp
        return reactions.mapValues(reaction -> (Watermarked<MarketReaction>) new Watermarked.Value<>(reaction),
                        Named.as(name + "-for-all"))
                .merge(as(results.get(step + "-completions"), CloseResult.ReactionsComplete.class,
                        complete -> Watermarked.<MarketReaction>watermark(), name + "-completions"),
                        Named.as(name + "-with-completions"));
    }

    /** What the hot path passes on: the bucket closes and the alerts, each through its internal topic. */
    private record TickResults(KStream<String, PriceTick> closes, KStream<String, PriceMoveAlert> alerts) {
    }

    /**
     * The hot path, a sub-topology with one input: one step per tick ({@link TickProcessor}: history,
     * sharp-move alerts), the alerts straight to their topic; the bucket closes (the benchmark's through
     * {@code benchmark-closes}, to every partition) and the alerts on to the steps that meet the news and the deals.
     */
    private TickResults tickBranch(KStream<String, PriceTick> ticks, TopologyStores stores) {
        Map<String, KStream<String, TickResult>> results = split(stores.process(ticks,
                        () -> new TickProcessor(settings, metrics),
                        TickProcessor.STORES, "tick-step"), "tick-step")
                .branch(isA(TickResult.Alert.class), Branched.as("alerts"))
                .defaultBranch(Branched.as("closes")); // TickResult.Close
        KStream<String, PriceMoveAlert> alerts = as(results.get("tick-step-alerts"), TickResult.Alert.class,
                TickResult.Alert::alert, "tick-alerts");
        alerts.to(Topics.PRICE_ALERTS, Produced.with(Serdes.String(), serdes.priceMoveAlert())
                .withName("price-move-alerts-sink"));
        // every benchmark's closes (reaction.benchmark and those of reaction.benchmarks) in a topic of their own, to
        // every partition: a task takes its inputs' records in event-time order across partitions, not within one,
        // where another task's closes would queue behind
        Map<String, KStream<String, PriceTick>> byKind = as(results.get("tick-step-closes"), TickResult.Close.class,
                TickResult.Close::close, "tick-closes").split(Named.as("closes-"))
                .branch((symbol, close) -> settings.analytics().benchmarks().isBenchmark(symbol), Branched.as("benchmark"))
                .defaultBranch(Branched.as("symbols"));
        KStream<String, PriceTick> benchmark = byKind.get("closes-benchmark")
                .repartition(Repartitioned.<String, PriceTick>with(Serdes.String(), serdes.priceTick())
                        .withName("benchmark-closes").withStreamPartitioner(new BroadcastPartitioner<>()));
        KStream<String, PriceTick> closes = byKind.get("closes-symbols")
                .repartition(Repartitioned.<String, PriceTick>with(Serdes.String(), serdes.priceTick())
                        .withName("tick-closes"))
                .merge(benchmark, Named.as("closes-merge"));
        KStream<String, PriceMoveAlert> forContext = alerts.repartition(Repartitioned
                .<String, PriceMoveAlert>with(Serdes.String(), serdes.priceMoveAlert()).withName("price-move-alerts"));
        return new TickResults(closes, forContext);
    }

    /**
     * Where the ticks meet the news and the deals, on the bucket closes: reactions and credit views
     * ({@link BucketCloseProcessor}), and each alert's news context ({@link AlertContextProcessor}).
     */
    private KStream<String, Watermarked<MarketReaction>> closeBranch(TickResults hot, TopologyStores stores) {
        KStream<String, Watermarked<MarketReaction>> reactions = reactions(split(stores.process(hot.closes(),
                        () -> new BucketCloseProcessor(settings, metrics),
                        BucketCloseProcessor.STORES, "bucket-close"), "bucket-close")
                .branch(isA(CloseResult.CreditView.class), toTopic(CloseResult.CreditView.class,
                        CloseResult.CreditView::view, "close-credit-views", Topics.CREDIT_EQUITY,
                        serdes.creditEquityView(), "credit-on-tick-sink", "credit-views")),
                "bucket-close", "close-reactions", "reaction-on-close-sink");
        alertsAndCreditViews(split(stores.process(hot.alerts(),
                        () -> new AlertContextProcessor(settings),
                        AlertContextProcessor.STORES, "alert-context"), "alert-context"),
                "alert-contexts", "alert-contexts-sink", "alert-context-views", "alert-context-views-sink")
                .noDefaultBranch();
        return reactions;
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
    private void bondBranch(KStream<String, BondBookUpdate> bonds, KStream<String, PriceTick> closes,
            TopologyStores stores) {
        KStream<String, BondBookSummary> summaries = stores.process(bonds,
                () -> new BondBookProcessor(metrics),
                BondBookProcessor.STORES, "bond-book");
        summaries.to(Topics.BOND_ANALYTICS, Produced.with(Serdes.String(), serdes.bondBookSummary())
                .withName("bond-book-sink"));

        KStream<String, Watermarked<BondBookSummary>> byIssuer = summaries
                .filter((deal, summary) -> summary.getIssuerSymbol() != null, Named.as("bond-with-issuer"))
                .map((deal, summary) -> KeyValue.pair(summary.getIssuerSymbol(),
                        (Watermarked<BondBookSummary>) new Watermarked.Value<>(summary)), Named.as("bond-by-issuer"));
        Serde<Watermarked<BondBookSummary>> dealEvents = Watermarked.serde(serdes.bondBookSummary());
        Repartitioned<String, Watermarked<BondBookSummary>> byIssuerTopic = Repartitioned
                .<String, Watermarked<BondBookSummary>>with(Serdes.String(), dealEvents).withName("bond-summaries-by-issuer");
        if (settings.watermarks().newsContextWait()) {
            KStream<String, Watermarked<BondBookSummary>> watermarks = bonds
                    .merge(closes.flatMapValues(tick -> List.<BondBookUpdate>of(), Named.as("deal-watermark-clock")),
                            Named.as("deal-watermark-merge"))
                    .process(DealWatermarkFeed::new, Named.as("deal-watermark-feed"));
            byIssuer = byIssuer.merge(watermarks, Named.as("bond-summaries-merge"));
            byIssuerTopic = byIssuerTopic.withStreamPartitioner(new KeyOrBroadcastPartitioner<>(Watermarked::isWatermark));
        }
        alertsAndCreditViews(split(stores.process(byIssuer.repartition(byIssuerTopic),
                        () -> new CreditEquity.OnDeal(settings, metrics),
                        CreditEquity.OnDeal.STORES, "credit-on-deal"), "credit-on-deal"),
                "deal-alert-contexts", "deal-alert-contexts-sink", "deal-credit-views", "credit-on-deal-sink")
                .noDefaultBranch();
    }
}
