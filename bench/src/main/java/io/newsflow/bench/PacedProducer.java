package io.newsflow.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Offers the workload at a fixed rate. Each record is stamped with the time it was <em>due</em>, not
 * the time it was sent, so a stalled producer or broker shows up as latency instead of silently
 * lowering the load (no coordinated omission).
 */
final class PacedProducer {

    private final BenchClients clients;
    private final int lingerMs;

    PacedProducer(BenchClients clients, int lingerMs) {
        this.clients = clients;
        this.lingerMs = lingerMs;
    }

    /** Blocks for the duration; returns the number of records sent. */
    long run(Feed workload, int eventsPerSecond, int durationSeconds) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long total = (long) eventsPerSecond * durationSeconds;
        long sent = 0;
        try (KafkaProducer<String, Object> producer = clients.avroProducer("bench-paced", lingerMs)) {
            long startMillis = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            while (sent < total && failure.get() == null) {
                long elapsedNanos = System.nanoTime() - startNanos;
                long due = Math.min(total, elapsedNanos * eventsPerSecond / TimeUnit.SECONDS.toNanos(1));
                for (; sent < due; sent++) {
                    long dueMillis = startMillis + sent * 1000 / eventsPerSecond;
                    BenchEvent event = workload.next(dueMillis);
                    producer.send(new ProducerRecord<>(event.topic(), null, dueMillis, event.key(), event.value()),
                            (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("paced producer failed", failure.get());
        }
        return sent;
    }
}
