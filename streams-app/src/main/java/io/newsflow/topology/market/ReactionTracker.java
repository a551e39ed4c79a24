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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
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
 * <p>Fallback, also on event time: a ticker that stopped trading (a halt, a quiet Tokyo symbol) still
 * gets its reaction, from its last close at or before the horizon, once the benchmark has closed
 * {@code horizon + reaction.wait} <em>and</em> the clock of the ticker's own {@code tick-closes} partition
 * ({@link CloseClock}) has passed {@code horizon + reaction.wait} without the ticker closing the horizon.
 * The second condition is what makes it a function of the input: the ticker's closes and the
 * benchmark's come from different hot-path tasks, so the benchmark alone can run any distance ahead
 * of a lagging ticker (an as-fast-as-possible replay after a crash); the partition's clock cannot pass
 * the horizon before the ticker's closes up to it are in, since one task writes them in order. The
 * benchmark's own closes decide nothing about the ticker's. A partition whose every symbol stops
 * trading has no clock to move: {@code watermark.idle.timeout} (on the wall clock) lets the fallback
 * go without it ({@link #completeAllReady(long, boolean)}), the one non-deterministic case. A ticker
 * that is itself some ticker's benchmark has no fallback: its closes come through {@code benchmark-closes},
 * where no one task's clock orders them; it waits for its own next close.
 * A reaction waits for the benchmark to pass its horizon: a benchmark with no tick before the
 * article's publication gives a null benchmark return. A reaction with no price at all for the
 * ticker is dropped at that point.
 */
public final class ReactionTracker {

    private final TopologySettings settings;
    private final KeyValueStore<String, PendingReaction> pendingStore;
    private final TimeIndex<PendingReaction> pending;
    private final PriceSeries ticks;
    private final PriceSeries benchmarkTicks;
    private final PipelineMetrics metrics;
    private final ReactionStudy study;
    /** The clock of the ticker's {@code tick-closes} partition ({@link CloseClock}). */
    private final LongSupplier partitionClock;

    public ReactionTracker(TopologySettings settings, KeyValueStore<String, PendingReaction> pendingStore,
            PriceSeries ticks, PriceSeries benchmarkTicks, LongSupplier partitionClock, PipelineMetrics metrics) {
        this.settings = settings;
        this.pendingStore = pendingStore;
        this.pending = new TimeIndex<>(pendingStore);
        this.ticks = ticks;
        this.benchmarkTicks = benchmarkTicks;
        this.metrics = metrics;
        this.partitionClock = partitionClock;
        this.study = new ReactionStudy(settings.analytics());
    }

    public void register(ScoredArticle article) {
        long published = article.getPublishedAt().toEpochMilli();
        for (Span horizon : settings.reactions().horizons()) {
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
            complete(entry.key(), entry.value(), false).ifPresent(done::add);
        }
        return done;
    }

    /** Completes every ready reaction of this task (benchmark ticks arrived, or waits expired). */
    public List<MarketReaction> completeAllReady(long streamTime) {
        return completeAllReady(streamTime, false);
    }

    /**
     * Completes every ready reaction of this task; with {@code clockIdle} (the idle escape: the partition's
     * clock has not moved for {@code watermark.idle.timeout}) the fallback does not wait for that clock.
     */
    public List<MarketReaction> completeAllReady(long streamTime, boolean clockIdle) {
        List<KeyValue<String, PendingReaction>> all = new ArrayList<>();
        try (KeyValueIterator<String, PendingReaction> it = pendingStore.all()) {
            it.forEachRemaining(all::add);
        }
        List<MarketReaction> done = new ArrayList<>();
        for (KeyValue<String, PendingReaction> kv : all) {
            if (kv.value.dueAt() <= streamTime) {
                complete(kv.key, kv.value, clockIdle).ifPresent(done::add);
            }
        }
        return done;
    }

    /**
     * Whether a reaction waits only for the clock of its ticker's partition: the benchmark has closed
     * its {@code horizon + reaction.wait}, the ticker has not closed the horizon, and the clock has not
     * passed {@code horizon + reaction.wait} (what the idle escape is for).
     */
    public boolean waitingForClock(long streamTime) {
        try (KeyValueIterator<String, PendingReaction> it = pendingStore.all()) {
            while (it.hasNext()) {
                PendingReaction p = it.next().value;
                if (p.dueAt() <= streamTime && readiness(p) == Readiness.WAITS_FOR_CLOCK) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The completion watermark of this task's reactions, per horizon (label): every reaction of that horizon due at
     * or before it ({@code publishedAt + horizon}) has been emitted (or dropped for want of a price). A reaction not
     * yet emitted is either pending here, or of an article not registered yet, which the news watermark bounds:
     * every score published at or before {@code newsWatermark} has reached this task (through {@code news-context},
     * where the registration reads it), so an unregistered article's reaction is due after
     * {@code newsWatermark + horizon}. Per horizon, so that a day-long horizon waiting for its ticks holds back
     * only its own horizon. None before any news watermark.
     */
    public Map<String, Long> completeThrough(long newsWatermark) {
        Map<String, Long> through = new LinkedHashMap<>();
        if (newsWatermark == Long.MIN_VALUE) {
            return through;
        }
        for (Span horizon : settings.reactions().horizons()) {
            through.put(horizon.label(), newsWatermark + horizon.millis());
        }
        try (KeyValueIterator<String, PendingReaction> it = pendingStore.all()) {
            while (it.hasNext()) {
                PendingReaction p = it.next().value;
                through.computeIfPresent(p.horizonLabel(), (label, bound) -> Math.min(bound, p.dueAt() - 1));
            }
        }
        return through;
    }

    private enum Readiness { READY, WAITS_FOR_CLOCK, WAITS }

    private Readiness readiness(PendingReaction p) {
        String benchmark = settings.analytics().benchmarks().of(p.ticker());
        PriceSeries benchSeries = p.ticker().equals(benchmark) ? ticks : benchmarkTicks;
        if (closed(ticks, p.ticker(), p.dueAt())) {
            return closed(benchSeries, benchmark, p.dueAt()) ? Readiness.READY : Readiness.WAITS;
        }
        // the fallback: judged on the benchmark's own series and on the clock of the ticker's own partition, never
        // on how far one has run ahead of the other in this task (they come from different tasks)
        if (settings.analytics().benchmarks().isBenchmark(p.ticker())) {
            // a benchmark's closes come through benchmark-closes, from every hot task at once: no clock orders them
            return Readiness.WAITS;
        }
        long waitedFor = p.dueAt() + settings.reactions().tickWait().millis();
        if (!closed(benchSeries, benchmark, waitedFor)) {
            return Readiness.WAITS;
        }
        return partitionClock.getAsLong() >= waitedFor ? Readiness.READY : Readiness.WAITS_FOR_CLOCK;
    }

    private Optional<MarketReaction> complete(String key, PendingReaction p, boolean clockIdle) {
        String benchmark = settings.analytics().benchmarks().of(p.ticker());
        PriceSeries benchSeries = p.ticker().equals(benchmark) ? ticks : benchmarkTicks;
        Readiness readiness = readiness(p);
        if (readiness == Readiness.WAITS || readiness == Readiness.WAITS_FOR_CLOCK && !clockIdle) {
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
        long resolution = settings.ticks().resolution().millis();
        long nextBucket = Math.floorDiv(time, resolution) * resolution + resolution;
        return series.latest(symbol).map(point -> point.time() >= nextBucket).orElse(false);
    }
}
