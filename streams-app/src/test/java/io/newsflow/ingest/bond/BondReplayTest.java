package io.newsflow.ingest.bond;

import static io.newsflow.ingest.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.ingest.BadInputException;
import io.newsflow.ingest.Parsed;
import io.newsflow.ingest.Problem;
import io.newsflow.ingest.TextFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BondReplayTest {

    @Test
    void csvRowsBecomeUpdatesWithAmountsInWholeUnits() throws BadInputException {
        Parsed<BondBookUpdate> parsed = new BondCsvParser().parse(TextFiles.read(resource("bonds.csv"), Long.MAX_VALUE), "bonds.csv");

        List<BondBookUpdate> updates = parsed.records();
        assertEquals(3, updates.size());
        BondBookUpdate announced = updates.get(0);
        assertEquals("META-2025-10-30", announced.getDealId());
        assertEquals("Meta Platforms Inc.", announced.getIssuerName());
        assertEquals("META", announced.getIssuerSymbol());
        assertEquals("10Y", announced.getTrancheTenor());
        assertEquals(30_000_000_000L, announced.getTargetSize());
        assertEquals(0L, announced.getOrderBookSize());
        assertEquals(140.0, announced.getSpreadGuidanceBps());
        assertNull(announced.getCouponPct());
        assertEquals(BondStatus.ANNOUNCED, announced.getStatus());
        assertEquals(Instant.parse("2025-10-30T12:00:00Z"), announced.getEventTime());
        assertEquals("USD", updates.get(1).getCurrency(), "empty currency defaults to USD");
        BondBookUpdate priced = updates.get(2);
        assertEquals(125_000_000_000L, priced.getOrderBookSize());
        assertEquals(4.875, priced.getCouponPct());
        assertEquals(Instant.parse("2025-10-30T20:00:00Z"), priced.getEventTime(), "epoch millis");
    }

    @Test
    void csvRowsBreakingTheSchemaRulesAreReported() throws BadInputException {
        List<Problem> problems = new BondCsvParser().parse(TextFiles.read(resource("bonds.csv"), Long.MAX_VALUE), "bonds.csv").problems();

        assertEquals(List.of(new Problem("bonds.csv:5", "targetSize must be > 0, was 0"),
                new Problem("bonds.csv:6", "unknown status 'SOLD' (ANNOUNCED, BOOKBUILDING, PRICED, CANCELLED)")), problems);
    }

    @Test
    void csvWithoutHeaderUsesTheDefaultColumnOrder() {
        Parsed<BondBookUpdate> parsed = new BondCsvParser().parse(
                "D1,Issuer,,,,500M,250M,,,BOOKBUILDING,2025-10-30T13:00Z\n", "f.csv");

        assertEquals(List.of(), parsed.problems());
        BondBookUpdate u = parsed.records().get(0);
        assertEquals(500_000_000L, u.getTargetSize());
        assertNull(u.getIssuerSymbol());
        assertNull(u.getSpreadGuidanceBps());
    }

    @Test
    void jsonLinesCarryTranchesAndBadLinesAreReported() throws BadInputException {
        Parsed<BondBookUpdate> parsed = new BondJsonLinesParser().parse(TextFiles.read(resource("bonds.jsonl"), Long.MAX_VALUE), "b.jsonl");

        assertEquals(2, parsed.records().size());
        BondBookUpdate acme = parsed.records().get(0);
        assertNull(acme.getIssuerSymbol());
        assertEquals(500_000_000L, acme.getTargetSize());
        assertEquals(List.of(), acme.getTranches());
        BondBookUpdate meta = parsed.records().get(1);
        assertEquals(List.of(
                new BondTranche("5Y", 4_000_000_000L, 75.0, 4.2, null),
                new BondTranche("10Y", 6_500_000_000L, 110.0, 4.875, null)), meta.getTranches());
        assertEquals(List.of(new Problem("b.jsonl:3", "orderBookSize must be >= 0, was -1"),
                new Problem("b.jsonl:4", "not a JSON object")), parsed.problems());
    }

    @Test
    void theWriterProducesWhatTheParserReads() {
        List<BondBookUpdate> simulated = new BondBookSimulator().simulate(BondBookSimulatorTest.metaDeal());

        String jsonl = new BondJsonLinesWriter().write(simulated);
        Parsed<BondBookUpdate> parsed = new BondJsonLinesParser().parse(jsonl, "round-trip");

        assertEquals(List.of(), parsed.problems());
        assertEquals(simulated, parsed.records());
        assertTrue(jsonl.lines().count() == simulated.size());
    }
}
