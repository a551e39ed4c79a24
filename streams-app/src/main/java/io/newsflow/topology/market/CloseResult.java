package io.newsflow.topology.market;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;

/** What the bucket-close step ({@link BucketCloseProcessor}) emits: a market reaction, or a credit view. */
public sealed interface CloseResult {

    /** A completed reaction, to {@code analytics.market-reaction}. */
    record Reaction(MarketReaction reaction) implements CloseResult {
    }

    /** A credit/equity view, to {@code analytics.credit-equity}. */
    record CreditView(CreditEquityView view) implements CloseResult {
    }
}
