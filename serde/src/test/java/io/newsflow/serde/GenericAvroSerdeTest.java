package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GenericAvroSerde reads any record as GenericRecord, generated class on the classpath or not. */
class GenericAvroSerdeTest {

    private static final String TOPIC = "market.price-ticks";

    private final String scope = "generic-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"); // a shared config may say so; the generic serde overrides it

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void readsARecordWrittenFromAGeneratedClassAsAGenericRecordWithTheSameFields() {
        PriceTick tick = TestRecords.priceTick();
        try (SpecificAvroSerde<PriceTick> specific = new SpecificAvroSerde<>(); GenericAvroSerde generic = new GenericAvroSerde()) {
            specific.configure(config, false);
            generic.configure(config, false);

            GenericRecord read = generic.deserializer().deserialize(TOPIC, specific.serializer().serialize(TOPIC, tick));

            assertFalse(read instanceof PriceTick);
            assertEquals("META", read.get("symbol").toString());
            assertEquals(tick.getEventTime().toEpochMilli(), read.get("eventTime"));
            assertNull(read.get("ask"));
            assertEquals(tick, specific.deserializer().deserialize(TOPIC, generic.serializer().serialize(TOPIC, read)),
                    "and writes it back to the same bytes a specific reader understands");
        }
    }

    @Test
    void aPrimitiveOnTheTopicIsRefusedAsNotARecord() {
        try (KafkaAvroSerializer strings = new KafkaAvroSerializer(); GenericAvroSerde generic = new GenericAvroSerde()) {
            strings.configure(config, false);
            generic.configure(config, false);
            byte[] bytes = strings.serialize(TOPIC, "not a record");

            SerializationException e = assertThrows(SerializationException.class, () -> generic.deserializer().deserialize(TOPIC, bytes));

            assertEquals("Record on topic 'market.price-ticks' is a java.lang.String, not a org.apache.avro.generic.GenericRecord",
                    e.getMessage());
        }
    }
}
