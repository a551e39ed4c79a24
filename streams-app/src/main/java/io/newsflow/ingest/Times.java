package io.newsflow.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Lenient timestamp parsing shared by all input formats. Accepts epoch millis (digits only),
 * ISO-8601 instants ({@code 2025-10-29T20:05Z}, seconds optional), offset date-times
 * ({@code 2025-10-30T09:15+09:00}), local date-times and dates (taken as UTC), and a space instead
 * of the {@code T}.
 */
public final class Times {

    private Times() {
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DateTimeParseException("empty timestamp", String.valueOf(text), 0);
        }
        String s = text.trim();
        if (s.matches("-?\\d{9,}")) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11).trim();
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("not an ISO-8601 timestamp or epoch millis: '" + text + "'", text, 0);
        }
    }
}
