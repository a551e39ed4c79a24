package io.newsflow.topology.market;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.GuardedStatefulProcessor;
import io.newsflow.topology.dlq.Routed;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The entry points of the market-reaction branch besides the ticks themselves (the tick step,
 * {@link TickProcessor}, completes reactions on each tick). All share the pending-reactions store
 * and the tick histories, so they run in the same task as the ticks of the article's ticker
 * (scores are keyed by ticker, ticks by symbol, and both topics are partitioned alike).
 */
public final class ReactionProcessors {

    /** The state stores each entry point uses (TopologyStores connects the steps to them). */
    public static final List<String> STORES = List.of(StoreNames.PENDING_REACTIONS, StoreNames.TICK_POINTS,
            StoreNames.BENCHMARK_POINTS);

    private ReactionProcessors() {
    }

    /** A tracker reading the tick histories from their stores (the tick step passes its in-memory history instead). */
    static ReactionTracker tracker(ProcessorContext<?, ?> context, TopologySettings settings, PipelineMetrics metrics,
            PriceSeries ticks) {
        return new ReactionTracker(settings, context.getStateStore(StoreNames.PENDING_REACTIONS), ticks,
                StoredPriceSeries.of(context, StoreNames.BENCHMARK_POINTS, settings), metrics);
    }

    private static ReactionTracker storedTracker(ProcessorContext<?, ?> context, TopologySettings settings,
            PipelineMetrics metrics) {
        return tracker(context, settings, metrics, StoredPriceSeries.of(context, StoreNames.TICK_POINTS, settings));
    }

    private static void emit(GuardedProcessor.Output<MarketReaction> out, Iterable<MarketReaction> reactions) {
        for (MarketReaction r : reactions) {
            out.emit(r.getTicker(), r, r.getPublishedAt().toEpochMilli() + r.getHorizonMs());
        }
    }

    /** Registers the horizons of each novel scored article and completes those already past. */
    public static final class OnArticle extends GuardedStatefulProcessor<ScoredArticle, MarketReaction, ReactionTracker> {

        public OnArticle(TopologySettings settings, PipelineMetrics metrics, DeadLetters deadLetters,
                Serializer<ScoredArticle> payloadSerializer) {
            super(deadLetters, payloadSerializer, context -> storedTracker(context, settings, metrics));
        }

        @Override
        protected void handle(Record<String, ScoredArticle> record, Output<MarketReaction> out) {
            ScoredArticle article = record.value();
            if (article.getTicker() == null || article.getDuplicateOf() != null) {
                return; // repeats would only duplicate the original's reactions
            }
            helper.register(article);
            emit(out, helper.completeReady(article.getTicker(), Math.max(context.currentStreamTimeMs(), record.timestamp())));
        }
    }

    /**
     * Benchmark ticks (a broadcast copy in every task): records them, and when the benchmark's
     * event time enters a new minute, completes the reactions that were waiting for it.
     */
    public static final class OnBenchmarkTick extends GuardedStatefulProcessor<PriceTick, MarketReaction, ReactionTracker> {
        private static final long MINUTE = 60_000L;
        private final TopologySettings settings;
        private TickHistory benchmark;

        public OnBenchmarkTick(TopologySettings settings, PipelineMetrics metrics, DeadLetters deadLetters,
                Serializer<PriceTick> payloadSerializer) {
            super(deadLetters, payloadSerializer, context -> storedTracker(context, settings, metrics));
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<String, Routed<MarketReaction>> context) {
            super.init(context);
            benchmark = new TickHistory(context.getStateStore(StoreNames.BENCHMARK_POINTS),
                    settings.tickResolution().millis(), settings.tickRetentionMs());
            benchmark.flushEveryCommit(context);
        }

        @Override
        protected void handle(Record<String, PriceTick> record, Output<MarketReaction> out) {
            PriceTick tick = record.value();
            long time = tick.getEventTime().toEpochMilli();
            long before = benchmark.latest(tick.getSymbol()).map(PriceSeries.Point::time).orElse(0L);
            boolean newest = benchmark.record(tick.getSymbol(), time, tick.getPrice()).newest();
            if (newest && time / MINUTE > before / MINUTE) {
                emit(out, helper.completeAllReady(Math.max(context.currentStreamTimeMs(), time)));
            }
        }
    }
}
