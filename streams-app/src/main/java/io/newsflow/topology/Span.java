package io.newsflow.topology;

import io.newsflow.config.DurationParser;
import java.time.Duration;
import java.util.Objects;

/**
 * A configured duration together with the label it was written as ("24h" stays "24h", "1d" stays
 * "1d"), because labels end up in record keys, record fields and metric labels.
 */
public record Span(String label, Duration duration) {

    public Span {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + label);
        }
    }

    public long millis() {
        return duration.toMillis();
    }

    /** A duration as {@link DurationParser} reads it (500ms, 30s, 5m, 1h, 24h, 1d or ISO-8601), labelled as written. */
    public static Span parse(String text) {
        return new Span(text.trim(), DurationParser.parse(text));
    }

    /** The duration of a configuration key. */
    static Span of(io.newsflow.config.AppConfig config, String key) {
        return parse(config.getString(key));
    }

    /** The durations of a list-valued configuration key. */
    static java.util.List<Span> list(io.newsflow.config.AppConfig config, String key) {
        return config.getList(key).stream().map(Span::parse).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
