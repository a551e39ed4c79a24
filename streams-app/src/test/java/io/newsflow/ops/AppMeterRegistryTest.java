package io.newsflow.ops;

import io.newsflow.metrics.AppMeterRegistry;
import io.newsflow.metrics.MetricsRegistryFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppMeterRegistryTest {

    @TempDir
    Path stateDir;

    @Test
    void registryCarriesTheApplicationTagAndJvmProcessMetrics() {
        try (AppMeterRegistry metrics = MetricsRegistryFactory.create("newsflow-test")) {
            String scrape = metrics.registry().scrape();

            for (String family : Set.of("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "process_cpu_usage", "system_cpu_count", "process_uptime_seconds")) {
                assertTrue(scrape.contains("\n" + family + "{"), family + " missing in\n" + scrape);
            }
            assertTrue(scrape.contains("application=\"newsflow-test\""), scrape);
        }
    }

    /**
     * The dashboards and alert rules name Kafka Streams meters; this pins the names Micrometer's binder
     * gives them for a client whose threads exist (no broker needed: the client is never started).
     */
    @Test
    void kafkaStreamsBinderExportsThreadAndClientMetricsUntilClosed() {
        try (AppMeterRegistry metrics = MetricsRegistryFactory.create("newsflow-test");
             KafkaStreams streams = trivialStreams()) {
            AppMeterRegistry.KafkaStreamsBinding binder = metrics.bindKafkaStreams(streams);
            String scrape = metrics.registry().scrape();

            for (String family : Set.of("kafka_stream_thread_process_total", "kafka_stream_thread_process_rate",
                    "kafka_stream_thread_commit_latency_avg", "kafka_stream_alive_stream_threads",
                    "kafka_consumer_fetch_manager_records_lag_max")) {
                assertTrue(scrape.contains("\n" + family + "{"), family + " missing in\n" + scrape);
            }

            binder.close();
            assertFalse(metrics.registry().scrape().contains("kafka_stream_thread_process_total"));
        }
    }

    private KafkaStreams trivialStreams() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-binding-test");
        // Never contacted: the client is constructed, not started.
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        return new KafkaStreams(builder.build(), props);
    }
}
