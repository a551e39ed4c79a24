package io.newsflow.ingest.tick;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything the tick simulator needs; equal specs give equal ticks. */
public record TickSimulationSpec(List<SymbolSpec> symbols, long seed, Instant from, Instant to, Duration interval,
        List<Shock> shocks, String venue, String currency) {

    public TickSimulationSpec {
        symbols = List.copyOf(symbols);
        shocks = List.copyOf(shocks);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' must be after 'from'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tick interval must be positive");
        }
    }
}
