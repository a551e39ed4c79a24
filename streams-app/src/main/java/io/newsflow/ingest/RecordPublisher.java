package io.newsflow.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes Avro records with String keys. Each record's Kafka timestamp is its event time, so
 * the topology's event-time semantics hold from the first hop. Counts acknowledged and failed sends
 * per topic; a failed send is counted and its first error kept, never thrown away.
 */
public final class RecordPublisher implements AutoCloseable {

    /** Config key naming the value serializer class; not a Kafka key, removed before the producer sees it. */
    public static final String VALUE_SERIALIZER_CLASS = "value.serializer.class";
    public static final String DEFAULT_VALUE_SERIALIZER = "io.newsflow.serde.KafkaAvroSerializer";

    private final Producer<String, Object> producer;
    private final Map<String, AtomicLong> acked = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();

    public RecordPublisher(Producer<String, Object> producer) {
        this.producer = producer;
    }

    /** Builds a KafkaProducer from {@code bootstrap.servers}, {@code schema.registry.url} and any other producer keys. */
    public static RecordPublisher fromConfig(Map<String, Object> config) {
        return new RecordPublisher(new KafkaProducer<>(producerProperties(config)));
    }

    static Map<String, Object> producerProperties(Map<String, Object> config) {
        Map<String, Object> props = new HashMap<>(config);
        Object serializer = props.remove(VALUE_SERIALIZER_CLASS);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                serializer == null ? DEFAULT_VALUE_SERIALIZER : serializer.toString());
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        return props;
    }

    public void publish(String topic, String key, Object value, Instant eventTime) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(topic, null, eventTime == null ? null : eventTime.toEpochMilli(), key, value);
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acked.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
                } else {
                    recordFailure(topic, error);
                }
            });
        } catch (RuntimeException e) {
            // serialization and buffer errors surface synchronously
            recordFailure(topic, e);
        }
    }

    /** Publishes records in the given order, waiting on the pacer (event time) before each one. */
    public void publishAll(List<Outgoing> records, Pacer pacer) throws InterruptedException {
        for (Outgoing o : records) {
            pacer.await(o.eventTime());
            publish(o.topic(), o.key(), o.value(), o.eventTime());
        }
    }

    private void recordFailure(String topic, Exception error) {
        failed.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
        firstError.putIfAbsent(topic, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    public void flush() {
        producer.flush();
    }

    /** Acknowledged sends per topic, sorted by topic. Call after {@link #flush()}. */
    public Map<String, Long> ackedCounts() {
        return snapshot(acked);
    }

    public Map<String, Long> failedCounts() {
        return snapshot(failed);
    }

    public Map<String, String> firstErrors() {
        return new TreeMap<>(firstError);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        producer.close();
    }
}
