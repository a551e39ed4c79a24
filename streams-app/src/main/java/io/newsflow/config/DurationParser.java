package io.newsflow.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people write them in properties files: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, {@code 24h}, {@code 1d}, or ISO-8601 such as {@code PT1H}. A bare number
 * is rejected, because whether {@code 30} means seconds or milliseconds is exactly the mistake
 * this format avoids.
 */
public final class DurationParser {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationParser() {
    }

    /** @throws IllegalArgumentException with the accepted formats when {@code text} is none of them */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            if (t.startsWith("p")) {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw new IllegalArgumentException("negative duration");
                }
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; use a number with a unit"
                + " (500ms, 30s, 5m, 1h, 1d) or ISO-8601 (PT1H)");
    }
}
