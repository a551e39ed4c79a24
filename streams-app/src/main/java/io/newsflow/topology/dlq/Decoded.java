package io.newsflow.topology.dlq;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An input record's value as the source leaves it: the bytes, and what they decode to or why they
 * do not. Each input is decoded once, by its source ({@link #serde}); the event-time extractor then
 * reads the decoded record's time and the decode step ({@link DecodeProcessor}) validates it.
 *
 * <p>The source's deserializer never throws: undecodable bytes reach the decode step, which
 * dead-letters them with the reason and the original bytes, and waits for the schema registry when
 * it is the registry that failed ({@link RegistryFaults}). The deserialization-exception handler,
 * which can only skip or fail, never sees them.
 *
 * @param bytes   the record's value as read (null for a null value)
 * @param value   what the topic's deserializer made of them (of whatever type the writer's schema has),
 *                null when they did not decode
 * @param failure why they did not decode, or null
 */
public record Decoded(byte[] bytes, Object value, RuntimeException failure) {

    /** The source serde of a topic whose values {@code deserializer} decodes; it only reads. */
    public static Serde<Decoded> serde(Deserializer<?> deserializer) {
        return new Serde<>() {
            @Override
            public Serializer<Decoded> serializer() {
                return (topic, decoded) -> {
                    throw new UnsupportedOperationException("decoded input values are never written back");
                };
            }

            @Override
            public Deserializer<Decoded> deserializer() {
                return new SourceDeserializer(deserializer);
            }
        };
    }

    /** Never throws: a failure is kept in the result. */
    private record SourceDeserializer(Deserializer<?> deserializer) implements Deserializer<Decoded> {

        @Override
        public Decoded deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return new Decoded(null, null, null);
            }
            try {
                return new Decoded(bytes, deserializer.deserialize(topic, bytes), null);
            } catch (RuntimeException e) {
                return new Decoded(bytes, null, e);
            }
        }
    }
}
