package io.newsflow.ingest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.config.DurationParser;
import io.newsflow.ingest.Times;
import io.newsflow.ingest.bond.BondDealSpec;
import io.newsflow.ingest.bond.TrancheSpec;
import io.newsflow.ingest.tick.Shock;
import io.newsflow.ingest.tick.SymbolSpec;
import io.newsflow.ingest.tick.TickSimulationSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads simulator specs from YAML (or JSON) trees. Tick spec keys: seed, from, to, interval,
 * venue, currency, symbols [{symbol, start, drift, volatility, maxSize}], shocks ["META -11% FROM TO"].
 * Deal spec keys: dealId, issuerName, issuerSymbol, currency, finalBookSize, headlineTenor,
 * tighteningBps, announceAt, pricingAt, updateInterval, steepness, tranches [{tenor, size,
 * initialSpreadBps, couponPct}]. Amounts may be written 30B.
 */
public final class SpecReader {

    private SpecReader() {
    }

    public static TickSimulationSpec ticks(JsonNode node) {
        List<SymbolSpec> symbols = new ArrayList<>();
        for (JsonNode s : node.path("symbols")) {
            symbols.add(new SymbolSpec(required(s, "symbol").asText(), required(s, "start").asDouble(),
                    s.path("drift").asDouble(0.0), s.path("volatility").asDouble(0.2), s.path("maxSize").asLong(2000)));
        }
        List<Shock> shocks = new ArrayList<>();
        for (JsonNode s : node.path("shocks")) {
            shocks.add(Shock.parse(s.asText()));
        }
        return new TickSimulationSpec(symbols, node.path("seed").asLong(1L), Times.parse(required(node, "from").asText()),
                Times.parse(required(node, "to").asText()), DurationParser.parse(node.path("interval").asText("30s")),
                shocks, node.hasNonNull("venue") ? node.get("venue").asText() : null,
                node.path("currency").asText("USD"));
    }

    public static BondDealSpec deal(JsonNode node) {
        List<TrancheSpec> tranches = new ArrayList<>();
        for (JsonNode t : node.path("tranches")) {
            tranches.add(new TrancheSpec(required(t, "tenor").asText(), amount(required(t, "size")),
                    required(t, "initialSpreadBps").asDouble(), required(t, "couponPct").asDouble()));
        }
        return new BondDealSpec(required(node, "dealId").asText(), required(node, "issuerName").asText(),
                node.hasNonNull("issuerSymbol") ? node.get("issuerSymbol").asText() : null,
                node.path("currency").asText("USD"), amount(required(node, "finalBookSize")),
                required(node, "headlineTenor").asText(), tranches, node.path("tighteningBps").asDouble(0),
                Times.parse(required(node, "announceAt").asText()), Times.parse(required(node, "pricingAt").asText()),
                DurationParser.parse(node.path("updateInterval").asText("30m")), node.path("steepness").asDouble(6.0));
    }

    static long amount(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        String s = node.asText().strip().toUpperCase();
        double multiplier = s.endsWith("B") ? 1e9 : s.endsWith("M") ? 1e6 : s.endsWith("K") ? 1e3 : 1;
        String digits = multiplier == 1 ? s : s.substring(0, s.length() - 1);
        return Math.round(Double.parseDouble(digits) * multiplier);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v;
    }
}
