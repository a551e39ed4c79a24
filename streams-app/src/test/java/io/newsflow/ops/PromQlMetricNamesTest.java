package io.newsflow.ops;

import io.newsflow.metrics.PromQlMetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PromQlMetricNamesTest {

    private static List<String> names(String expr) {
        return List.copyOf(PromQlMetricNames.extract(expr));
    }

    @Test
    void plainSelectorWithLabelMatchers() {
        assertEquals(List.of("newsflow_price_last"),
                names("newsflow_price_last{symbol=~\"$ticker\", job!=\"x\"}"));
    }

    @Test
    void functionsAggregationsAndGroupingLabelsAreNotMetrics() {
        assertEquals(List.of("newsflow_records_processed_total"),
                names("sum by (stream, application) (rate(newsflow_records_processed_total[$__rate_interval]))"));
        assertEquals(List.of("newsflow_alerts_total"),
                names("sum(increase(newsflow_alerts_total{direction=\"down\"}[15m])) without (instance)"));
    }

    @Test
    void histogramSeriesKeepTheirSuffix() {
        assertEquals(List.of("newsflow_end_to_end_lag_seconds_bucket"),
                names("histogram_quantile(0.99, sum by (le, stream) (rate(newsflow_end_to_end_lag_seconds_bucket[5m])))"));
    }

    @Test
    void binaryOperatorsWithVectorMatchingKeywords() {
        assertEquals(List.of("newsflow_bond_order_book", "newsflow_bond_target_size"),
                names("newsflow_bond_order_book / on (deal, issuer) group_left(currency) newsflow_bond_target_size"));
        assertEquals(List.of("up", "newsflow_records_processed_total"),
                names("up == 1 and on(instance) rate(newsflow_records_processed_total[5m]) == bool 0 unless absent(up)"));
    }

    @Test
    void numbersDurationsOffsetsAndVariablesAreSkipped() {
        assertEquals(List.of("newsflow_sentiment_rolling"),
                names("newsflow_sentiment_rolling offset 1h - 1e-3 * 0x1F + Inf - NaN > ${threshold} and 5m30s"));
        assertEquals(Set.of(), PromQlMetricNames.extract("vector(1) * 2.5"));
    }

    @Test
    void nameMatcherSelectsByName() {
        assertEquals(List.of("newsflow_price_last"), names("{__name__=\"newsflow_price_last\", symbol=\"META\"}"));
    }

    @Test
    void stringsAndCommentsDoNotLeakNames() {
        assertEquals(List.of("newsflow_dead_letters_total"),
                names("label_replace(newsflow_dead_letters_total, \"why\", \"$1 not_a_metric\", \"reason\", \"(.*)\") # fake_metric"));
    }

    @Test
    void subqueriesAndAtModifiers() {
        assertEquals(List.of("newsflow_sentiment_rolling"),
                names("max_over_time(deriv(newsflow_sentiment_rolling[10m])[1h:1m]) @ end()"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(x[5m])", "sum by (a) (x{b=\"}\"})", "x{a='(' }"})
    void balancedExpressionsHaveNoProblem(String expr) {
        assertNull(PromQlMetricNames.syntaxProblem(expr));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "rate(x[5m]", "sum(x))", "x{a=\"b}", "rate(x[5m)]"})
    void unbalancedOrEmptyExpressionsAreReported(String expr) {
        assertNotNull(PromQlMetricNames.syntaxProblem(expr));
    }
}
