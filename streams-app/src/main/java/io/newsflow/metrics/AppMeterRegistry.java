package io.newsflow.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The application's Prometheus registry plus the binders that must be closed with it.
 * Closing releases the Kafka Streams binders first (they poll the client), then the JVM binders,
 * then the registry.
 */
public final class AppMeterRegistry implements AutoCloseable {

    /**
     * Micrometer re-reads the Kafka client's metric list on this period. Task-level Kafka Streams
     * metrics only exist after a rebalance assigns tasks, so the default one minute would leave them
     * off the first scrapes of a short demo.
     */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders = new ArrayList<>();
    private ScheduledExecutorService kafkaRefresher;

    AppMeterRegistry(PrometheusMeterRegistry registry, AutoCloseable... jvmBinders) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.binders.addAll(List.of(jvmBinders));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Exports the client's Kafka Streams (and embedded consumer/producer/admin) metrics as
     * {@code kafka_stream_*}, {@code kafka_consumer_*}, ... Bind after constructing the client; the
     * returned binder is also closed by {@link #close()}, closing it earlier unbinds the client.
     */
    public synchronized KafkaStreamsMetrics bindKafkaStreams(KafkaStreams streams) {
        if (kafkaRefresher == null) {
            kafkaRefresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "newsflow-kafka-metrics-refresh");
                thread.setDaemon(true);
                return thread;
            });
        }
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(Objects.requireNonNull(streams, "streams"),
                List.<Tag>of(), kafkaRefresher, KAFKA_METRICS_REFRESH);
        metrics.bindTo(registry);
        binders.add(0, metrics);
        return metrics;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // A failing binder must not keep the others (or the registry) open.
                System.getLogger(AppMeterRegistry.class.getName())
                        .log(System.Logger.Level.WARNING, "closing metrics binder failed", e);
            }
        }
        binders.clear();
        if (kafkaRefresher != null) {
            kafkaRefresher.shutdownNow();
            kafkaRefresher = null;
        }
        registry.close();
    }
}
