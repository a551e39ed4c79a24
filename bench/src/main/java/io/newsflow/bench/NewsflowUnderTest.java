package io.newsflow.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.NewsflowTopology;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * Builds the newsflow topology the way the app does (default topology settings, shipped text
 * analysis, Prometheus metrics registry), so the benchmark pays the same per-record metric costs.
 */
final class NewsflowUnderTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Topology topology;

    NewsflowUnderTest(Map<String, Object> serdeConfig, List<String> trackedSymbols, int maxDeals) {
        TextAnalysis text = TextAnalysis.defaults();
        this.topology = new NewsflowTopology(TopologySettings.defaults(), text.entityResolver(), text.sentimentScorer(),
                text.fingerprinter(), new PipelineMetrics(registry, trackedSymbols, maxDeals),
                TopologySerdes.avro(serdeConfig)).build();
    }

    Topology topology() {
        return topology;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
