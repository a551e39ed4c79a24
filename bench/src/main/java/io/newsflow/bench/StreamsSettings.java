package io.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams properties of one benchmark run: the app's own settings (processing guarantee, commit
 * interval, any kafka.streams.* key) plus what makes each run independent: a fresh application.id and
 * state directory, and where to start reading.
 */
final class StreamsSettings {

    private final BenchClients clients;
    private final Map<String, Object> appStreamsConfig;

    /** @param appStreamsConfig the app's Kafka Streams settings, applied first (benchmark-specific keys win) */
    StreamsSettings(BenchClients clients, Map<String, Object> appStreamsConfig) {
        this.clients = clients;
        this.appStreamsConfig = appStreamsConfig;
    }

    Properties forRun(String applicationIdPrefix, String offsetReset) {
        Properties props = new Properties();
        props.putAll(appStreamsConfig);
        props.putAll(clients.serdeConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationIdPrefix + "-" + System.nanoTime());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class); // as NewsflowApp
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), offsetReset);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("newsflow-bench-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    Object setting(String key, Object defaultValue) {
        return appStreamsConfig.getOrDefault(key, defaultValue);
    }

    String processingGuarantee() {
        Object value = appStreamsConfig.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        return value == null ? StreamsConfig.AT_LEAST_ONCE : value.toString();
    }

    boolean exactlyOnce() {
        return processingGuarantee().startsWith("exactly_once");
    }

    String describe() {
        return "Kafka Streams settings: " + appStreamsConfig;
    }
}
