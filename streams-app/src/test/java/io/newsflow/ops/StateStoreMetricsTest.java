package io.newsflow.ops;

import static io.newsflow.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.metrics.AppMeterRegistry;
import io.newsflow.metrics.MetricsRegistryFactory;
import io.newsflow.metrics.MetricsServer;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-memory and a RocksDB store in one app: /metrics exports the state metrics both kinds share
 * for each of them (Kafka tags them with different keys, which Prometheus would refuse for one kind).
 */
@Tag("broker")
class StateStoreMetricsTest {

    private static final String IN_MEMORY = "in-memory-store";
    private static final String ROCKSDB = "rocksdb-store";

    @TempDir
    Path stateDir;

    @Test
    void bothKindsOfStoreExportTheirSharedMetricsOnMetrics() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             AppMeterRegistry meters = MetricsRegistryFactory.create("state-metrics-test")) {
            broker.createTopic("in", 1);
            try (KafkaStreams streams = new KafkaStreams(twoStoreTopology(), props(broker));
                 AppMeterRegistry.KafkaStreamsBinding binding = meters.bindKafkaStreams(streams)) {
                MetricsServer server = new MetricsServer(meters.registry(), streams::state,
                        new InetSocketAddress("127.0.0.1", 0)).start();
                try {
                    streams.start();
                    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                            new StringSerializer(), new StringSerializer())) {
                        producer.send(new ProducerRecord<>("in", "k", "v")).get();
                    }
                    // the binder re-reads the client's metric list every 10 s
                    String scrape = await("both stores' metrics scraped").atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(500)).until(() -> scrape(server), StateStoreMetricsTest::hasBoth);
                    for (String store : List.of("in-memory:" + IN_MEMORY, "rocksdb:" + ROCKSDB)) {
                        for (String shared : List.of("kafka_stream_state_put_latency_max", "kafka_stream_state_range_latency_max")) {
                            assertTrue(scrape.lines().anyMatch(l -> l.startsWith(shared + "{")
                                    && l.contains("state_id=\"" + store + "\"")), shared + " of " + store + " missing");
                        }
                    }
                    assertEquals(0, scrape.lines().filter(l -> l.contains("rocksdb_state_id=")
                            || l.contains("in_memory_state_id=")).count(), "one label name for every kind");
                } finally {
                    server.close();
                }
            }
        }
    }

    private static boolean hasBoth(String scrape) {
        return scrape.contains("state_id=\"in-memory:" + IN_MEMORY + "\"") && scrape.contains("state_id=\"rocksdb:" + ROCKSDB + "\"")
                && scrape.contains("kafka_stream_state_range_latency_max{");
    }

    private static String scrape(MetricsServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static org.apache.kafka.streams.Topology twoStoreTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(IN_MEMORY),
                Serdes.String(), Serdes.String()).withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROCKSDB),
                Serdes.String(), Serdes.String()).withLoggingDisabled());
        builder.<String, String>stream("in").process(() -> new Processor<String, String, Void, Void>() {
            private KeyValueStore<String, String> memory;
            private KeyValueStore<String, String> disk;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                memory = context.getStateStore(IN_MEMORY);
                disk = context.getStateStore(ROCKSDB);
            }

            @Override
            public void process(Record<String, String> record) {
                memory.put(record.key(), record.value());
                disk.put(record.key(), record.value());
            }
        }, IN_MEMORY, ROCKSDB);
        return builder.build();
    }

    private Properties props(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "state-metrics-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return props;
    }
}
