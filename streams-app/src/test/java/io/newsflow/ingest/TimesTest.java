package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "2025-10-31T02:11:16Z            | 2025-10-31T02:11:16Z | ISO-8601",
            "2025-10-31T11:11:16+09:00       | 2025-10-31T02:11:16Z | ISO-8601",
            "2025-10-31T02:11:16.250Z        | 2025-10-31T02:11:16.250Z | ISO-8601",
            "2025-10-31 02:11:16 +0000       | 2025-10-31T02:11:16Z | Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'",
            "2025-10-31 11:11:16 +09:00      | 2025-10-31T02:11:16Z | Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'",
            "2025-10-31 02:11:16 UTC         | 2025-10-31T02:11:16Z | Jekyll/Hugo 'yyyy-MM-dd HH:mm:ss Z'",
            "Fri, 31 Oct 2025 02:11:16 GMT   | 2025-10-31T02:11:16Z | RFC 1123/2822",
            "Fri, 31 Oct 2025 11:11:16 +0900 | 2025-10-31T02:11:16Z | RFC 1123/2822",
            "31 Oct 2025 11:11 +0900 (JST)   | 2025-10-31T02:11:00Z | RFC 1123/2822",
            "1761876676000                   | 2025-10-31T02:11:16Z | epoch millis",
    })
    void timesThatNameTheirZoneAreInstants(String text, String instant, String format) {
        StatedTime t = Times.read(text);

        assertTrue(t.hasZone());
        assertEquals(Instant.parse(instant), t.instant());
        assertEquals(format, t.format());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "2025-10-31T11:11:16    | 2025-10-31T11:11:16 | ISO-8601",
            "2025-10-31             | 2025-10-31T00:00    | ISO-8601 date",
            "2025/10/31 11:11       | 2025-10-31T11:11    | 'yyyy/MM/dd HH:mm'",
            "2025/10/31             | 2025-10-31T00:00    | 'yyyy/MM/dd'",
            "2025年10月31日 11:11     | 2025-10-31T11:11    | Japanese 'yyyy年M月d日 H:mm'",
            "2025年10月31日 11時11分   | 2025-10-31T11:11    | Japanese 'yyyy年M月d日 H:mm'",
            "2025年10月31日(金) 11:11  | 2025-10-31T11:11    | Japanese 'yyyy年M月d日 H:mm'",
            "２０２５年１０月３１日 １１：１１ | 2025-10-31T11:11 | Japanese 'yyyy年M月d日 H:mm'",
            "2025年10月31日          | 2025-10-31T00:00    | Japanese 'yyyy年M月d日'",
    })
    void timesWithoutAZoneAreLocalUntilTheReaderAssumesOne(String text, String local, String format) {
        StatedTime t = Times.read(text);

        assertFalse(t.hasZone());
        assertEquals(LocalDateTime.parse(local), t.local());
        assertEquals(format, t.format());
        assertEquals(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Tokyo")).toInstant(), t.at(ZoneId.of("Asia/Tokyo")));
        assertEquals(format + ", no zone: assumed Asia/Tokyo", t.describe(ZoneId.of("Asia/Tokyo")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2025-10-31T11:11:16", "2025/10/31 11:11:16"})
    void parseTakesAZonelessTimeAsUtc(String text) {
        assertEquals(Instant.parse("2025-10-31T11:11:16Z"), Times.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"yesterday", "2025-13-01", "2025年2月30日", "Thu, 31 Oct 2025 02:11:16 GMT", "31/10/2025", ""})
    void anythingElseIsRejectedWithTheText(String text) {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Times.read(text));

        assertTrue(text.isEmpty() || e.getMessage().contains(text), e.getMessage());
    }
}
