package io.newsflow.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
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
import io.newsflow.runtime.errors.ErrorDeadLetters;
import io.newsflow.runtime.errors.ErrorHandlers;
import io.newsflow.runtime.errors.FailedRecords;
import io.newsflow.runtime.errors.RefusedWrites;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextFingerprinter;
import io.newsflow.topology.bond.DealWatermarkFeed;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.InputLimits;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A {@link TopologyTestDriver} around {@link NewsflowTopology} with typed input and output topics,
 * a private mock schema registry scope and a {@link SimpleMeterRegistry}.
 */
final class TopologyFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-10-30T13:30:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META", "NVDA", "QQQ"), 50);
    final TopologySerdes serdes;
    final TopologyTestDriver driver;
    private final java.time.Duration idleTimeout;
    private final int partitions;
    /** The internal topic that carries the deal summaries and the deal watermarks to the ticker tasks. */
    static final String BOND_SUMMARIES_BY_ISSUER = "newsflow-test-bond-summaries-by-issuer-repartition";

    final TestInputTopic<String, PriceTick> ticks;
    final TestInputTopic<String, BondBookUpdate> bonds;
    final TestInputTopic<String, ArticleEvent> articles;
    final TestInputTopic<byte[], byte[]> rawTicks;
    final TestInputTopic<byte[], byte[]> rawBonds;
    final TestInputTopic<byte[], byte[]> rawArticles;

    final TestOutputTopic<String, ScoredArticle> scores;
    final TestOutputTopic<String, SentimentRolling> sentiment;
    final TestOutputTopic<String, MarketReaction> reactions;
    final TestOutputTopic<String, BondBookSummary> bondBooks;
    final TestOutputTopic<String, CreditEquityView> creditEquity;
    final TestOutputTopic<String, PriceMoveAlert> alerts;
    /** The alerts completed with their news context, keyed by alert id. */
    final TestOutputTopic<String, PriceMoveAlert> alertContexts;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    final TestOutputTopic<String, io.newsflow.avro.SignalQuality> signalQuality;
    final TestOutputTopic<String, io.newsflow.avro.DecayedSentiment> decayedSentiment;

    TopologyFixture() {
        this(TopologySettings.defaults());
    }

    TopologyFixture(TopologySettings settings) {
        this(settings, FakeTextAnalysis.resolver(), FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter());
    }

    TopologyFixture(TopologySettings settings, EntityResolver resolver, SentimentScorer scorer,
            TextFingerprinter fingerprinter) {
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://topology-test-" + UUID.randomUUID());
        serdes = TopologySerdes.avro(serdeConfig);
        // the driver's wall clock stays at T0 while the fixtures' events span days: a wide future window
        InputLimits limits = InputLimits.fromMap(Map.of(InputLimits.MAX_FUTURE_SKEW, "30d"));
        NewsflowTopology topology = new NewsflowTopology(settings, limits, resolver, scorer, fingerprinter, metrics,
                serdes, new Degradations());

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("newsflow-ttd").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // the app's error handlers: the processing handler writes every dead letter of the topology
        ErrorHandlers.install(props, new ErrorDeadLetters(new DeadLetters(metrics, limits.deadLetterMaxBytes()),
                serdes.deadLetter().serializer(), metrics), new FailedRecords(), new RefusedWrites());
        driver = new TopologyTestDriver(topology.build(), props, T0);
        idleTimeout = settings.watermarks().idleTimeout().duration();
        partitions = settings.watermarks().topicPartitions();

        StringSerializer keys = new StringSerializer();
        ticks = driver.createInputTopic(Topics.PRICE_TICKS, keys, serdes.priceTick().serializer());
        bonds = driver.createInputTopic(Topics.BOND_BOOKS, keys, serdes.bondBookUpdate().serializer());
        articles = driver.createInputTopic(Topics.ARTICLES, keys, serdes.articleEvent().serializer());
        ByteArraySerializer bytes = new ByteArraySerializer();
        rawTicks = driver.createInputTopic(Topics.PRICE_TICKS, bytes, bytes);
        rawBonds = driver.createInputTopic(Topics.BOND_BOOKS, bytes, bytes);
        rawArticles = driver.createInputTopic(Topics.ARTICLES, bytes, bytes);

        scores = output(Topics.ARTICLE_SCORES, serdes.scoredArticle());
        sentiment = output(Topics.SENTIMENT_ROLLING, serdes.sentimentRolling());
        reactions = output(Topics.MARKET_REACTION, serdes.marketReaction());
        bondBooks = output(Topics.BOND_ANALYTICS, serdes.bondBookSummary());
        creditEquity = output(Topics.CREDIT_EQUITY, serdes.creditEquityView());
        alerts = output(Topics.PRICE_ALERTS, serdes.priceMoveAlert());
        alertContexts = output(Topics.PRICE_ALERT_CONTEXT, serdes.priceMoveAlert());
        deadLetters = output(Topics.DEAD_LETTERS, serdes.deadLetter());
        signalQuality = output(Topics.SIGNAL_QUALITY, serdes.signalQuality());
        decayedSentiment = output(Topics.SENTIMENT_DECAYED, serdes.decayedSentiment());
    }

    private <T> TestOutputTopic<String, T> output(String topic, Serde<T> serde) {
        return driver.createOutputTopic(topic, new StringDeserializer(), serde.deserializer());
    }

    // --- builders of input records ---------------------------------------------------------

    static Instant at(String hhmm) {
        return Instant.parse("2025-10-30T" + hhmm + ":00Z");
    }

    void tick(String symbol, double price, Instant time) {
        ticks.pipeInput(symbol, PriceTick.newBuilder().setSymbol(symbol).setPrice(price).setSize(100)
                .setEventTime(time).build());
    }

    static BondBookUpdate.Builder bond(String dealId, long target, long book, BondStatus status, Instant time) {
        return BondBookUpdate.newBuilder().setDealId(dealId).setIssuerName("Meta Platforms Inc.")
                .setIssuerSymbol("META").setTargetSize(target).setOrderBookSize(book).setStatus(status)
                .setEventTime(time);
    }

    static ArticleEvent.Builder article(String id, String title, String body, Instant publishedAt) {
        return ArticleEvent.newBuilder().setId(id).setSource("wire").setTitle(title).setBody(body)
                .setLanguage("en").setPublishedAt(publishedAt);
    }

    static ArticleFragment fragment(String text, Integer repeatOf) {
        return ArticleFragment.newBuilder().setText(text).setRepeatOf(repeatOf).build();
    }

    void publish(ArticleEvent article) {
        articles.pipeInput(article.getId(), article);
    }

    double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    Double gauge(String name, String... tags) {
        var gauge = registry.find(name).tags(tags).gauge();
        return gauge == null ? null : gauge.value();
    }

    /**
     * The input stops for three times {@code watermark.idle.timeout} (wall clock): the steps waiting for a
     * watermark stop waiting, one after the other (the novelty funnel, whose release moves the news
     * watermark, then the news context; the deal watermark, whose release holds views for the news context),
     * so the alerts and credit views held for their news context go out. The app checks every second; the
     * driver runs the checks due at each advance in no set order, so one step may see what another released
     * only at the next advance.
     */
    void inputStops() {
        for (int i = 0; i < 3; i++) {
            driver.advanceWallClockTime(idleTimeout.plusSeconds(1));
        }
    }

    /** Every bond-book task (of {@code topic.partitions}) has sent its deal updates up to {@code time}: the deal watermark. */
    void dealWatermark(Instant time) {
        TestInputTopic<String, BondBookSummary> summaries = driver.createInputTopic(BOND_SUMMARIES_BY_ISSUER,
                new StringSerializer(), serdes.bondBookSummary().serializer());
        for (int source = 0; source < partitions; source++) {
            summaries.pipeInput(new TestRecord<>(DealWatermarkFeed.WATERMARK_KEY + source, null, time));
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
