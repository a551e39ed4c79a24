package io.newsflow.topology.watermark;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A record of a topic that carries values and watermarks ({@link KeyOrBroadcastPartitioner}): the scores with the
 * news watermark on {@code news-context}, the deal summaries with the deal watermarks on
 * {@code bond-summaries-by-issuer}. A watermark says that every value its source sends at or before the record's
 * timestamp has been sent; it goes to every partition after the values it covers.
 *
 * @param <V> the values
 */
public sealed interface Watermarked<V> {

    /** A value, keyed and partitioned like any record of the topic. */
    record Value<V>(V value) implements Watermarked<V> {
    }

    /** A watermark; its time is the record's timestamp, its source (when there are several) the record's key. */
    record Watermark<V>() implements Watermarked<V> {
    }

    static <V> Watermarked<V> watermark() {
        return new Watermark<>();
    }

    static <V> boolean isWatermark(Watermarked<V> record) {
        return record instanceof Watermark;
    }

    /**
     * On the wire a value is written in {@code values}' format and a watermark is a record without a value, as
     * before the types said so: records in flight at an upgrade read the same.
     */
    static <V> Serde<Watermarked<V>> serde(Serde<V> values) {
        Serializer<V> writer = values.serializer();
        Deserializer<V> reader = values.deserializer();
        return Serdes.serdeFrom(new Serializer<Watermarked<V>>() {
            @Override
            public byte[] serialize(String topic, Watermarked<V> record) {
                return serialize(topic, null, record);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, Watermarked<V> record) {
                return record instanceof Value<V> value ? writer.serialize(topic, headers, value.value()) : null;
            }
        }, new Deserializer<Watermarked<V>>() {
            @Override
            public Watermarked<V> deserialize(String topic, byte[] bytes) {
                return deserialize(topic, null, bytes);
            }

            @Override
            public Watermarked<V> deserialize(String topic, Headers headers, byte[] bytes) {
                return bytes == null ? watermark() : new Value<>(reader.deserialize(topic, headers, bytes));
            }
        });
    }
}
