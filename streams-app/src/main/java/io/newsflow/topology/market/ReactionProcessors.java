package io.newsflow.topology.market;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedStatefulProcessor;
import io.newsflow.topology.watermark.Watermarked;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The entry point of the market-reaction branch besides the bucket closes themselves (the
 * bucket-close step, {@link BucketCloseProcessor}, completes reactions on each close). Both share the
 * pending-reactions store and the bucket closes, so they run in the same task as the closes of the
 * article's ticker (scores are keyed by ticker, closes by symbol, and both topics are partitioned alike).
 */
public final class ReactionProcessors {

    /** The state stores each entry point uses (TopologyStores connects the steps to them). */
    public static final List<String> STORES = List.of(StoreNames.PENDING_REACTIONS, StoreNames.CLOSE_POINTS,
            StoreNames.CLOSE_CLOCKS);

    private ReactionProcessors() {
    }

    /**
     * A tracker over the task's bucket closes, {@code ticks} (the bucket-close step passes its in-memory
     * history, the other entry points the store): the benchmark's closes are in every task's series.
     */
    static ReactionTracker tracker(ProcessorContext<?, ?> context, TopologySettings settings, PipelineMetrics metrics,
            PriceSeries ticks) {
        return new ReactionTracker(settings, context.getStateStore(StoreNames.PENDING_REACTIONS), ticks, ticks,
                CloseClock.of(context)::time, metrics);
    }

    private static ReactionTracker storedTracker(ProcessorContext<?, ?> context, TopologySettings settings,
            PipelineMetrics metrics) {
        return tracker(context, settings, metrics, StoredPriceSeries.of(context, StoreNames.CLOSE_POINTS, settings));
    }

    /**
     * Registers the horizons of each novel scored article and completes those already past. It reads the scores
     * from {@code news-context}, after the news context's own step: a news watermark there follows the scores it
     * covers, so every article it covers is registered when it comes; then the task's completion watermarks
     * ({@link ReactionCompletions}) go out. Results: {@link CloseResult.Reaction}s and
     * {@link CloseResult.ReactionsComplete}s.
     */
    public static final class OnArticle
            extends GuardedStatefulProcessor<Watermarked<ScoredArticle>, CloseResult, ReactionTracker> {

        private final ReactionCompletions completions = new ReactionCompletions();

        public OnArticle(TopologySettings settings, PipelineMetrics metrics) {
            super(context -> storedTracker(context, settings, metrics));
        }

        @Override
        protected void handle(Record<String, Watermarked<ScoredArticle>> record, Output<CloseResult> out) {
            if (!(record.value() instanceof Watermarked.Value<ScoredArticle> score)) {
                // the news watermark, which the news context's step has just recorded
                for (CloseResult.ReactionsComplete complete : completions.moved(context, helper,
                        record.timestamp())) {
                    out.emit(complete.key(), complete, complete.through());
                }
                return;
            }
            ScoredArticle article = score.value();
            if (article.getTicker() == null || article.getDuplicateOf() != null) {
                return; // repeats would only duplicate the original's reactions
            }
            helper.register(article);
            for (MarketReaction r : helper.completeReady(article.getTicker(),
                    Math.max(context.currentStreamTimeMs(), record.timestamp()))) {
                out.emit(r.getTicker(), new CloseResult.Reaction(r), r.getPublishedAt().toEpochMilli() + r.getHorizonMs());
            }
        }
    }
}
