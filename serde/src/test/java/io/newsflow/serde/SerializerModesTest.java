package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.registry.InMemorySchemaRegistry;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the serializer picks the schema id: auto-register, look up, or the subject's latest version. */
class SerializerModesTest {

    private static final String TOPIC = "market.price-ticks";
    private static final String SUBJECT = "market.price-ticks-value";

    private final String scope = "modes-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefusedNamingTheSubject() {
        KafkaAvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer.serialize(TOPIC, TestRecords.priceTick()));

        assertTrue(e.getMessage().startsWith("Schema registry mock://" + scope + " refused schema 'io.newsflow.avro.PriceTick'"
                + " for subject 'market.price-ticks-value' (topic 'market.price-ticks', auto.register.schemas=false"), e.getMessage());
        assertEquals(List.of(), registry.subjects(), "nothing was registered");
    }

    @Test
    void withoutAutoRegisterAPreRegisteredSchemaIsUsedWithItsId() {
        registry.register("other-value", TestRecords.deadLetter().getSchema());
        int id = registry.register(SUBJECT, PriceTick.getClassSchema());
        KafkaAvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        byte[] bytes = serializer.serialize(TOPIC, TestRecords.priceTick());

        assertEquals(2, id);
        assertEquals(id, schemaId(bytes));
        assertEquals(List.of(1), registry.versions(SUBJECT), "no new version");
    }

    @Test
    void useLatestVersionWritesWithTheLatestIdWhenItIsTheRecordsSchema() {
        int id = registry.register(SUBJECT, PriceTick.getClassSchema());
        KafkaAvroSerializer serializer = serializer(Map.of(
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

        assertEquals(id, schemaId(serializer.serialize(TOPIC, TestRecords.priceTick())));
    }

    @Test
    void useLatestVersionWritesDirectlyWhenTheLatestDiffersOnlyInDocsAndJavaProperties() {
        // As a CI job would register it: parsed from the .avsc text, without the generated class's
        // avro.java.string properties.
        Schema fromAvsc = new Schema.Parser().parse(PriceTick.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", ""));
        int id = registry.register(SUBJECT, fromAvsc);
        KafkaAvroSerializer serializer = serializer(Map.of(
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);
        byte[] autoRegistered = new KafkaAvroSerializer(MockSchemaRegistry.forScope(scope + "-other"),
                config(Map.of())).serialize(TOPIC, TestRecords.priceTick());
        MockSchemaRegistry.dropScope(scope + "-other");

        byte[] bytes = serializer.serialize(TOPIC, TestRecords.priceTick());

        assertTrue(!fromAvsc.equals(PriceTick.getClassSchema()) && fromAvsc.toString().indexOf("avro.java.string") < 0);
        assertEquals(id, schemaId(bytes));
        assertArrayEquals(Arrays.copyOfRange(autoRegistered, 5, autoRegistered.length), Arrays.copyOfRange(bytes, 5, bytes.length));
        assertEquals(TestRecords.priceTick(), specificDeserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void useLatestVersionProjectsARecordIntoANewerLatestSchema() {
        Schema newer = withOptionalField(PriceTick.getClassSchema(), "exchangeSeq");
        registry.register(SUBJECT, PriceTick.getClassSchema());
        int latestId = registry.register(SUBJECT, newer);
        KafkaAvroSerializer serializer = serializer(Map.of(
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

        byte[] bytes = serializer.serialize(TOPIC, TestRecords.priceTick());

        assertEquals(latestId, schemaId(bytes));
        GenericRecord asLatest = decode(bytes, newer);
        assertEquals("META", asLatest.get("symbol").toString());
        assertNull(asLatest.get("exchangeSeq"));
        assertEquals(TestRecords.priceTick(), specificDeserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotHoldTheRecord() {
        Schema incompatible = SchemaBuilder.record("PriceTick").namespace("io.newsflow.avro").fields()
                .requiredString("symbol").requiredInt("lotSize").endRecord();
        registry.setSubjectCompatibility(SUBJECT, io.newsflow.serde.registry.CompatibilityLevel.NONE);
        registry.register(SUBJECT, incompatible);
        KafkaAvroSerializer serializer = serializer(Map.of(
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer.serialize(TOPIC, TestRecords.priceTick()));

        assertTrue(e.getMessage().contains("cannot read records of schema 'io.newsflow.avro.PriceTick'"), e.getMessage());
    }

    @Test
    void keysGoToTheKeySubjectAndPrimitivesRoundTripAsConfluentsDo() {
        KafkaAvroSerializer keys = serializer(Map.of(), true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(Map.of()), true);

        byte[] key = keys.serialize(TOPIC, "META");

        assertEquals(List.of("market.price-ticks-key"), registry.subjects());
        assertEquals("\"string\"", registry.latest("market.price-ticks-key").schema().toString());
        assertEquals("META", deserializer.deserialize(TOPIC, key));
        assertEquals(42L, deserializer.deserialize(TOPIC, keys.serialize("longs", 42L)));
        assertEquals(7, deserializer.deserialize(TOPIC, keys.serialize("ints", 7)));
        assertEquals(true, deserializer.deserialize(TOPIC, keys.serialize("flags", true)));
        assertEquals(0.5, deserializer.deserialize(TOPIC, keys.serialize("doubles", 0.5)));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) deserializer.deserialize(TOPIC, keys.serialize("raw", new byte[] {1, 2})));
        // magic 0, id, then "META" as zigzag length 8 and its bytes
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) schemaId(key), 8, 'M', 'E', 'T', 'A'}, key);
    }

    @Test
    void aValueThatIsNotAvroIsRefusedClearly() {
        KafkaAvroSerializer serializer = serializer(Map.of(), false);

        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer.serialize(TOPIC, new java.util.Date()));

        assertTrue(e.getMessage().startsWith("Cannot serialize java.util.Date on topic 'market.price-ticks'"), e.getMessage());
    }

    @Test
    void aRecordMissingARequiredValueIsASerializationExceptionNamingTheTopic() {
        GenericRecord incomplete = new GenericData.Record(PriceTick.getClassSchema());
        incomplete.put("symbol", "META");
        KafkaAvroSerializer serializer = serializer(Map.of(), false);

        SerializationException e = assertThrows(SerializationException.class, () -> serializer.serialize(TOPIC, incomplete));

        assertTrue(e.getMessage().startsWith("Error serializing Avro value of schema 'io.newsflow.avro.PriceTick' on topic 'market.price-ticks'"),
                e.getMessage());
    }

    @Test
    void aFailedRecordLeavesNothingBehindForTheNextOne() {
        GenericRecord incomplete = new GenericData.Record(PriceTick.getClassSchema());
        incomplete.put("symbol", "META"); // written into the encoder's buffer before price fails
        KafkaAvroSerializer serializer = serializer(Map.of(), false);
        byte[] before = serializer.serialize(TOPIC, TestRecords.priceTick());

        assertThrows(SerializationException.class, () -> serializer.serialize(TOPIC, incomplete));

        assertArrayEquals(before, serializer.serialize(TOPIC, TestRecords.priceTick()));
    }

    @Test
    void genericAndSpecificRecordsOfOneSchemaGiveTheSameBytesInEitherOrder() {
        PriceTick tick = TestRecords.priceTick();
        GenericRecord generic = new GenericData.Record(PriceTick.getClassSchema());
        for (Schema.Field field : PriceTick.getClassSchema().getFields()) {
            generic.put(field.name(), tick.get(field.pos()));
        }
        generic.put("eventTime", tick.getEventTime().toEpochMilli()); // generic users often hold raw millis

        byte[] specificFirst = serializer(Map.of(), false).serialize(TOPIC, tick);
        KafkaAvroSerializer genericFirst = serializer(Map.of(), false);
        byte[] genericBytes = genericFirst.serialize(TOPIC, generic);
        byte[] specificAfterGeneric = genericFirst.serialize(TOPIC, tick);

        assertArrayEquals(specificFirst, genericBytes);
        assertArrayEquals(specificFirst, specificAfterGeneric);
    }

    @Test
    void recordNameStrategyNamedByConfluentsClassNameRegistersUnderTheRecordName() {
        KafkaAvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);

        serializer.serialize(TOPIC, TestRecords.priceTick());

        assertEquals(List.of("io.newsflow.avro.PriceTick"), registry.subjects());
    }

    @Test
    void misconfigurationIsReportedAtConfigureTime() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();

        assertThrows(IllegalArgumentException.class, () -> serializer.configure(Map.of(), false));
        assertThrows(IllegalArgumentException.class,
                () -> serializer.configure(config(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "ture")), false));
        assertThrows(IllegalArgumentException.class,
                () -> serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://registry"), false));
    }

    private KafkaAvroSerializer serializer(Map<String, ?> extra, boolean isKey) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(extra), isKey);
        return serializer;
    }

    private KafkaAvroDeserializer specificDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true")), false);
        return deserializer;
    }

    private Map<String, Object> config(Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        return config;
    }

    private static int schemaId(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private static GenericRecord decode(byte[] bytes, Schema schema) {
        try {
            return new GenericDatumReader<GenericRecord>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The record schema plus a trailing ["null","string"] field with default null. */
    static Schema withOptionalField(Schema record, String name) {
        List<Schema.Field> fields = new java.util.ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
