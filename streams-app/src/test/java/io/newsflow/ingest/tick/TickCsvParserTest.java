package io.newsflow.ingest.tick;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.TextFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickCsvParserTest {

    private static String ticksCsv() throws BadInputException {
        return TextFiles.read(resource("ticks.csv"), Long.MAX_VALUE);
    }

    @Test
    void readsIsoAndEpochMillisTimestampsWithOrWithoutBidAsk() throws BadInputException {
        Parsed<PriceTick> parsed = new TickCsvParser().parse(ticksCsv(), "ticks.csv");

        List<PriceTick> ticks = parsed.records();
        assertEquals(List.of("META", "META", "GOOGL"), ticks.stream().map(PriceTick::getSymbol).toList());
        PriceTick first = ticks.get(0);
        assertEquals(Instant.parse("2025-10-29T19:59:30Z"), first.getEventTime());
        assertEquals(751.20, first.getPrice());
        assertEquals(300L, first.getSize());
        assertEquals(751.19, first.getBid());
        assertEquals(751.21, first.getAsk());
        assertEquals("USD", first.getCurrency());
        PriceTick epoch = ticks.get(1);
        assertEquals(Instant.parse("2025-10-29T20:00:00Z"), epoch.getEventTime());
        assertNull(epoch.getBid());
        assertNull(ticks.get(2).getAsk(), "four-column row");
    }

    @Test
    void invalidRowsAreReportedWithLineAndReasonAndSkipped() throws BadInputException {
        List<Problem> problems = new TickCsvParser().parse(ticksCsv(), "ticks.csv").problems();

        assertEquals(List.of("ticks.csv:4", "ticks.csv:5", "ticks.csv:6", "ticks.csv:7", "ticks.csv:8"),
                problems.stream().map(Problem::location).toList());
        assertEquals("invalid price NaN (must be finite and > 0)", problems.get(0).reason());
        assertEquals("invalid price 0 (must be finite and > 0)", problems.get(1).reason());
        assertTrue(problems.get(2).reason().startsWith("bad timestamp"), problems.get(2).reason());
        assertTrue(problems.get(3).reason().startsWith("expected 4 or 6 fields"), problems.get(3).reason());
        assertEquals("invalid size -5 (must be >= 0)", problems.get(4).reason());
    }

    @Test
    void withoutValidationInvalidValuesPassThroughButUnreadableRowsDoNot() throws BadInputException {
        Parsed<PriceTick> parsed = new TickCsvParser(false, "USD").parse(ticksCsv(), "ticks.csv");

        assertEquals(List.of("META", "META", "NVDA", "MSFT", "GOOGL", "GOOGL"),
                parsed.records().stream().map(PriceTick::getSymbol).toList());
        assertTrue(Double.isNaN(parsed.records().get(2).getPrice()));
        assertEquals(0.0, parsed.records().get(3).getPrice());
        assertEquals(List.of("ticks.csv:6", "ticks.csv:7"), parsed.problems().stream().map(Problem::location).toList());
    }

    @Test
    void headerIsOptional() {
        Parsed<PriceTick> parsed = new TickCsvParser().parse("# no header\nQQQ,2025-10-29T20:00Z,632.5,0\n", "f");

        assertEquals(1, parsed.records().size());
        assertEquals(Instant.parse("2025-10-29T20:00:00Z"), parsed.records().get(0).getEventTime());
        assertEquals(List.of(), parsed.problems());
    }
}
