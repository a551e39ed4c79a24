package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** The bounded decoder reads exactly what Avro's own encoders write, and refuses lengths the input lacks. */
class BoundedBinaryDecoderTest {

    @Test
    void readsEveryPrimitiveAvroWritesIncludingEdgeValues() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        int[] ints = {0, -1, 1, 63, -64, 64, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] longs = {0, -1, 1_761_854_400_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        double[] doubles = {612.5, -0.0, Double.NaN, Double.MIN_VALUE, Double.NEGATIVE_INFINITY};
        for (int i : ints) {
            encoder.writeInt(i);
        }
        for (long l : longs) {
            encoder.writeLong(l);
        }
        for (double d : doubles) {
            encoder.writeDouble(d);
        }
        encoder.writeFloat(3.25f);
        encoder.writeBoolean(true);
        encoder.writeBoolean(false);
        encoder.writeString("社債 125B");
        encoder.writeString("skipped");
        encoder.writeBytes(new byte[] {1, 2, 3});
        encoder.writeFixed(new byte[] {9, 8});
        encoder.writeEnum(4);
        encoder.writeIndex(1);
        encoder.flush();
        byte[] bytes = out.toByteArray();

        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder().reset(bytes, 0, bytes.length);

        for (int i : ints) {
            assertEquals(i, decoder.readInt());
        }
        for (long l : longs) {
            assertEquals(l, decoder.readLong());
        }
        for (double d : doubles) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(decoder.readDouble()));
        }
        assertEquals(3.25f, decoder.readFloat());
        assertTrue(decoder.readBoolean());
        assertEquals(false, decoder.readBoolean());
        assertEquals(new Utf8("社債 125B"), decoder.readString(null));
        decoder.skipString();
        ByteBuffer read = decoder.readBytes(null);
        assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOfRange(read.array(), read.position(), read.limit()));
        byte[] fixed = new byte[2];
        decoder.readFixed(fixed);
        assertArrayEquals(new byte[] {9, 8}, fixed);
        assertEquals(4, decoder.readEnum());
        assertEquals(1, decoder.readIndex());
        assertEquals(0, decoder.remaining());
    }

    @Test
    void readsAndSkipsArraysAndMapsWrittenInSizedBlocks() throws IOException {
        Schema schema = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[
                  {"name":"skipped","type":{"type":"array","items":"string"}},
                  {"name":"kept","type":{"type":"map","values":"long"}}]}""");
        Schema readerWithoutSkipped = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"kept","type":{"type":"map","values":"long"}}]}""");
        GenericData.Record record = new GenericData.Record(schema);
        record.put("skipped", List.of("a", "bb", "ccc"));
        record.put("kept", java.util.Map.of("ja", 3L));
        // The blocking encoder writes negative block counts followed by block byte sizes.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().blockingBinaryEncoder(out, null);
        new GenericDatumWriter<GenericData.Record>(schema).write(record, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();

        Object full = new GenericDatumReader<>(schema).read(null, new BoundedBinaryDecoder().reset(bytes, 0, bytes.length));
        Object projected = new GenericDatumReader<>(schema, readerWithoutSkipped)
                .read(null, new BoundedBinaryDecoder().reset(bytes, 0, bytes.length));

        assertEquals(record.toString(), full.toString());
        assertEquals("{\"kept\": {\"ja\": 3}}", projected.toString());
    }

    @Test
    void refusesAStringLongerThanTheInputWithoutAllocatingIt() {
        byte[] claimsAGigabyte = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 'M', 'E'};

        EOFException e = assertThrows(EOFException.class,
                () -> new BoundedBinaryDecoder().reset(claimsAGigabyte, 0, claimsAGigabyte.length).readString(null));

        assertEquals("Length prefix claims 1073741824 bytes but only 2 are left", e.getMessage());
    }

    @Test
    void refusesAnArrayCountFarBeyondTheInput() {
        byte[] claimsAHundredMillionItems = {(byte) 0x80, (byte) 0x84, (byte) 0xaf, 0x5f, 0x00};

        assertThrows(EOFException.class, () -> new BoundedBinaryDecoder()
                .reset(claimsAHundredMillionItems, 0, claimsAHundredMillionItems.length).readArrayStart());
    }

    @Test
    void readsOnlyWithinTheGivenSlice() throws IOException {
        byte[] bytes = "xx\u0006USDyy".getBytes(StandardCharsets.US_ASCII);
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder().reset(bytes, 2, 4);

        assertEquals("USD", decoder.readString());
        assertThrows(EOFException.class, decoder::readInt);
    }
}
