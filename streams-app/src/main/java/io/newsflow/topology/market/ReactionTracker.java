package io.newsflow.topology.market;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.Span;
import io.newsflow.topology.TopologySettings;
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
 * <p>A horizon is complete when the latest tick of the ticker and of the benchmark are both at or
 * after {@code publishedAt + horizon} (so the price "at or before the horizon" can no longer
 * change, out-of-order ticks within that bound included), or when stream time has moved
 * {@code reaction.wait} past the horizon: then it is computed from whatever ticks there are, with
 * a null benchmark return if the benchmark has none. A reaction with no price at all for the
 * ticker is dropped at that point.
 */
public final class ReactionTracker {

    private final TopologySettings settings;
    private final KeyValueStore<String, PendingReaction> pendingStore;
    private final TimeIndex<PendingReaction> pending;
    private final PriceSeries ticks;
    private final PriceSeries benchmarkTicks;
    private final PipelineMetrics metrics;

    public ReactionTracker(TopologySettings settings, KeyValueStore<String, PendingReaction> pendingStore,
            PriceSeries ticks, PriceSeries benchmarkTicks, PipelineMetrics metrics) {
        this.settings = settings;
        this.pendingStore = pendingStore;
        this.pending = new TimeIndex<>(pendingStore);
        this.ticks = ticks;
        this.benchmarkTicks = benchmarkTicks;
        this.metrics = metrics;
    }

    public void register(ScoredArticle article) {
        long published = article.getPublishedAt().toEpochMilli();
        for (Span horizon : settings.reactionHorizons()) {
            PendingReaction reaction = new PendingReaction(article.getArticleId(), article.getTicker(), published,
                    horizon.label(), horizon.millis(), article.getSentiment());
            pending.put(reaction.ticker(), reaction.dueAt(), reaction.id(), reaction);
        }
    }

    /** Completes the ticker's ready reactions. */
    public List<MarketReaction> completeReady(String ticker, long streamTime) {
        List<MarketReaction> done = new ArrayList<>();
        for (TimeIndex.Entry<PendingReaction> entry : pending.range(ticker, 0, streamTime)) {
            complete(entry.key(), entry.value(), streamTime).ifPresent(done::add);
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
                complete(kv.key, kv.value, streamTime).ifPresent(done::add);
            }
        }
        return done;
    }

    private Optional<MarketReaction> complete(String key, PendingReaction p, long streamTime) {
        String benchmark = settings.reactionBenchmark();
        PriceSeries benchSeries = p.ticker().equals(benchmark) ? ticks : benchmarkTicks;
        boolean tickerPassed = passed(ticks, p.ticker(), p.dueAt());
        boolean benchmarkPassed = passed(benchSeries, benchmark, p.dueAt());
        boolean expired = streamTime >= p.dueAt() + settings.reactionWait().millis();
        if (!(tickerPassed && benchmarkPassed) && !expired) {
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
        Double abnormal = benchReturn == null ? null : ret - benchReturn;
        metrics.marketReaction(p.ticker(), p.horizonLabel(), ret, abnormal);
        return Optional.of(MarketReaction.newBuilder()
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
                .setAbnormalReturn(abnormal)
                .setSentiment(p.sentiment())
                .build());
    }

    private static boolean passed(PriceSeries series, String symbol, long time) {
        return series.latest(symbol).map(point -> point.time() >= time).orElse(false);
    }
}
