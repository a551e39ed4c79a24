package io.newsflow.topology;

import io.newsflow.config.AppConfig;

/**
 * The tick history.
 *
 * @param retention  {@code ticks.retention} how far behind the newest tick of a symbol prices are kept (never less
 *                   than the horizons + wait, alert and credit windows need, see
 *                   {@link TopologySettings#tickRetentionMs()}): bond updates and articles arriving later than this
 *                   behind the ticks (a replay publishing all ticks first) find no price to compare with
 * @param resolution {@code ticks.resolution} one tick is kept per symbol and bucket of this length, the bucket's
 *                   newest: returns over minutes to days lose nothing that matters, and the history holds at most
 *                   retention / resolution points per symbol
 */
public record TickSettings(Span retention, Span resolution) {

    public TickSettings {
        if (resolution.millis() <= 0) {
            throw new IllegalArgumentException("ticks.resolution must be positive");
        }
    }

    static TickSettings from(AppConfig c) {
        return new TickSettings(Span.of(c, "ticks.retention"), Span.of(c, "ticks.resolution"));
    }
}
