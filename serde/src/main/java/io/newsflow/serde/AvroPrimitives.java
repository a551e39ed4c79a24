package io.newsflow.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Plain Java values the serde writes as Avro primitives, as Confluent's serializer does (e.g. a
 * String key registers schema "string"). Schemas are shared constants so serializer caches hit.
 */
final class AvroPrimitives {

    static final Schema NULL = Schema.create(Schema.Type.NULL);
    static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    static final Schema INT = Schema.create(Schema.Type.INT);
    static final Schema LONG = Schema.create(Schema.Type.LONG);
    static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    static final Schema STRING = Schema.create(Schema.Type.STRING);
    static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroPrimitives() {
    }

    static Schema schemaOf(String topic, Object value) {
        if (value instanceof CharSequence) {
            return STRING;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        } else if (value instanceof Float) {
            return FLOAT;
        }
        throw new SerializationException("Cannot serialize " + value.getClass().getName() + " on topic '" + topic
                + "': expected an Avro record, enum, array or fixed (GenericContainer) or a Java primitive,"
                + " String or byte[]");
    }

    /** What the Avro writer takes for the value: byte[] becomes a ByteBuffer. */
    static Object datum(Object value) {
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
    }

    /** What callers get back for a primitive writer schema: String and byte[], as Confluent returns. */
    static Object result(Schema writer, Object read) {
        if (read instanceof Utf8 && writer.getType() == Schema.Type.STRING) {
            return read.toString();
        }
        if (read instanceof ByteBuffer buffer && writer.getType() == Schema.Type.BYTES) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return read;
    }
}
