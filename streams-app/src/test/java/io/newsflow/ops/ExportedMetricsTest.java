package io.newsflow.ops;

import io.newsflow.metrics.ExportedMetrics;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportedMetricsTest {

    @Test
    void scrapeYieldsTheSeriesNamesPrometheusStores() {
        String text = """
                # HELP newsflow_alerts_total sharp-move alerts
                # TYPE newsflow_alerts_total counter
                newsflow_alerts_total{application="newsflow",direction="down",symbol="META",window="15m"} 1.0
                # TYPE newsflow_end_to_end_lag_seconds histogram
                newsflow_end_to_end_lag_seconds_bucket{le="0.1",stream="ticks"} 3
                newsflow_end_to_end_lag_seconds_count{stream="ticks"} 3
                newsflow_end_to_end_lag_seconds_sum{stream="ticks"} 0.2
                # TYPE newsflow_price_last gauge
                # HELP announced_but_never_sampled nothing
                # TYPE announced_but_never_sampled gauge
                process_uptime_seconds 12.5
                # EOF
                """;

        assertEquals(Set.of("newsflow_alerts_total", "newsflow_end_to_end_lag_seconds_bucket",
                "newsflow_end_to_end_lag_seconds_count", "newsflow_end_to_end_lag_seconds_sum",
                "process_uptime_seconds"), ExportedMetrics.fromScrape(text));
    }

    @Test
    void catalogueRowsExpandHistogramsAndLeaveWildcardsToTheScrape() {
        String markdown = """
                | metric | type | labels | meaning |
                |---|---|---|---|
                | `newsflow_sentiment_rolling` | gauge | ticker, window | mean sentiment |
                | `newsflow_alerts_total` | counter | symbol | alerts |
                | `newsflow_end_to_end_lag_seconds` | histogram | stream | lag |
                | `kafka_stream_*` | various | (binder) | Kafka Streams |
                Some prose mentioning `not_a_row`.
                """;

        assertEquals(Set.of("newsflow_sentiment_rolling", "newsflow_alerts_total",
                "newsflow_end_to_end_lag_seconds_bucket", "newsflow_end_to_end_lag_seconds_sum",
                "newsflow_end_to_end_lag_seconds_count"), ExportedMetrics.fromCatalogue(markdown));
    }
}
