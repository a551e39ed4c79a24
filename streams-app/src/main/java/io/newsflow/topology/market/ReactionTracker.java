package io.newsflow.topology.market;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.Span;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.market.study.EventStudyResult;
import io.newsflow.topology.market.study.ReactionStudy;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Pending market reactions: registered per article x horizon, completed once the ticks have
 * passed publication + horizon.
 *
 * <p>Deterministic: whether a horizon is complete, and its figures, depend on event-time facts
 * only, never on which input happened to be processed first or on when a sweep ran. A horizon is
 * complete when the ticker's and the benchmark's series have both closed the
 * {@code ticks.resolution} bucket holding {@code publishedAt + horizon} (each has a tick in a later
 * bucket): the price "at or before the horizon" can then no longer change, in either series, since
 * ticks of one symbol arrive in event-time order. The benchmark reaches the ticker tasks one hop
 * later than their own ticks (a broadcast), so a reaction waits for it instead of completing with
 * whatever part of the benchmark has arrived.
 *
 * <p>Fallback, also on event time: when the benchmark has closed {@code horizon + reaction.wait}
 * and the ticker still has not closed the horizon (it stopped trading), the reaction is computed from
 * the ticker's ticks there are. A reaction waits for the benchmark to pass its horizon: a benchmark
 * with no tick before the article's publication gives a null benchmark return. (An earlier fallback,
 * "the task has never seen a benchmark tick", depended on arrival order once the benchmark's closes
 * came from another task through {@code tick-closes}, and is gone.) A reaction with no price at all for
 * the ticker is dropped at that point.
 */
public final class ReactionTracker {

    private final TopologySettings settings;
    private final KeyValueStore<String, PendingReaction> pendingStore;
    private final TimeIndex<PendingReaction> pending;
    private final PriceSeries ticks;
    private final PriceSeries benchmarkTicks;
    private final PipelineMetrics metrics;
    private final ReactionStudy study;

    public ReactionTracker(TopologySettings settings, KeyValueStore<String, PendingReaction> pendingStore,
            PriceSeries ticks, PriceSeries benchmarkTicks, PipelineMetrics metrics) {
        this.settings = settings;
        this.pendingStore = pendingStore;
        this.pending = new TimeIndex<>(pendingStore);
        this.ticks = ticks;
        this.benchmarkTicks = benchmarkTicks;
        this.metrics = metrics;
        this.study = new ReactionStudy(settings.analytics());
    }

    public void register(ScoredArticle article) {
        long published = article.getPublishedAt().toEpochMilli();
        for (Span horizon : settings.reactionHorizons()) {
            PendingReaction reaction = new PendingReaction(article.getArticleId(), article.getTicker(), published,
                    horizon.label(), horizon.millis(), article.getSentiment(), article.getRelevance());
            pending.put(reaction.ticker(), reaction.dueAt(), reaction.id(), reaction);
        }
    }

    /**
     * Completes the ticker's ready reactions. {@code streamTime} only bounds the search: a horizon
     * after it cannot have been closed by the ticks this task has processed.
     */
    public List<MarketReaction> completeReady(String ticker, long streamTime) {
        List<MarketReaction> done = new ArrayList<>();
        for (TimeIndex.Entry<PendingReaction> entry : pending.range(ticker, 0, streamTime)) {
            complete(entry.key(), entry.value()).ifPresent(done::add);
        }
        return done;
    }

    /** Completes every ready reaction of this task (benchmark ticks arrived, or waits expired). */
    public List<MarketReaction> completeAllReady(long streamTime) {
        List<KeyValue<String, PendingReaction>> all = new ArrayList<>();
        try (KeyValueIterator<String, PendingReaction> it = pendingStore.all()) {
            it.forEachRemaining(all::add);
        }
        List<MarketReaction> done = new ArrayList<>();
        for (KeyValue<String, PendingReaction> kv : all) {
            if (kv.value.dueAt() <= streamTime) {
                complete(kv.key, kv.value).ifPresent(done::add);
            }
        }
        return done;
    }

    private Optional<MarketReaction> complete(String key, PendingReaction p) {
        String benchmark = settings.analytics().benchmarks().of(p.ticker());
        PriceSeries benchSeries = p.ticker().equals(benchmark) ? ticks : benchmarkTicks;
        long waitedFor = p.dueAt() + settings.reactionWait().millis();
        boolean tickerClosed = closed(ticks, p.ticker(), p.dueAt());
        // both judged on the benchmark's own series: whether this task has seen a benchmark tick yet depends on
        // arrival order (the benchmark's closes come from another task), so it decides nothing
        boolean ready = tickerClosed ? closed(benchSeries, benchmark, p.dueAt())
                : closed(benchSeries, benchmark, waitedFor);
        if (!ready) {
            return Optional.empty();
        }
        pendingStore.delete(key);
        Optional<PriceSeries.Return> own = ticks.change(p.ticker(), p.publishedAt(), p.dueAt());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Optional<PriceSeries.Return> bench = benchSeries.change(benchmark, p.publishedAt(), p.dueAt());
        double ret = own.get().value();
        Double benchReturn = bench.map(PriceSeries.Return::value).orElse(null);
        // issue 23: the abnormal return by the market model (market-adjusted with too few estimation bars)
        EventStudyResult measured = study.measure(ticks, p.ticker(), benchSeries, benchmark, p.publishedAt(),
                p.horizonMs(), ret, benchReturn);
        metrics.marketReaction(p.ticker(), p.horizonLabel(), ret, measured.abnormalReturn());
        metrics.eventStudy(p.ticker(), p.horizonLabel(), measured);
        return Optional.of(ReactionStudy.describe(MarketReaction.newBuilder(), measured)
                .setArticleId(p.articleId())
                .setTicker(p.ticker())
                .setPublishedAt(java.time.Instant.ofEpochMilli(p.publishedAt()))
                .setHorizonLabel(p.horizonLabel())
                .setHorizonMs(p.horizonMs())
                .setPriceAtPublish(own.get().from().price())
                .setPriceAtHorizon(own.get().to().price())
                .setPriceReturn(ret)
                .setBenchmarkSymbol(benchmark)
                .setBenchmarkReturn(benchReturn)
                .setSentiment(p.sentiment())
                .setRelevance(p.relevance())
                .build());
    }

    /** Whether the symbol's series has a tick in a bucket after the one holding {@code time}. */
    private boolean closed(PriceSeries series, String symbol, long time) {
        long resolution = settings.tickResolution().millis();
        long nextBucket = Math.floorDiv(time, resolution) * resolution + resolution;
        return series.latest(symbol).map(point -> point.time() >= nextBucket).orElse(false);
    }
}
