package io.newsflow.ingest.article;

import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.StatedTime;
import io.newsflow.ingest.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads typed fields out of a front-matter or JSON map, with reasons for bad values. */
final class Fields {

    private Fields() {
    }

    static String string(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    static String required(Map<String, Object> map, String key) throws BadInputException {
        String s = string(map, key);
        if (s == null) {
            throw new BadInputException("missing '" + key + "'");
        }
        return s;
    }

    /** A list of strings, or a single string (comma-separated values are split). */
    static List<String> strings(Map<String, Object> map, String key) {
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().strip());
                }
            }
        } else if (v != null) {
            for (String part : v.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** The first of {@code keys} present, read by {@link Times#read}; null when none is. */
    static PublishedAt publishedAt(Map<String, Object> map, String... keys) throws BadInputException {
        for (String key : keys) {
            Object v = map.get(key);
            if (v == null) {
                continue;
            }
            if (v instanceof Date d) {
                return new PublishedAt(StatedTime.zoned(d.toInstant(), "YAML timestamp"), key);
            }
            if (v instanceof Number n) {
                return new PublishedAt(StatedTime.zoned(Instant.ofEpochMilli(n.longValue()), "epoch millis"), key);
            }
            try {
                return new PublishedAt(Times.read(v.toString()), key);
            } catch (DateTimeParseException e) {
                throw new BadInputException("bad '" + key + "': " + e.getMessage());
            }
        }
        return null;
    }

    /** Sentiment in [-1, 1], null when absent. */
    static Double sentiment(Map<String, Object> map, String... keys) throws BadInputException {
        for (String key : keys) {
            Object v = map.get(key);
            if (v == null) {
                continue;
            }
            double d;
            try {
                d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("bad '" + key + "': not a number: " + v);
            }
            if (!(d >= -1.0 && d <= 1.0)) {
                throw new BadInputException("bad '" + key + "': must be in [-1, 1], was " + v);
            }
            return d;
        }
        return null;
    }
}
