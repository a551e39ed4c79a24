package io.newsflow.topology.view;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How one output is kept for the query API: the store it goes to and the time-index key of each
 * record ({@code group|time|id}, see {@link io.newsflow.topology.state.TimeIndex}).
 *
 * @param store   the store's name (one of {@link io.newsflow.topology.StoreNames}'s views)
 * @param group   the series a record belongs to (ticker, ticker|window, symbol, issuer)
 * @param time    the record's time in the series (window end, publication, trigger, as-of)
 * @param id      what tells records of the same group and time apart
 */
public record QueryView<V>(String store, Function<V, String> group, ToLongFunction<V> time, Function<V, String> id) {

    public String keyOf(V value) {
        return io.newsflow.topology.state.TimeIndex.key(group.apply(value), time.applyAsLong(value), id.apply(value));
    }
}
