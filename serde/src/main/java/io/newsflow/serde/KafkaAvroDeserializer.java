package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryClients;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer schema comes from the registry by id; with
 * {@code specific.avro.reader=true} the reader schema is the generated class's own, so Avro schema
 * resolution fills fields the writer did not have (records written with an older version).
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private final Map<Integer, Schema> schemaCache = new ConcurrentHashMap<>();
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    public KafkaAvroDeserializer() {
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int id = WireFormat.readSchemaId(topic, buffer);
        DatumReader<Object> reader = readers.computeIfAbsent(id, i -> newReader(topic, writerSchema(topic, i)));
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                    bytes, buffer.position(), buffer.remaining(), decoders.get());
            decoders.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error deserializing Avro record with schema id " + id
                    + " on topic '" + topic + "' (" + bytes.length + " bytes; truncated or corrupt payload?): "
                    + e.getMessage(), e);
        }
    }

    private Schema writerSchema(String topic, int id) {
        return schemaCache.computeIfAbsent(id, i -> {
            try {
                return registry.getSchemaById(i);
            } catch (SchemaRegistryException e) {
                throw new SerializationException("Unknown schema id " + i + " on topic '" + topic
                        + "' (registry " + config.registryUrl() + "): " + e.getMessage(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> newReader(String topic, Schema writer) {
        if (!config.specificAvroReader()) {
            return new GenericDatumReader<>(writer);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException("specific.avro.reader=true but no generated class for schema '"
                    + writer.getFullName() + "' on topic '" + topic + "' is on the classpath");
        }
        SpecificData model = SpecificData.getForClass(generated);
        Schema reader = model.getSchema(generated);
        return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, reader, model);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
