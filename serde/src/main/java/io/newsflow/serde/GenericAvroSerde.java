package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for records without generated classes, the counterpart of Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.GenericAvroSerde}: records are read in their writer
 * schema as GenericRecord ({@code specific.avro.reader=false}), whatever classes are on the classpath.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

    private static final Map<String, Object> GENERIC = Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);

    private final Serializer<GenericRecord> serializer;
    private final Deserializer<GenericRecord> deserializer;

    public GenericAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** Uses this registry client instead of one built from schema.registry.url (which is still required). */
    public GenericAvroSerde(SchemaRegistryClient registry) {
        this(new KafkaAvroSerializer(registry), new KafkaAvroDeserializer(registry));
    }

    GenericAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = new TypedAvroSerializer<>(serializer, GENERIC);
        this.deserializer = new TypedAvroDeserializer<>(deserializer, GENERIC, GenericRecord.class);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
