package io.newsflow.topology;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured duration together with the label it was written as ("24h" stays "24h", "1d" stays
 * "1d"), because labels end up in record keys, record fields and metric labels.
 */
public record Span(String label, Duration duration) {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

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

    /** Parses 500ms, 30s, 5m, 1h, 24h, 1d or ISO-8601 (PT1H, P1D). */
    public static Span parse(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Span(trimmed, d);
        }
        try {
            return new Span(trimmed, Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (use e.g. 500ms, 30s, 5m, 1h, 1d or PT1H)", e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
