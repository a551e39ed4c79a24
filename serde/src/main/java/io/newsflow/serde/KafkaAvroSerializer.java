package io.newsflow.serde;

import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryClients;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format under the TopicNameStrategy
 * subject {@code <topic>-key} or {@code <topic>-value}. Same class contract as Confluent's
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer}: no-arg constructor, then configure.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<String, Map<Schema, Integer>> idCache = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

    public KafkaAvroSerializer() {
    }

    /** For callers that hold a registry client already (tests, tools). */
    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Cannot serialize " + data.getClass().getName()
                    + " on topic '" + topic + "': expected an Avro record (GenericContainer)");
        }
        Schema schema = container.getSchema();
        String subject = subjectName(topic, isKey);
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
            encoders.set(encoder);
            writerFor(schema, data).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro record of schema '" + schema.getFullName()
                    + "' for subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    /** TopicNameStrategy, Confluent's default. */
    public static String subjectName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private int schemaId(String subject, Schema schema) {
        Map<Schema, Integer> bySchema = idCache.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = bySchema.get(schema);
        if (cached != null) {
            return cached;
        }
        int id;
        try {
            if (config.autoRegisterSchemas()) {
                id = registry.register(subject, schema);
            } else if (config.useLatestVersion()) {
                id = registry.latest(subject).id();
            } else {
                id = registry.lookup(subject, schema).id();
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Schema registry " + config.registryUrl() + " refused schema '"
                    + schema.getFullName() + "' for subject '" + subject + "': " + e.getMessage(), e);
        }
        bySchema.put(schema, id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))
                : (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(s));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
