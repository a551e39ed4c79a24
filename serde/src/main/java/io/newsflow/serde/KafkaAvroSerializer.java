package io.newsflow.serde;

import io.newsflow.serde.registry.RegisteredSchema;
import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryClients;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) and Java primitives in Confluent's wire format under the
 * configured subject name strategy (TopicNameStrategy: {@code <topic>-key} / {@code <topic>-value}).
 * Same class contract as Confluent's {@code io.confluent.kafka.serializers.KafkaAvroSerializer}:
 * no-arg constructor, then configure; null serializes to null (a tombstone).
 *
 * <p>Per record, after the first of its topic and schema: two map lookups, one reused thread-local
 * buffer and encoder, and the result array.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    /** Generic records may hold logical-type values (Instant, BigDecimal...) as well as raw ones. */
    private static final GenericData GENERIC_WITH_LOGICAL_TYPES = genericWithLogicalTypes();
    /** Buffers above this are not kept between records, so one huge record does not pin memory. */
    private static final int MAX_RETAINED_BUFFER = 1 << 20;
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private SchemaRegistryClient registry;
    private boolean closed;
    private AvroSerdeConfig config;
    private boolean isKey;
    /** topic -> record schema -> schema id and writer; Schema hashes are cached by Avro. */
    private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();

    /** Where records of one schema go on one topic: the registered id and how to write for it. */
    private record Target(int id, RecordWriter writer) {
    }

    @FunctionalInterface
    private interface RecordWriter {
        void write(Object datum, BinaryEncoder encoder) throws IOException;
    }

    private static final class Buffers {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }

    public KafkaAvroSerializer() {
    }

    /** For callers that hold a registry client already (tests, tools); configure() keeps it. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** For callers that hold a registry client already (tests, tools); serializes values. */
    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.config = new AvroSerdeConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.targets.clear();
        if (registry == null) {
            registry = SchemaRegistryClients.create(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema = data instanceof GenericContainer container
                ? container.getSchema() : AvroPrimitives.schemaOf(topic, data);
        Target target = target(topic, schema, data);
        Buffers buffers = BUFFERS.get();
        ByteArrayOutputStream out = buffers.out;
        out.reset();
        try {
            WireFormat.writeHeader(out, target.id());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
            buffers.encoder = encoder;
            target.writer().write(AvroPrimitives.datum(data), encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            // The buffered encoder may hold part of this record; reused, it would flush that into the next one.
            buffers.encoder = null;
            throw new SerializationException("Error serializing Avro value of schema '" + schema.getFullName()
                    + "' on topic '" + topic + "' (schema id " + target.id() + "): " + e, e);
        } finally {
            if (out.size() > MAX_RETAINED_BUFFER) {
                buffers.out = new ByteArrayOutputStream(512);
                buffers.encoder = null;
            }
        }
    }

    /** TopicNameStrategy, Confluent's default. */
    public static String subjectName(String topic, boolean isKey) {
        return SubjectNameStrategy.TOPIC_NAME.subject(topic, isKey, null);
    }

    private Target target(String topic, Schema schema, Object data) {
        Map<Schema, Target> bySchema = targets.get(topic);
        if (bySchema == null) {
            bySchema = targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Target target = bySchema.get(schema);
        if (target == null) {
            // Registry I/O outside any map lock; a race only repeats an idempotent call.
            target = resolveTarget(topic, schema, data);
            bySchema.put(schema, target);
        }
        return target;
    }

    private Target resolveTarget(String topic, Schema schema, Object data) {
        String subject = config.subjectNameStrategy(isKey).subject(topic, isKey, schema);
        try {
            if (config.autoRegisterSchemas()) {
                return new Target(registry.register(subject, schema), writerFor(schema, data));
            }
            if (config.useLatestVersion()) {
                return latestTarget(subject, schema, data);
            }
            return new Target(registry.lookup(subject, schema).id(), writerFor(schema, data));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Schema registry " + config.registryUrl() + " refused schema '"
                    + schema.getFullName() + "' for subject '" + subject + "' (topic '" + topic + "', "
                    + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=" + config.autoRegisterSchemas() + ", "
                    + AvroSerdeConfig.USE_LATEST_VERSION + "=" + config.useLatestVersion() + "): " + e.getMessage(), e);
        }
    }

    /**
     * use.latest.version: the record is written with the subject's latest schema and its id. When the
     * record's own schema differs, it is resolved into the latest one (fields matched by name, new
     * fields take their defaults); latest.compatibility.strict first requires that to be possible.
     */
    private Target latestTarget(String subject, Schema schema, Object data) {
        RegisteredSchema latest = registry.latest(subject);
        Schema target = latest.schema();
        if (target.equals(schema) || SchemaNormalization.toParsingForm(target).equals(SchemaNormalization.toParsingForm(schema))) {
            // Same Parsing Canonical Form (they differ at most in docs, defaults or properties such as
            // avro.java.string): the binary encoding is identical, so write the record directly.
            return new Target(latest.id(), writerFor(schema, data));
        }
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(target, schema);
        if (config.latestCompatibilityStrict()
                && check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Latest schema (id " + latest.id() + ", version " + latest.version()
                    + ") of subject '" + subject + "' cannot read records of schema '" + schema.getFullName()
                    + "': " + check.getDescription());
        }
        DatumWriter<Object> own = datumWriter(schema, data);
        GenericDatumReader<Object> resolver = new GenericDatumReader<>(schema, target, GenericData.get());
        GenericDatumWriter<Object> projected = new GenericDatumWriter<>(target, GenericData.get());
        return new Target(latest.id(), (datum, encoder) -> {
            // Rare path (schema drift under use.latest.version): a copy through the resolver.
            ByteArrayOutputStream scratch = new ByteArrayOutputStream(256);
            BinaryEncoder scratchEncoder = EncoderFactory.get().binaryEncoder(scratch, null);
            own.write(datum, scratchEncoder);
            scratchEncoder.flush();
            projected.write(resolver.read(null, DecoderFactory.get().binaryDecoder(scratch.toByteArray(), null)), encoder);
        });
    }

    private static RecordWriter writerFor(Schema schema, Object data) {
        DatumWriter<Object> writer = datumWriter(schema, data);
        return writer::write;
    }

    /** Avro's DatumWriters hold no per-call state, so one per schema serves all threads. */
    private static DatumWriter<Object> datumWriter(Schema schema, Object data) {
        return data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                : new GenericDatumWriter<>(schema, GENERIC_WITH_LOGICAL_TYPES);
    }

    private static GenericData genericWithLogicalTypes() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        return data;
    }

    @Override
    public void close() {
        if (registry != null && !closed) {
            closed = true; // a shared registry counts its holders: release this one once
            registry.close();
        }
    }
}
