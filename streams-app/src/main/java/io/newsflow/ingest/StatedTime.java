package io.newsflow.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A time as a source wrote it: either an instant (the text named its zone, or was epoch millis) or a
 * local date-time whose zone the reader must assume.
 *
 * @param instant the instant, when the text named a zone; null otherwise
 * @param local   the local date-time, when it did not; null otherwise
 * @param format  the format it was written in, for messages and {@code publishedAtSource}
 */
public record StatedTime(Instant instant, LocalDateTime local, String format) {

    public StatedTime {
        if ((instant == null) == (local == null)) {
            throw new IllegalArgumentException("exactly one of instant and local");
        }
        Objects.requireNonNull(format, "format");
    }

    public static StatedTime zoned(Instant instant, String format) {
        return new StatedTime(instant, null, format);
    }

    public static StatedTime local(LocalDateTime local, String format) {
        return new StatedTime(null, local, format);
    }

    public boolean hasZone() {
        return instant != null;
    }

    /** The instant; {@code assumed} is the zone of a time that named none. */
    public Instant at(ZoneId assumed) {
        return instant != null ? instant : local.atZone(assumed).toInstant();
    }

    /** The format, and the zone assumed when the text named none, e.g. {@code ISO-8601, no zone: assumed UTC}. */
    public String describe(ZoneId assumed) {
        return hasZone() ? format : format + ", no zone: assumed " + assumed.getId();
    }
}
