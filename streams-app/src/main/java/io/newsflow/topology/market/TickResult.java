package io.newsflow.topology.market;

import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;

/** What the tick step ({@link TickProcessor}) emits: a sharp-move alert, or a bucket close for the market tasks. */
public sealed interface TickResult {

    /** A sharp-move alert, to {@code alerts.price-moves} at once and on to its news context. */
    record Alert(PriceMoveAlert alert) implements TickResult {
    }

    /** A bucket close, to {@code tick-closes} (or {@code benchmark-closes}). */
    record Close(PriceTick close) implements TickResult {
    }
}
