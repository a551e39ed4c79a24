package io.newsflow.ingest.article;

import io.newsflow.ingest.StatedTime;
import java.time.Instant;
import java.time.ZoneId;

/**
 * An article's publication time as read, and where it was read from. A time without a zone is
 * taken in Japan time for a Japanese article (Japanese sites write local time) and in UTC otherwise;
 * {@link #describe} says which zone was assumed, and ingest records it in {@code publishedAtSource}.
 *
 * @param time  the time as stated
 * @param where the field or line it came from, e.g. {@code date} or {@code line 2}
 */
public record PublishedAt(StatedTime time, String where) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** A time that is an instant by nature, such as a file's modification time. */
    public static PublishedAt of(Instant instant, String where) {
        return new PublishedAt(StatedTime.zoned(instant, where), where);
    }

    public static ZoneId assumedZone(String language) {
        return "ja".equals(language) ? JAPAN : UTC;
    }

    public Instant resolve(String language) {
        return time.at(assumedZone(language));
    }

    /** For {@code publishedAtSource}: e.g. {@code line 2: Japanese 'yyyy年M月d日 H:mm', no zone: assumed Asia/Tokyo}. */
    public String describe(String language) {
        String how = time.describe(assumedZone(language));
        return how.equals(where) ? where : where + ": " + how;
    }
}
