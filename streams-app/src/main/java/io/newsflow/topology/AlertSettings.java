package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import java.util.List;

/**
 * Sharp-move alerts.
 *
 * @param windows       {@code alerts.windows} sliding return windows
 * @param thresholds    {@code alerts.thresholds} absolute return per window
 * @param zScore        {@code alerts.zscore} also require |z| >= this; 0 disables
 * @param resetFraction {@code alerts.reset.fraction} a move ends when |return| < threshold x this
 * @param context       {@code alerts.context} look-back for the articles attached to an alert
 */
public record AlertSettings(List<Span> windows, List<Double> thresholds, double zScore, double resetFraction,
        Span context) {

    public AlertSettings {
        windows = List.copyOf(windows);
        thresholds = List.copyOf(thresholds);
        if (thresholds.size() != windows.size()) {
            throw new IllegalArgumentException("alerts.thresholds needs one value per alerts.windows entry: "
                    + windows + " vs " + thresholds);
        }
    }

    static AlertSettings from(AppConfig c) {
        return new AlertSettings(Span.list(c, "alerts.windows"),
                c.getList("alerts.thresholds").stream().map(Double::parseDouble).toList(),
                c.getDouble("alerts.zscore"), c.getDouble("alerts.reset.fraction"), Span.of(c, "alerts.context"));
    }

    public long longestWindowMs() {
        return windows.stream().mapToLong(Span::millis).max().orElse(0);
    }
}
