package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import java.util.List;

/**
 * When a market reaction is measured.
 *
 * @param horizons  {@code reaction.horizons} horizons after publication
 * @param benchmark {@code reaction.benchmark} symbol for abnormal returns
 * @param tickWait  {@code reaction.wait} how long past a horizon to wait for ticks
 */
public record ReactionSettings(List<Span> horizons, String benchmark, Span tickWait) {

    public ReactionSettings {
        horizons = List.copyOf(horizons);
    }

    static ReactionSettings from(AppConfig c) {
        return new ReactionSettings(Span.list(c, "reaction.horizons"), c.getString("reaction.benchmark"),
                Span.of(c, "reaction.wait"));
    }

    public long maxHorizonMs() {
        return horizons.stream().mapToLong(Span::millis).max().orElse(0);
    }
}
