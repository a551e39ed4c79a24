package io.newsflow.topology.market.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarksTest {

    private final Benchmarks benchmarks = new Benchmarks("QQQ", List.of(".T=1306.T", "JPM=SPY", "7203.T=1321.T"));

    @Test
    void aTickersOwnEntryWinsOverItsExchangeSuffixWhichWinsOverTheDefault() {
        assertEquals("1321.T", benchmarks.of("7203.T"));
        assertEquals("1306.T", benchmarks.of("6758.T"));
        assertEquals("SPY", benchmarks.of("JPM"));
        assertEquals("QQQ", benchmarks.of("META"));
        assertEquals("QQQ", benchmarks.of("BRK.B"), "a suffix without an entry is no exchange");
    }

    @Test
    void everyBenchmarkIsKnownAsOne() {
        assertTrue(benchmarks.isBenchmark("QQQ"));
        assertTrue(benchmarks.isBenchmark("1306.T"));
        assertTrue(benchmarks.isBenchmark("SPY"));
        assertFalse(benchmarks.isBenchmark("META"));
    }

    @Test
    void withoutEntriesEveryTickerHasTheDefault() {
        assertEquals("QQQ", new Benchmarks("QQQ", List.of("")).of("7203.T"));
    }

    @Test
    void anEntryWithoutABenchmarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Benchmarks("QQQ", List.of(".T=")));
    }
}
