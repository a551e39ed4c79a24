package io.newsflow.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Pre-loads the throughput runs' input as fast as the producer goes. Event times are spaced as if the
 * records had arrived at 10k/s and end now, so windows and grace periods see a normal stream.
 */
final class Loader {

    private static final double LOAD_EVENTS_PER_MS = 10.0;

    private final BenchClients clients;

    Loader(BenchClients clients) {
        this.clients = clients;
    }

    /** Sends {@code count} events of the workload and returns how many went to each topic. */
    Map<String, Long> load(Workload workload, long count) {
        Map<String, Long> perTopic = new TreeMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long base = System.currentTimeMillis() - (long) (count / LOAD_EVENTS_PER_MS);
        try (KafkaProducer<String, Object> producer = clients.avroProducer("bench-loader", 20)) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                BenchEvent event = workload.next(base + (long) (i / LOAD_EVENTS_PER_MS));
                producer.send(new ProducerRecord<>(event.topic(), null, event.timestamp(), event.key(), event.value()),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                perTopic.merge(event.topic(), 1L, Long::sum);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("pre-loading the benchmark input failed", failure.get());
        }
        return perTopic;
    }
}
