package io.newsflow.topology;

import io.newsflow.topology.dlq.DecodedValues;
import io.newsflow.topology.dlq.InputLimits;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the record's own timestamp field (eventTime, publishedAt). Works on raw bytes
 * (decoding them) and on typed values. A record whose time cannot be read gets the partition
 * time (its Kafka timestamp for the first record): it must not be dropped here (Kafka Streams
 * silently skips negative timestamps) so that the decode step can dead-letter it, and a producer's
 * wall-clock timestamp must not push event-time stream time ahead. Nor must an event time outside
 * {@link InputLimits} (a tick dated 2100 would put stream time, and every later record's lateness,
 * decades ahead): it gets the partition time too and is dead-lettered at decode.
 */
public final class EventTimeExtractor<T> implements TimestampExtractor {

    private final Class<T> type;
    private final Deserializer<T> deserializer;
    private final Function<T, Instant> eventTime;
    private final DecodedValues<T> decoded;
    private final InputLimits limits;

    public EventTimeExtractor(Class<T> type, Deserializer<T> deserializer, Function<T, Instant> eventTime) {
        this(type, deserializer, eventTime, null, null);
    }

    /**
     * Also leaves each value it decodes in {@code decoded}, for the decode step to reuse, and treats
     * event times outside {@code limits} (null: no limits) as unreadable.
     */
    public EventTimeExtractor(Class<T> type, Deserializer<T> deserializer, Function<T, Instant> eventTime,
            DecodedValues<T> decoded, InputLimits limits) {
        this.type = type;
        this.deserializer = deserializer;
        this.eventTime = eventTime;
        this.decoded = decoded;
        this.limits = limits;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        try {
            Object raw = record.value();
            Object value = raw instanceof byte[] bytes ? deserializer.deserialize(record.topic(), bytes) : raw;
            if (type.isInstance(value)) {
                if (decoded != null && raw instanceof byte[] bytes) {
                    decoded.put(bytes, type.cast(value));
                }
                Instant time = eventTime.apply(type.cast(value));
                if (time != null && time.toEpochMilli() > 0
                        && (limits == null || limits.acceptsEventTime(time, System.currentTimeMillis()))) {
                    return time.toEpochMilli();
                }
            }
        } catch (RuntimeException e) {
            // undecodable: fall through, the decode step dead-letters it
        }
        return partitionTime >= 0 ? partitionTime : Math.max(0, record.timestamp());
    }
}
