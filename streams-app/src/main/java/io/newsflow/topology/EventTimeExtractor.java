package io.newsflow.topology;

import io.newsflow.topology.dlq.Decoded;
import io.newsflow.topology.dlq.InputLimits;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the record's own timestamp field (eventTime, publishedAt), read from the value
 * the source has decoded: a typed value, or an input's {@link Decoded} value. A record whose time
 * cannot be read gets the partition time (its Kafka timestamp for the first record): it must not
 * be dropped here (Kafka Streams silently skips negative timestamps) so that the decode step can
 * dead-letter it, and a producer's wall-clock timestamp must not push event-time stream time ahead.
 * Nor must an event time outside {@link InputLimits} (a tick dated 2100 would put stream time, and
 * every later record's lateness, decades ahead): it gets the partition time too and is
 * dead-lettered at decode.
 */
public final class EventTimeExtractor<T> implements TimestampExtractor {

    private final Class<T> type;
    private final Function<T, Instant> eventTime;
    private final InputLimits limits;

    public EventTimeExtractor(Class<T> type, Function<T, Instant> eventTime) {
        this(type, eventTime, null);
    }

    /** Treats event times outside {@code limits} (null: no limits) as unreadable. */
    public EventTimeExtractor(Class<T> type, Function<T, Instant> eventTime, InputLimits limits) {
        this.type = type;
        this.eventTime = eventTime;
        this.limits = limits;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value() instanceof Decoded decoded ? decoded.value() : record.value();
        if (type.isInstance(value)) {
            try {
                Instant time = eventTime.apply(type.cast(value));
                if (time != null && time.toEpochMilli() > 0
                        && (limits == null || limits.acceptsEventTime(time, System.currentTimeMillis()))) {
                    return time.toEpochMilli();
                }
            } catch (RuntimeException e) {
                // unreadable time (out of range): fall through, the decode step dead-letters it
            }
        }
        return partitionTime >= 0 ? partitionTime : Math.max(0, record.timestamp());
    }
}
