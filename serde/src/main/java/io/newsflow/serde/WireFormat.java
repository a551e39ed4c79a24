package io.newsflow.serde;

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
        if (buffer.remaining() < HEADER_SIZE) {
            throw new SerializationException("Record on topic '" + topic + "' is " + buffer.remaining()
                    + " bytes, shorter than the 5-byte Confluent wire-format header (truncated payload?)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Unknown magic byte 0x%02x on topic '%s': expected 0x00 (not Confluent wire format)",
                    magic, topic));
        }
        return buffer.getInt();
    }

    public static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE);
        buffer.putInt(schemaId);
    }
}
