package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer on the current generated classes reads records a producer wrote with an older schema
 * version: Avro resolves writer (from the registry, by id) against reader (the class) and fills
 * the fields the old writer lacked with their defaults.
 */
class OlderWriterSchemaTest {

    /** PriceTick as a first producer might have had it: no venue, currency, bid or ask. */
    private static final Schema PRICE_TICK_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "PriceTick", "namespace": "io.newsflow.avro", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "price", "type": "double"},
              {"name": "size", "type": "long"},
              {"name": "eventTime", "type": {"type": "long", "logicalType": "timestamp-millis"}}
            ]}""");

    private final String scope = "older-writer-" + UUID.randomUUID();
    private final Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aV1RecordIsReadIntoTheCurrentClassWithDefaultsFilledIn() {
        GenericRecord v1 = new GenericData.Record(PRICE_TICK_V1);
        v1.put("symbol", "META");
        v1.put("price", 666.47);
        v1.put("size", 300L);
        v1.put("eventTime", Instant.parse("2025-10-30T14:30:00Z").toEpochMilli());
        byte[] written;
        try (KafkaAvroSerializer oldProducer = new KafkaAvroSerializer()) {
            oldProducer.configure(config, false);
            written = oldProducer.serialize("market.price-ticks", v1);
        }

        PriceTick read;
        try (SpecificAvroSerde<PriceTick> currentConsumer = new SpecificAvroSerde<>()) {
            currentConsumer.configure(config, false);
            read = currentConsumer.deserializer().deserialize("market.price-ticks", written);
        }

        assertEquals("META", read.getSymbol());
        assertEquals(666.47, read.getPrice());
        assertEquals(300L, read.getSize());
        assertEquals(Instant.parse("2025-10-30T14:30:00Z"), read.getEventTime());
        assertEquals("USD", read.getCurrency(), "default of a field v1 lacked");
        assertNull(read.getVenue());
        assertNull(read.getBid());
        assertNull(read.getAsk());
    }

    @Test
    void theCurrentSchemaRegistersAsVersion2AfterV1UnderBackwardCompatibility() {
        MockSchemaRegistry.forScope(scope).register("market.price-ticks-value", PRICE_TICK_V1);
        try (SpecificAvroSerde<PriceTick> currentProducer = new SpecificAvroSerde<>()) {
            currentProducer.configure(config, false);
            byte[] bytes = currentProducer.serializer().serialize("market.price-ticks", TestRecords.priceTick());

            assertEquals(TestRecords.priceTick(), currentProducer.deserializer().deserialize("market.price-ticks", bytes));
        }
        assertEquals(2, MockSchemaRegistry.forScope(scope).latest("market.price-ticks-value").version());
    }

    @Test
    void aGenericConsumerSeesTheRecordInItsWriterSchema() {
        GenericRecord v1 = new GenericData.Record(PRICE_TICK_V1);
        v1.put("symbol", "QQQ");
        v1.put("price", 620.0);
        v1.put("size", 0L);
        v1.put("eventTime", 1_761_835_000_000L);
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(config, false);
            GenericRecord read = serde.deserializer().deserialize("market.price-ticks",
                    serde.serializer().serialize("market.price-ticks", v1));

            assertEquals(PRICE_TICK_V1, read.getSchema());
            assertEquals("QQQ", read.get("symbol").toString());
            assertEquals(1_761_835_000_000L, read.get("eventTime"), "generic reads keep raw logical-type values");
        }
    }
}
