package io.newsflow.topology.watermark;

import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The wire form of a topic that carries records and watermarks ({@link KeyOrBroadcastPartitioner}): a record is
 * its value in {@code values}' format, a watermark a record without a value. In code both are one sealed type
 * {@code E}; on the wire they stay what they were before the types said so, so records in flight at an upgrade
 * read the same.
 */
public final class NullIsWatermark {

    private NullIsWatermark() {
    }

    /**
     * @param wrap      a value read as the event that carries it
     * @param unwrap    an event's value, null for the watermark
     * @param watermark the watermark event
     */
    public static <E, V> Serde<E> serde(Serde<V> values, Function<V, E> wrap, Function<E, V> unwrap, E watermark) {
        Serializer<V> writer = values.serializer();
        Deserializer<V> reader = values.deserializer();
        return Serdes.serdeFrom(new Serializer<E>() {
            @Override
            public byte[] serialize(String topic, E event) {
                return serialize(topic, null, event);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, E event) {
                V value = unwrap.apply(event);
                return value == null ? null : writer.serialize(topic, headers, value);
            }
        }, new Deserializer<E>() {
            @Override
            public E deserialize(String topic, byte[] bytes) {
                return deserialize(topic, null, bytes);
            }

            @Override
            public E deserialize(String topic, Headers headers, byte[] bytes) {
                return bytes == null ? watermark : wrap.apply(reader.deserialize(topic, headers, bytes));
            }
        });
    }
}
