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
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer schema comes from the registry by id; with
 * {@code specific.avro.reader=true} the reader schema is the generated class's own, so Avro schema
 * resolution fills fields the writer did not have (records written with an older version). Without
 * it, records come back as GenericRecord in their writer schema. Primitive schemas give String,
 * byte[], Long... as Confluent's deserializer does. Every failure is a SerializationException naming
 * the topic and schema id, so a Streams deserialization handler can route the record to a dead letter.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private static final ThreadLocal<BoundedBinaryDecoder> DECODERS = ThreadLocal.withInitial(BoundedBinaryDecoder::new);

    private SchemaRegistryClient registry;
    private boolean closed;
    private AvroSerdeConfig config;
    /** schema id -> reader; Avro's DatumReaders are safe to share between threads. */
    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    /** Most topics carry one schema id at a time: this skips the map (and boxing the id) for it. */
    private volatile Reader last;

    private record Reader(int id, Schema writer, DatumReader<Object> datumReader) {
    }

    public KafkaAvroDeserializer() {
    }

    /** For callers that hold a registry client already (tests, tools); configure() keeps it. */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.readers.clear();
        this.last = null;
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : deserialize(topic, bytes, 0, bytes.length);
    }

    /** Reads straight from the consumer's buffer when it is array-backed, without copying it. */
    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return deserialize(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return deserialize(topic, copy, 0, copy.length);
    }

    private Object deserialize(String topic, byte[] bytes, int offset, int length) {
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        int id = WireFormat.readSchemaId(topic, bytes, offset, length);
        Reader reader = last;
        if (reader == null || reader.id() != id) {
            reader = readers.get(id);
            if (reader == null) {
                reader = newReader(topic, id);
                readers.putIfAbsent(id, reader);
            }
            last = reader;
        }
        BoundedBinaryDecoder decoder = DECODERS.get()
                .reset(bytes, offset + WireFormat.HEADER_SIZE, length - WireFormat.HEADER_SIZE);
        try {
            return AvroPrimitives.result(reader.writer(), reader.datumReader().read(null, decoder));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error deserializing Avro record with schema id " + id + " ('"
                    + reader.writer().getFullName() + "') on topic '" + topic + "' (" + length
                    + " bytes; truncated or corrupt payload?): " + e, e);
        } finally {
            decoder.reset(null, 0, 0); // do not keep the record's bytes reachable from the thread
        }
    }

    private Reader newReader(String topic, int id) {
        Schema writer = writerSchema(topic, id);
        if (!config.specificAvroReader() || writer.getType() != Schema.Type.RECORD) {
            return new Reader(id, writer, new GenericDatumReader<>(writer));
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("specific.avro.reader=true but no generated class for schema '"
                    + writer.getFullName() + "' (id " + id + ") on topic '" + topic + "' is on the classpath");
        }
        SpecificData model = SpecificData.getForClass(generated);
        Schema readerSchema = model.getSchema(generated);
        return new Reader(id, writer, new SpecificDatumReader<>(writer, readerSchema, model));
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return registry.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            String what = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
                    ? "Unknown schema id " + id : "Could not fetch schema id " + id;
            throw new SerializationException(what + " on topic '" + topic + "' (registry "
                    + config.registryUrl() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (registry != null && !closed) {
            closed = true; // a shared registry counts its holders: release this one once
            registry.close();
        }
    }
}
