package io.newsflow.topology.market.study;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which benchmark each ticker is measured against ({@code reaction.benchmarks}): an entry
 * {@code TICKER=BENCHMARK} names one ticker, an entry {@code .SUFFIX=BENCHMARK} every ticker with that
 * exchange suffix (Tokyo listings end in {@code .T}); every other ticker uses {@code reaction.benchmark}.
 * A ticker's own entry wins over its suffix's.
 */
public final class Benchmarks {

    private final String fallback;
    private final Map<String, String> byTicker = new TreeMap<>();
    private final Map<String, String> bySuffix = new TreeMap<>();
    private final Set<String> symbols = new TreeSet<>();

    public Benchmarks(String fallback, List<String> entries) {
        this.fallback = fallback;
        symbols.add(fallback);
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue; // reaction.benchmarks= (empty): one benchmark for all
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("reaction.benchmarks entry '" + entry + "' is not KEY=BENCHMARK");
            }
            String key = entry.substring(0, eq).trim();
            String benchmark = entry.substring(eq + 1).trim();
            (key.startsWith(".") ? bySuffix : byTicker).put(key, benchmark);
            symbols.add(benchmark);
        }
    }

    /** The benchmark of {@code ticker}. */
    public String of(String ticker) {
        String own = byTicker.get(ticker);
        if (own != null) {
            return own;
        }
        int dot = ticker.lastIndexOf('.');
        if (dot > 0) {
            String bySuffixEntry = bySuffix.get(ticker.substring(dot));
            if (bySuffixEntry != null) {
                return bySuffixEntry;
            }
        }
        return fallback;
    }

    /** Whether {@code symbol} is some ticker's benchmark (its ticks then go to every task). */
    public boolean isBenchmark(String symbol) {
        return symbols.contains(symbol);
    }
}
