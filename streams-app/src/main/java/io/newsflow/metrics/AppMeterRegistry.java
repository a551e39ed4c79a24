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

    AppMeterRegistry(PrometheusMeterRegistry registry, AutoCloseable... jvmBinders) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.binders.addAll(List.of(jvmBinders));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Exports the client's Kafka Streams (and embedded consumer/producer/admin) metrics as
     * {@code kafka_stream_*}, {@code kafka_consumer_*}, ... Bind after constructing the client (its
     * stream threads and their metrics exist from then on). The binding is closed by {@link #close()};
     * closing it earlier removes the client's meters, e.g. before binding a replacement client.
     */
    public synchronized KafkaStreamsBinding bindKafkaStreams(KafkaStreams streams) {
        Objects.requireNonNull(streams, "streams");
        // One refresher per binding: Micrometer does not cancel its refresh task on close() when the
        // scheduler is supplied, so shutting the scheduler down is what stops it.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newsflow-kafka-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, List.<Tag>of(), refresher, KAFKA_METRICS_REFRESH);
        metrics.bindTo(registry);
        KafkaStreamsBinding binding = new KafkaStreamsBinding(metrics, refresher);
        binders.add(0, binding);
        return binding;
    }

    /** A Kafka Streams client's meters in this registry; close to remove them. */
    public static final class KafkaStreamsBinding implements AutoCloseable {
        private final KafkaStreamsMetrics metrics;
        private final ScheduledExecutorService refresher;

        private KafkaStreamsBinding(KafkaStreamsMetrics metrics, ScheduledExecutorService refresher) {
            this.metrics = metrics;
            this.refresher = refresher;
        }

        @Override
        public void close() {
            refresher.shutdownNow();
            metrics.close();
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // A failing binder must not keep the others (or the registry) open.
                org.slf4j.LoggerFactory.getLogger(AppMeterRegistry.class).warn("closing metrics binder failed", e);
            }
        }
        binders.clear();
        registry.close();
    }
}
