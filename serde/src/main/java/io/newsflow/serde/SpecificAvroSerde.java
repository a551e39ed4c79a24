package io.newsflow.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for generated Avro classes, the counterpart of Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}: same no-arg constructor and
 * {@code configure(map, isKey)} contract, so either can be named in configuration.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    public SpecificAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    SpecificAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> serializer.serialize(topic, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        return (topic, data) -> (T) deserializer.deserialize(topic, data);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
