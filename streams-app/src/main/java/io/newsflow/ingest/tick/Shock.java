package io.newsflow.ingest.tick;

import io.newsflow.ingest.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A scripted price move: the symbol's log price moves linearly by {@code ln(1 + move)} between
 * start and end, on top of the random walk. Written {@code "META -11% 2025-10-29T20:05Z 2025-10-29T20:35Z"}.
 */
public record Shock(String symbol, double move, Instant start, Instant end) {

    public Shock {
        if (!(move > -1.0) || !Double.isFinite(move)) {
            throw new IllegalArgumentException("shock move must be > -100%, was " + move);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("shock end must be after its start");
        }
    }

    public static Shock parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 4 || !parts[1].endsWith("%")) {
            throw new IllegalArgumentException(
                    "shock must read 'SYMBOL +-N% START END', e.g. 'META -11% 2025-10-29T20:05Z 2025-10-29T20:35Z', was '"
                            + text + "'");
        }
        try {
            double pct = Double.parseDouble(parts[1].substring(0, parts[1].length() - 1));
            return new Shock(parts[0], pct / 100.0, Times.parse(parts[2]), Times.parse(parts[3]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("bad shock '" + text + "': " + e.getMessage());
        }
    }

    /** Log-price change contributed over [from, to]: the overlap with the shock interval, pro rata. */
    public double logMoveBetween(Instant from, Instant to) {
        long lo = Math.max(from.toEpochMilli(), start.toEpochMilli());
        long hi = Math.min(to.toEpochMilli(), end.toEpochMilli());
        if (hi <= lo) {
            return 0.0;
        }
        return Math.log1p(move) * (hi - lo) / Duration.between(start, end).toMillis();
    }
}
