package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad bytes on a topic are a SerializationException that says what is wrong, never a crash or a null. */
class DeserializerErrorsTest {

    private static final String TOPIC = "market.price-ticks";

    private final String scope = "errors-" + UUID.randomUUID();
    private final SpecificAvroSerde<PriceTick> serde = new SpecificAvroSerde<>();

    DeserializerErrorsTest() {
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    }

    @AfterEach
    void dropScope() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void jsonInsteadOfAvroIsAnUnknownMagicByte() {
        byte[] json = "{\"symbol\":\"META\"}".getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class, () -> read(json));

        assertEquals("Unknown magic byte 0x7b on topic 'market.price-ticks': expected 0x00 (not Confluent wire format)",
                e.getMessage());
    }

    @Test
    void fewerBytesThanTheHeaderIsATruncatedPayload() {
        SerializationException e = assertThrows(SerializationException.class, () -> read(new byte[] {0, 0, 1}));

        assertTrue(e.getMessage().contains("3 bytes, shorter than the 5-byte Confluent wire-format header"), e.getMessage());
    }

    @Test
    void aRecordCutShortNamesTheSchemaIdAndTheTopic() {
        byte[] whole = serde.serializer().serialize(TOPIC, TestRecords.priceTick());
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);
        int id = MockSchemaRegistry.forScope(scope).latest(TOPIC + "-value").id();

        SerializationException e = assertThrows(SerializationException.class, () -> read(cut));

        assertTrue(e.getMessage().startsWith("Error deserializing Avro record with schema id " + id
                + " ('io.newsflow.avro.PriceTick') on topic 'market.price-ticks' (" + cut.length
                + " bytes; truncated or corrupt payload?)"), e.getMessage());
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsReportedAsUnknown() {
        byte[] unknownId = HexFormat.of().parseHex("00000003e7" + "084d455441");

        SerializationException e = assertThrows(SerializationException.class, () -> read(unknownId));

        assertTrue(e.getMessage().startsWith("Unknown schema id 999 on topic 'market.price-ticks' (registry mock://"),
                e.getMessage());
    }

    @Test
    void aLengthPrefixClaimingAGigabyteFailsCleanly() {
        serde.serializer().serialize(TOPIC, TestRecords.priceTick());
        int id = MockSchemaRegistry.forScope(scope).latest(TOPIC + "-value").id();
        // Header, then the symbol's length 2^30 (1 GiB): zigzag 2^31 = varint 80 80 80 80 08; then 2 bytes.
        byte[] corrupt = HexFormat.of().parseHex(String.format("00%08x", id) + "8080808008" + "4d45");

        SerializationException e = assertThrows(SerializationException.class, () -> read(corrupt));

        assertTrue(e.getMessage().contains("Length prefix claims 1073741824 bytes but only 2 are left"), e.getMessage());
    }

    @Test
    void specificReadingOfATypeWithoutAGeneratedClassSaysSo() {
        Schema unknown = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        GenericRecord record = new GenericData.Record(unknown);
        record.put("x", 1);
        byte[] bytes;
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
            bytes = serializer.serialize(TOPIC, record);
        }

        SerializationException e = assertThrows(SerializationException.class, () -> read(bytes));

        assertTrue(e.getMessage().contains("no generated class for schema 'com.example.Unknown'"), e.getMessage());
    }

    private PriceTick read(byte[] bytes) {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }
}
