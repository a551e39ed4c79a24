package io.newsflow.topology.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.DeadLetter;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetters deadLetters = new DeadLetters(new PipelineMetrics(registry, List.of(), 1), 64 * 1024);
    private final Origin origin = new Origin("market.bond-books", 2, 41L);

    @Test
    void aPayloadThatFitsIsKeptWholeWithoutLengthOrHash() {
        byte[] payload = {1, 2, 3};

        DeadLetter letter = deadLetters.create(origin, DeadLetterReason.DESERIALIZATION, "x", null, payload, 5L, 9L);

        assertArrayEquals(payload, bytes(letter.getPayload()));
        assertNull(letter.getPayloadLength());
        assertNull(letter.getPayloadSha256());
        assertEquals(1.0, registry.counter("newsflow.dead.letters", "reason", "DESERIALIZATION").count());
    }

    @Test
    void aPayloadTooLargeForTheLimitIsCutAndCarriesItsLengthAndSha256() {
        byte[] payload = new byte[200_000];
        new Random(1).nextBytes(payload);
        byte[] key = new byte[5000];

        DeadLetter letter = deadLetters.create(origin, DeadLetterReason.DESERIALIZATION, "d".repeat(10_000), key,
                payload, 5L, 9L);

        byte[] kept = bytes(letter.getPayload());
        assertEquals(64 * 1024 - DeadLetters.OVERHEAD_BYTES, kept.length);
        assertArrayEquals(Arrays.copyOf(payload, kept.length), kept);
        assertEquals(200_000L, letter.getPayloadLength());
        assertEquals(DeadLetters.sha256(payload), letter.getPayloadSha256());
        assertEquals(64, letter.getPayloadSha256().length());
        assertEquals(DeadLetters.MAX_KEY_BYTES, letter.getKey().remaining());
        assertTrue(letter.getDetail().length() < 2100, "detail cut");
        assertEquals("market.bond-books", letter.getSourceTopic());
        assertEquals(41L, letter.getOffset());
    }

    @Test
    void onlyARegistryThatDoesNotAnswerProperlyIsAnOutageNotAnUnknownSchemaId() {
        assertTrue(RegistryFaults.isOutage(new SerializationException("x",
                new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "unreachable"))));
        assertTrue(RegistryFaults.isOutage(new SchemaRegistryException(SchemaRegistryException.INTERNAL, "500")));
        assertTrue(RegistryFaults.isOutage(new SchemaRegistryException(SchemaRegistryException.UNAUTHORIZED, "401")));
        assertEquals(false, RegistryFaults.isOutage(new SerializationException("x",
                new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "40403"))));
        assertEquals(false, RegistryFaults.isOutage(new SerializationException("Unknown magic byte")));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
