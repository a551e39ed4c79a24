package io.newsflow.bench;

import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.KafkaAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client factories for one benchmark run. Every client shares one in-process schema registry scope,
 * so what the loader registers, the passthrough and the topology can read.
 */
final class BenchClients {

    private final String bootstrapServers;
    private final String registryUrl;

    BenchClients(String bootstrapServers, String registryScope) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = AvroSerdeConfig.MOCK_SCHEME + registryScope;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return config;
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    /**
     * Avro producer. linger.ms=100 and the rest at client defaults match what Kafka Streams gives its
     * own producer, so the passthrough baseline and the topology write the same way.
     */
    KafkaProducer<String, Object> avroProducer(String clientId, int lingerMs) {
        Map<String, Object> props = new HashMap<>(serdeConfig());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(serdeConfig(), false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** Avro consumer, max.poll.records=1000 as Kafka Streams sets it; offsetReset is earliest or latest. */
    KafkaConsumer<String, Object> avroConsumer(String groupId, String offsetReset) {
        Map<String, Object> props = consumerProps(groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(serdeConfig(), false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    /** Consumer that leaves values undecoded: the latency probe only needs record timestamps. */
    KafkaConsumer<byte[], byte[]> rawConsumer(String groupId, boolean readCommitted) {
        Map<String, Object> props = consumerProps(groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> consumerProps(String groupId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return props;
    }
}
