package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class AvroSerdesTest {

    private static final PriceTick TICK = PriceTick.newBuilder()
            .setSymbol("META").setVenue("XNAS").setPrice(666.47).setSize(100)
            .setEventTime(Instant.parse("2025-10-30T13:30:00Z")).build();

    private static AppConfig config() {
        return AppConfig.defaults().with("schema.registry.url", "mock://avro-serdes-" + UUID.randomUUID());
    }

    @Test
    void defaultSerdeRoundTripsASpecificRecordInConfluentWireFormat() {
        try (Serde<PriceTick> serde = AvroSerdes.valueSerde(config())) {
            byte[] bytes = serde.serializer().serialize("market.price-ticks", TICK);

            assertEquals(0, bytes[0], "magic byte");
            assertTrue(ByteBuffer.wrap(bytes, 1, 4).getInt() >= 0, "schema id");
            assertEquals(TICK, serde.deserializer().deserialize("market.price-ticks", bytes));
        }
    }

    @Test
    void producerSerializerAndConsumerDeserializerShareTheConfiguredRegistry() {
        AppConfig config = config();
        try (Serializer<Object> serializer = AvroSerdes.valueSerializer(config);
             Deserializer<Object> deserializer = AvroSerdes.valueDeserializer(config)) {
            byte[] bytes = serializer.serialize("market.price-ticks", TICK);

            Object read = deserializer.deserialize("market.price-ticks", bytes);

            assertInstanceOf(PriceTick.class, read, "specific.avro.reader defaults to true for the deserializer");
            assertEquals(TICK, read);
        }
    }

    @Test
    void passesOnlyRegistryKeysToTheConfiguredClass() {
        AppConfig config = config().with(Map.of(
                "value.serde.class", RecordingSerde.class.getName(),
                "schema.registry.basic.auth.user.info", "u:p",
                "basic.auth.credentials.source", "USER_INFO",
                "use.latest.version", "true",
                "auto.register.schemas", "false"));

        RecordingSerde serde = (RecordingSerde) (Serde<?>) AvroSerdes.valueSerde(config);

        Map<String, Object> expected = new HashMap<>();
        expected.put("schema.registry.url", config.getString("schema.registry.url"));
        expected.put("schema.registry.basic.auth.user.info", "u:p");
        expected.put("basic.auth.credentials.source", "USER_INFO");
        expected.put("use.latest.version", "true");
        expected.put("auto.register.schemas", "false");
        assertEquals(expected, serde.configs);
        assertEquals(Boolean.FALSE, serde.isKey);
    }

    @Test
    void unknownOrWrongClassesAreConfigurationErrors() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> AvroSerdes.valueSerde(config().with("value.serde.class", "com.example.NoSuchSerde")));
        assertTrue(missing.getMessage().contains("'value.serde.class' = 'com.example.NoSuchSerde'"), missing.getMessage());

        ConfigException wrongType = assertThrows(ConfigException.class,
                () -> AvroSerdes.valueSerializer(config().with("value.serializer.class", String.class.getName())));
        assertTrue(wrongType.getMessage().contains("is not a org.apache.kafka.common.serialization.Serializer"),
                wrongType.getMessage());

        assertThrows(ConfigException.class, () -> AvroSerdes.valueSerde(config().with("schema.registry.url", "")));
    }

    @Test
    void aKafkaRegistryUrlWithoutAClusterMeansTheTopicOnBootstrapServers() {
        AppConfig defaults = AppConfig.defaults();
        assertEquals("kafka://127.0.0.1:9092,127.0.0.1:9093/_newsflow_schemas", AvroSerdes.registryUrl(
                defaults.with("bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9093")));
        assertEquals("kafka://127.0.0.1:9092", AvroSerdes.registryUrl(defaults
                .with("bootstrap.servers", "127.0.0.1:9092").with("schema.registry.url", "kafka://")));
        assertEquals("kafka://other:9092/_registry", AvroSerdes.registryUrl(defaults
                .with("bootstrap.servers", "127.0.0.1:9092").with("schema.registry.url", "kafka://other:9092/_registry")));
        assertEquals("http://registry:8081", AvroSerdes.registryUrl(defaults.with("schema.registry.url", "http://registry:8081")));
        ConfigException noCluster = assertThrows(ConfigException.class, () -> AvroSerdes.registryUrl(defaults));
        assertTrue(noCluster.getMessage().contains("bootstrap.servers"), noCluster.getMessage());
    }

    /** Stands in for a third-party serde (e.g. Confluent's): records what it was configured with. */
    public static final class RecordingSerde extends Serdes.WrapperSerde<Object> {
        Map<String, Object> configs;
        Boolean isKey;

        public RecordingSerde() {
            super((Serializer<Object>) (topic, data) -> null, (Deserializer<Object>) (topic, data) -> null);
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            this.configs = new HashMap<>(configs);
            this.isKey = isKey;
        }
    }
}
