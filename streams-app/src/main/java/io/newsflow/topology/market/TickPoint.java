package io.newsflow.topology.market;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The tick kept for one symbol and one {@code ticks.resolution} bucket: the newest tick of the
 * bucket, with its own event time (the store key carries only the bucket's start).
 */
public record TickPoint(long time, double price) {

    /** 16 bytes: event time (big-endian long), price (IEEE 754 double). */
    public static Serde<TickPoint> serde() {
        Serializer<TickPoint> serializer = (topic, point) -> point == null ? null
                : ByteBuffer.allocate(16).putLong(point.time()).putDouble(point.price()).array();
        Deserializer<TickPoint> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != 16) {
                throw new SerializationException("A tick point has 16 bytes, got " + bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new TickPoint(buffer.getLong(), buffer.getDouble());
        };
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }

    PriceSeries.Point point() {
        return new PriceSeries.Point(time, price);
    }
}
