package io.newsflow.bench;

import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/** A Kafka Streams topology as a latency-run subject (fresh application.id, starting at the latest offsets). */
final class StreamsUnderTest implements SystemUnderTest {

    /** After RUNNING, the main consumer still has to resolve "latest"; records sent before that would be skipped. */
    private static final long SETTLE_MS = 2_000;

    private final String name;
    private final KafkaStreams streams;
    private final Collection<String> outputTopics;
    private final boolean transactional;
    private final MeterRegistry registry;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Map<String, LagMetricSummary.Counts> lagBaseline = Map.of();

    /** @param registry the topology's metrics registry, or null when it has none */
    StreamsUnderTest(String name, Topology topology, Properties properties, Collection<String> outputTopics,
            boolean transactional, MeterRegistry registry) {
        this.name = name;
        this.registry = registry;
        this.transactional = transactional;
        this.streams = new KafkaStreams(topology, properties);
        this.outputTopics = outputTopics;
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            running.countDown();
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void startAndAwaitReady() throws Exception {
        streams.start();
        if (!running.await(120, TimeUnit.SECONDS) || failure.get() != null) {
            throw new IllegalStateException(name + " did not reach RUNNING", failure.get());
        }
        Thread.sleep(SETTLE_MS);
    }

    @Override
    public Collection<String> outputTopics() {
        return outputTopics;
    }

    @Override
    public boolean transactional() {
        return transactional;
    }

    @Override
    public void startLagMeasurement() {
        if (registry != null) {
            lagBaseline = LagMetricSummary.snapshot(registry);
        }
    }

    @Override
    public Map<String, LagMetricSummary.StreamLag> inAppLag() {
        return registry == null ? Map.of() : LagMetricSummary.since(registry, lagBaseline);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed during the run", failure.get());
        }
    }
}
