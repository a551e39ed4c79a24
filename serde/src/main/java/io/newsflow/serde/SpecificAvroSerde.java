package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for generated Avro classes, the counterpart of Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}: same no-arg constructor and
 * {@code configure(map, isKey)} contract, so either can be named in configuration. Always reads
 * into the generated classes ({@code specific.avro.reader=true}).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private static final Map<String, Object> SPECIFIC = Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    public SpecificAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** Uses this registry client instead of one built from schema.registry.url (which is still required). */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        this(new KafkaAvroSerializer(registry), new KafkaAvroDeserializer(registry));
    }

    SpecificAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = new TypedAvroSerializer<>(serializer, SPECIFIC);
        this.deserializer = new TypedAvroDeserializer<>(deserializer, SPECIFIC, SpecificRecord.class);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
