package io.newsflow.ingest;

import java.time.Duration;
import java.util.Locale;

/** Durations written {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT30S}. */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            switch (s.charAt(s.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                default: break;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad duration '" + text + "' (e.g. 30s, 5m, 2h, PT30S)");
    }
}
