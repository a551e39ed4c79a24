package io.newsflow.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Reads and checks the header; the returned buffer is positioned at the Avro body. */
    public static int readSchemaId(String topic, ByteBuffer buffer) {
        int start = buffer.position();
        check(topic, buffer.remaining(), buffer.remaining() > 0 ? buffer.get(start) : MAGIC_BYTE);
        int id = (buffer.get(start + 1) & 0xff) << 24 | (buffer.get(start + 2) & 0xff) << 16
                | (buffer.get(start + 3) & 0xff) << 8 | (buffer.get(start + 4) & 0xff);
        buffer.position(start + HEADER_SIZE);
        return id;
    }

    /** Checks the header at {@code bytes[offset]} of a {@code length}-byte record and returns its schema id. */
    public static int readSchemaId(String topic, byte[] bytes, int offset, int length) {
        check(topic, length, length > 0 ? bytes[offset] : MAGIC_BYTE);
        return (bytes[offset + 1] & 0xff) << 24 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 8 | (bytes[offset + 4] & 0xff);
    }

    private static void check(String topic, int length, byte magic) {
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Unknown magic byte 0x%02x on topic '%s': expected 0x00 (not Confluent wire format)",
                    magic, topic));
        }
        if (length < HEADER_SIZE) {
            throw new SerializationException("Record on topic '" + topic + "' is " + length
                    + " bytes, shorter than the 5-byte Confluent wire-format header (truncated payload?)");
        }
    }

    public static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE);
        buffer.putInt(schemaId);
    }

    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }
}
