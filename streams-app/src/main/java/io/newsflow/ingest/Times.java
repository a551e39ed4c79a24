package io.newsflow.ingest;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one timestamp parser of all input formats, in the forms real sources write:
 *
 * <ul>
 *   <li>epoch millis (digits only);</li>
 *   <li>ISO-8601: {@code 2025-10-29T20:05Z}, {@code 2025-10-30T09:15:00+09:00}, without a zone, date only;
 *       a space instead of the {@code T} is accepted;</li>
 *   <li>Jekyll/Hugo: {@code 2025-10-31 02:11:16 +0000} (also {@code +09:00}, {@code UTC}, {@code GMT});</li>
 *   <li>RFC 1123 / RFC 2822: {@code Fri, 31 Oct 2025 02:11:16 GMT}, {@code 31 Oct 2025 11:11 +0900};</li>
 *   <li>slashes: {@code 2025/10/31 11:11} (seconds optional, date only);</li>
 *   <li>Japanese: {@code 2025年10月31日 11:11}, {@code 2025年10月31日(金) 11時11分}, date only.</li>
 * </ul>
 * Full-width digits are folded first (NFKC). A time without a zone is returned as a {@link StatedTime}
 * without an instant: which zone it means depends on the article (see {@link StatedTime#at}).
 */
public final class Times {

    private static final String ISO_FORMAT = "ISO-8601";
    private static final String JEKYLL_FORMAT = "Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'";

    /** Dashes, then a T or a space, the time and an optional zone (the zone itself may follow a space). */
    private static final Pattern DASHED = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:([T ])(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "(\\s?)(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern JAPANESE = Pattern.compile(
            "(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*(?:[(（][^)）]{1,3}[)）])?\\s*"
                    + "(?:(\\d{1,2})(?::|時)(\\d{1,2})(?:(?::|分)(?:(\\d{2})秒?)?)?)?");
    private static final Pattern RFC_COMMENT = Pattern.compile("\\s*\\([^)]*\\)$");

    private Times() {
    }

    /** The instant; a time without a zone is taken as UTC. */
    public static Instant parse(String text) {
        return read(text).at(ZoneOffset.UTC);
    }

    /** The time as stated, with the format it was written in and whether it names its zone. */
    public static StatedTime read(String text) {
        if (text == null || text.isBlank()) {
            throw new DateTimeParseException("empty timestamp", String.valueOf(text), 0);
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        try {
            if (s.matches("-?\\d{9,}")) {
                return StatedTime.zoned(Instant.ofEpochMilli(Long.parseLong(s)), "epoch millis");
            }
            Matcher m = DASHED.matcher(s);
            if (m.matches()) {
                return dashed(m);
            }
            m = SLASHED.matcher(s);
            if (m.matches()) {
                return StatedTime.local(localOf(m, 1, 4), m.group(4) == null ? "'yyyy/MM/dd'" : "'yyyy/MM/dd HH:mm'");
            }
            m = JAPANESE.matcher(s);
            if (m.matches()) {
                return StatedTime.local(localOf(m, 1, 4), m.group(4) == null ? "Japanese 'yyyy年M月d日'"
                        : "Japanese 'yyyy年M月d日 H:mm'");
            }
            if (s.matches("(?:[A-Za-z]{3},\\s*)?\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{4}\\s.*")) {
                String rfc = RFC_COMMENT.matcher(s).replaceAll("").replaceAll("\\s+", " ");
                return StatedTime.zoned(OffsetDateTime.parse(rfc, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                        "RFC 1123/2822");
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new DateTimeParseException("not a valid date: '" + text + "' (" + e.getMessage() + ")", text, 0);
        }
        throw new DateTimeParseException("not a timestamp in a known format (ISO-8601, 'yyyy-MM-dd HH:mm:ss Z', "
                + "RFC 1123, 'yyyy/MM/dd HH:mm', 'yyyy年M月d日 H:mm', epoch millis): '" + text + "'", text, 0);
    }

    private static StatedTime dashed(Matcher m) {
        LocalDateTime local = localOf(m, 1, 5);
        String zone = m.group(10);
        boolean jekyll = " ".equals(m.group(4)) && zone != null && (!m.group(9).isEmpty() || !zone.contains(":"));
        String format = m.group(5) == null ? ISO_FORMAT + " date" : jekyll ? JEKYLL_FORMAT : ISO_FORMAT;
        if (m.group(8) != null) {
            local = local.withNano(Integer.parseInt((m.group(8) + "00000000").substring(0, 9)));
        }
        if (zone == null) {
            return StatedTime.local(local, format);
        }
        ZoneOffset offset = zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT") ? ZoneOffset.UTC
                : ZoneOffset.of(zone.length() == 5 && !zone.contains(":")
                        ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        return StatedTime.zoned(local.toInstant(offset), format);
    }

    /** Year, month, day from groups {@code date..date+2}; hour, minute, second (all optional) from {@code time..}. */
    private static LocalDateTime localOf(Matcher m, int date, int time) {
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(date)), Integer.parseInt(m.group(date + 1)),
                Integer.parseInt(m.group(date + 2)));
        if (m.group(time) == null) {
            return day.atStartOfDay();
        }
        int second = m.group(time + 2) == null ? 0 : Integer.parseInt(m.group(time + 2));
        return day.atTime(LocalTime.of(Integer.parseInt(m.group(time)), Integer.parseInt(m.group(time + 1)), second));
    }
}
