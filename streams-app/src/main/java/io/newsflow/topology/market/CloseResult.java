package io.newsflow.topology.market;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;

/**
 * What the bucket-close step ({@link BucketCloseProcessor}) emits: a market reaction, a credit view, or how far the
 * task's reactions are complete.
 */
public sealed interface CloseResult {

    /** A completed reaction, to {@code analytics.market-reaction}. */
    record Reaction(MarketReaction reaction) implements CloseResult {
    }

    /** A credit/equity view, to {@code analytics.credit-equity}. */
    record CreditView(CreditEquityView view) implements CloseResult {
    }

    /**
     * Every reaction of horizon {@code horizonLabel} of the task's partition ({@code partition}) due at or before
     * {@code through} has been emitted ({@link ReactionCompletions}): a watermark for the all-tickers signal quality.
     * The registration of reactions ({@link ReactionProcessors.OnArticle}) emits these and reactions too.
     */
    record ReactionsComplete(int partition, String horizonLabel, long through) implements CloseResult {
        /** The record key: the watermark's source, partition and horizon. */
        public String key() {
            return partition + "|" + horizonLabel;
        }
    }
}
