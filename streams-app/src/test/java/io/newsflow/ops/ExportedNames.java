package io.newsflow.ops;

import io.newsflow.metrics.AppMeterRegistry;
import io.newsflow.metrics.ExportedMetrics;
import io.newsflow.metrics.MetricsRegistryFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Where the dashboard and rule checks get "the names the app exports" from.
 * <p>
 * Today: the contract in docs/metrics.md (domain metrics) plus a real scrape of the app's registry
 * factory with Micrometer's Kafka Streams binder attached to a constructed (never started) client, so
 * the {@code kafka_*}, {@code jvm_*}, {@code process_*} names are the binders' actual output, not a
 * hand-written list.
 * <p>
 * Against the running app: {@code -Dnewsflow.metrics.scrape.url=http://localhost:9404/metrics} makes
 * {@link #SOURCE} a scrape of that endpoint instead (run it after the scenario has produced records of
 * every kind: labelled gauges only appear once set). Coordinator: to make the live scrape the default,
 * point {@link #SOURCE} at {@link #scrape(String)} in a test that starts the demo first.
 */
final class ExportedNames {

    /** Series Prometheus itself creates for every target or rule; never on the app's /metrics. */
    static final Set<String> PROMETHEUS_GENERATED = Set.of(
            "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
            "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    static final Supplier<Set<String>> SOURCE = System.getProperty("newsflow.metrics.scrape.url") != null
            ? () -> scrape(System.getProperty("newsflow.metrics.scrape.url"))
            : ExportedNames::catalogueAndBinders;

    private static Set<String> cached;

    private ExportedNames() {
    }

    /** Series names currently on a live /metrics endpoint. */
    static Set<String> scrape(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return ExportedMetrics.fromScrape(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized Set<String> catalogueAndBinders() {
        if (cached == null) {
            Set<String> names = new TreeSet<>(ExportedMetrics.fromCatalogue(RepoFiles.read("docs/metrics.md")));
            names.addAll(ExportedMetrics.fromScrape(binderScrape()));
            cached = Set.copyOf(names);
        }
        return cached;
    }

    private static String binderScrape() {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("newsflow-exported-names");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "exported-names");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"); // never contacted: not started
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        try (AppMeterRegistry metrics = MetricsRegistryFactory.create("newsflow");
             KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            metrics.bindKafkaStreams(streams);
            return metrics.registry().scrape();
        }
    }
}
