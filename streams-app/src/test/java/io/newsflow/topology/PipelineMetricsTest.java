package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.ExportedMetrics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.AliasDictionary;
import io.newsflow.text.EntityDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The domain metrics: names as in docs/metrics.md, bounded labels, values that move. */
class PipelineMetricsTest {

    @Test
    void untrackedSymbolsAreCountedAsOtherButGetNoGaugeThatWouldMixThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 10);
        metrics.lastPrice("META", 600);
        metrics.lastPrice("XYZ", 12);
        metrics.lastPrice("ABC", 13);
        metrics.priceReturn("XYZ", "5m", 0.2);
        metrics.marketReaction("XYZ", "1h", 0.1, 0.05);
        metrics.creditEquityDivergence("XYZ", true);
        metrics.alert("XYZ", "5m", "UP");
        metrics.alert("ABC", "5m", "UP");
        assertEquals(600.0, registry.find("newsflow.price.last").tag("symbol", "META").gauge().value());
        assertEquals(1, registry.find("newsflow.price.last").gauges().size());
        assertNull(registry.find("newsflow.price.return.ratio").gauge());
        assertNull(registry.find("newsflow.market.reaction.return.ratio").gauge());
        assertNull(registry.find("newsflow.credit.equity.divergence").gauge());
        assertEquals(2.0, registry.find("newsflow.alerts").tag("symbol", PipelineMetrics.OTHER).counter().count());
    }

    @Test
    void theWholeEntityUniverseAddsNoLabelBeyondTheTrackedSymbols() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META", "NVDA", "7203.T"), 10);
        List<String> tickers = AliasDictionary.defaults().entities().stream()
                .map(EntityDefinition::ticker).filter(Objects::nonNull).toList();
        assertTrue(tickers.size() > 700, "universe size " + tickers.size());
        for (String ticker : tickers) {
            metrics.articleScored(ticker, "en");
            metrics.sentimentRolling(ticker, "1h", 0.1, 1.0, 1);
        }
        Set<String> labels = registry.find("newsflow.articles.scored").counters().stream()
                .map(c -> c.getId().getTag("ticker")).collect(Collectors.toSet());
        assertEquals(Set.of("META", "NVDA", "7203.T", PipelineMetrics.OTHER), labels);
        assertEquals(3, registry.find("newsflow.sentiment.rolling").gauges().size());
    }

    @Test
    void onlyTheMostRecentlyUpdatedDealsKeepGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 2);
        metrics.bondBook("D1", "META", "USD", 10, 5, 2.0, 100.0, 0.0);
        metrics.bondBook("D2", "META", "USD", 10, 5, 2.0, 100.0, 0.0);
        metrics.bondBook("D1", "META", "USD", 20, 5, 4.0, 90.0, 10.0);
        metrics.bondBook("D3", "META", "USD", 10, 5, 2.0, null, null);
        assertNull(registry.find("newsflow.bond.order.book").tag("deal", "D2").gauge());
        assertEquals(20.0, registry.find("newsflow.bond.order.book").tag("deal", "D1").gauge().value());
        assertNotNull(registry.find("newsflow.bond.oversubscription.ratio").tag("deal", "D3").gauge());
    }

    @Test
    void prometheusNamesMatchTheCatalogue() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 5);
        ExportedMetrics.exerciseDomainMetrics(metrics);

        String scrape = registry.scrape();
        for (String name : List.of("newsflow_sentiment_rolling{", "newsflow_sentiment_buzz_ratio{",
                "newsflow_sentiment_window_articles{", "newsflow_articles_scored_total{",
                "newsflow_articles_duplicate_total{", "newsflow_price_last{", "newsflow_price_return_ratio{",
                "newsflow_market_reaction_return_ratio{", "newsflow_market_reaction_abnormal_return_ratio{",
                "newsflow_bond_order_book{", "newsflow_bond_target_size{", "newsflow_bond_oversubscription_ratio{",
                "newsflow_bond_spread_ratio{", "newsflow_bond_spread_tightening_ratio{",
                "newsflow_credit_equity_divergence{", "newsflow_alerts_total{", "newsflow_dead_letters_total{",
                "newsflow_records_processed_total{", "newsflow_end_to_end_lag_seconds_bucket{")) {
            assertTrue(scrape.contains(name), name + " missing from:\n" + scrape);
        }
        assertTrue(scrape.contains("newsflow_end_to_end_lag_seconds_count{stream=\"ticks\"} 1"));
        assertTrue(scrape.contains("newsflow_credit_equity_divergence{issuer=\"META\"} 1"));
        // base units: basis points as fractions
        assertTrue(scrape.contains("newsflow_bond_spread_ratio{deal=\"META-1\",issuer=\"META\"} 0.0103"), scrape);
        assertTrue(scrape.contains("newsflow_bond_spread_tightening_ratio{deal=\"META-1\",issuer=\"META\"} 0.0032"), scrape);
    }
}
