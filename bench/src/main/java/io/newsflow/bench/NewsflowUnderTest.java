package io.newsflow.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.NewsflowTopology;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import io.newsflow.config.AppConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * Builds the newsflow topology the way {@code io.newsflow.runtime.NewsflowApp} does (topology and text
 * settings from the app configuration, Prometheus metrics registry), so the benchmark pays the same
 * per-record costs, metrics included.
 */
final class NewsflowUnderTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Topology topology;

    NewsflowUnderTest(AppConfig config, Map<String, Object> serdeConfig) {
        Map<String, String> settings = new HashMap<>();
        config.asMap().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        TextAnalysis text = TextAnalysis.fromConfig(config.asMap());
        PipelineMetrics metrics = new PipelineMetrics(registry, config.getList("metrics.tracked.symbols"),
                config.getInt("metrics.max.deals"));
        this.topology = new NewsflowTopology(TopologySettings.fromMap(settings), text.entityResolver(),
                text.sentimentScorer(), text.fingerprinter(), metrics, TopologySerdes.avro(serdeConfig)).build();
    }

    Topology topology() {
        return topology;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
