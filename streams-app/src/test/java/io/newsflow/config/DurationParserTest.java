package io.newsflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.topology.Span;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one duration parser, used by the configuration, the topology's spans and the command line (its formats:
 * {@link AppConfigTest#durationsAcceptUnitsAndIso8601}).
 */
class DurationParserTest {

    @Test
    void bareNumbersAndNegativeDurationsAreRefused() {
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("30"));
        assertEquals("'30' is not a duration; use a number with a unit (500ms, 30s, 5m, 1h, 1d) or ISO-8601 (PT1H)",
                bare.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("-PT1H"));
    }

    @Test
    void spansParseWithItAndKeepTheirLabel() {
        Span span = Span.parse(" 24h ");

        assertEquals("24h", span.label());
        assertEquals(DurationParser.parse("1d"), span.duration());
        assertThrows(IllegalArgumentException.class, () -> Span.parse("30"));
    }
}
