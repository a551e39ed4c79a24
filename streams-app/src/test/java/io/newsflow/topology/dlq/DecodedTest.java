package io.newsflow.topology.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.TopologySerdes;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** The source deserializer of an input: decodes once and never throws. */
class DecodedTest {

    private final TopologySerdes serdes = TopologySerdes.avro(
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://decoded-test"));
    private final Deserializer<Decoded> source = Decoded.serde(serdes.priceTick().deserializer()).deserializer();

    @Test
    void keepsTheBytesWithWhatTheyDecodeTo() {
        PriceTick tick = PriceTick.newBuilder().setSymbol("META").setPrice(1).setSize(1)
                .setEventTime(Instant.parse("2025-10-30T13:30:00Z")).build();
        byte[] bytes = serdes.priceTick().serializer().serialize("t", tick);

        Decoded decoded = source.deserialize("t", bytes);

        assertSame(bytes, decoded.bytes());
        assertEquals(tick, decoded.value());
        assertNull(decoded.failure());
    }

    @Test
    void undecodableBytesKeepTheFailureInsteadOfThrowing() {
        byte[] bytes = {1, 2, 3};

        Decoded decoded = source.deserialize("t", bytes);

        assertSame(bytes, decoded.bytes());
        assertNull(decoded.value());
        assertEquals(SerializationException.class, decoded.failure().getClass());
    }

    @Test
    void aNullValueStaysNull() {
        assertEquals(new Decoded(null, null, null), source.deserialize("t", null));
    }
}
