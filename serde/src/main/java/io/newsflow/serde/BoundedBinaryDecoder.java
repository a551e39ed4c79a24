package io.newsflow.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one in-memory record that never allocates more than the record could
 * hold. Avro's BinaryDecoder allocates a string, bytes or array of the length a prefix claims
 * before checking the input has it, so one corrupt record on a topic (a length prefix of 1 GiB in a
 * 30-byte record) could exhaust the heap of a consumer. Here every length is checked against the
 * bytes left first and a bad one is an EOFException, i.e. a SerializationException naming the topic.
 * Not thread-safe: one per thread, reset per record.
 */
final class BoundedBinaryDecoder extends Decoder {

    /**
     * Items of zero-byte types (null, empty records) take no input, so their count cannot be bounded
     * by the bytes left; this caps what such an array may claim per block.
     */
    static final int MAX_ITEMS_BEYOND_INPUT = 1 << 16;

    private byte[] buf;
    private int pos;
    private int limit;

    BoundedBinaryDecoder reset(byte[] bytes, int offset, int length) {
        this.buf = bytes;
        this.pos = offset;
        this.limit = offset + length;
        return this;
    }

    int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        require(1);
        return buf[pos++] == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readVarLong(5);
        int raw = (int) value;
        if (value != (raw & 0xffffffffL)) {
            throw new AvroRuntimeException("Invalid int encoding");
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    @Override
    public long readLong() throws IOException {
        long raw = readVarLong(10);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Unsigned LEB128 of at most maxBytes bytes, before zigzag decoding. */
    private long readVarLong(int maxBytes) throws IOException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            require(1);
            int b = buf[pos++] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        throw new AvroRuntimeException("Invalid " + (maxBytes == 5 ? "int" : "long") + " encoding");
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength();
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength();
        String result = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        int length = readLength(); // before touching pos: pos += readLength() would read pos first
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength();
        ByteBuffer result = old != null && old.hasArray() && !old.isReadOnly() && length <= old.capacity()
                ? old.clear() : ByteBuffer.allocate(length);
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = readLength(); // before touching pos: pos += readLength() would read pos first
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipItems();
    }

    @Override
    public long readMapStart() throws IOException {
        return readItemCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readItemCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipItems();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block's item count; a negative count is followed by the block's size in bytes, unused here. */
    private long readItemCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            readLong();
            count = -count;
        }
        if (count > remaining() && count > MAX_ITEMS_BEYOND_INPUT) {
            throw new EOFException("Block claims " + count + " items but only " + remaining() + " bytes are left");
        }
        return count;
    }

    /** Skips blocks that carry their byte size; returns the item count of the first one that does not. */
    private long skipItems() throws IOException {
        long count = readLong();
        while (count < 0) {
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new EOFException("Block claims " + size + " bytes but only " + remaining() + " are left");
            }
            pos += (int) size;
            count = readLong();
        }
        if (count > remaining() && count > MAX_ITEMS_BEYOND_INPUT) {
            throw new EOFException("Block claims " + count + " items but only " + remaining() + " bytes are left");
        }
        return count;
    }

    private int readLength() throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new AvroRuntimeException("Malformed data: negative length " + length);
        }
        if (length > remaining()) {
            throw new EOFException("Length prefix claims " + length + " bytes but only " + remaining() + " are left");
        }
        return (int) length;
    }

    private void require(int bytes) throws EOFException {
        if (bytes > remaining() || bytes < 0) {
            throw new EOFException("Record ends " + (bytes - remaining()) + " byte(s) early");
        }
    }
}
