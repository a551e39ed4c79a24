package io.newsflow.bench;

import io.newsflow.config.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The raw Kafka limit: one consumer thread reads the input topics, decodes every value with the
 * pipeline's Avro deserializer (specific reader), re-encodes it with the pipeline's serializer and
 * writes it to {@code bench.passthrough.<input topic>}, keeping the record timestamp. This is the
 * least any topology on the same data must do, so it is the ceiling the topology is compared with.
 */
final class Passthrough implements Runnable {

    static final String OUTPUT_PREFIX = "bench.passthrough.";

    private final BenchClients clients;
    private final String groupId;
    private final long stopAfter;
    private final int lingerMs;
    private final long commitIntervalMs;
    private final String offsetReset;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile long firstRecordNanos;
    private volatile long clockStartNanos;
    private volatile long clockStartRecords;
    private volatile long doneNanos;
    private volatile CpuClock clockStartCpu;
    private volatile CpuClock doneCpu;

    /**
     * @param stopAfter stop (after flushing) once this many records were passed through; Long.MAX_VALUE to run until {@link #stop()}
     */
    Passthrough(BenchClients clients, String groupId, long stopAfter, int lingerMs, long commitIntervalMs,
            String offsetReset) {
        this.offsetReset = offsetReset;
        this.clients = clients;
        this.groupId = groupId;
        this.stopAfter = stopAfter;
        this.lingerMs = lingerMs;
        this.commitIntervalMs = commitIntervalMs;
    }

    static Collection<String> outputTopics() {
        return Topics.INPUTS.stream().map(topic -> OUTPUT_PREFIX + topic).toList();
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, Object> consumer = clients.avroConsumer(groupId, offsetReset);
                KafkaProducer<String, Object> producer = clients.avroProducer(groupId + "-producer", lingerMs)) {
            consumer.subscribe(Topics.INPUTS, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(consumer::position); // resolve "latest" now, before any load starts
                    assigned.countDown();
                }
            });
            long lastCommit = System.nanoTime();
            while (running && processed.get() < stopAfter) {
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty() && firstRecordNanos == 0) {
                    firstRecordNanos = System.nanoTime();
                }
                for (ConsumerRecord<String, Object> record : records) {
                    producer.send(new ProducerRecord<>(OUTPUT_PREFIX + record.topic(), null, record.timestamp(),
                            record.key(), record.value()), (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
                long done = processed.addAndGet(records.count());
                if (clockStartNanos == 0 && done >= ThroughputResult.CLOCK_START_FRACTION * stopAfter) {
                    clockStartNanos = System.nanoTime();
                    clockStartRecords = done;
                    clockStartCpu = CpuClock.read(new long[0]);
                }
                if (System.nanoTime() - lastCommit >= commitIntervalMs * 1_000_000) {
                    // At-least-once like Kafka Streams: outputs are flushed before the input offsets are committed.
                    producer.flush();
                    consumer.commitSync();
                    lastCommit = System.nanoTime();
                }
            }
            producer.flush();
            consumer.commitSync();
            doneNanos = System.nanoTime();
            doneCpu = CpuClock.read(new long[0]);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        } finally {
            assigned.countDown();
        }
    }

    /** Waits until the consumer owns its partitions (or failed). */
    boolean awaitAssigned(long timeoutMs) throws InterruptedException {
        return assigned.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
    }

    long processed() {
        return processed.get();
    }

    /** Wall time from the first record polled to the last output flushed, or 0 if not finished. */
    long elapsedNanos() {
        return doneNanos == 0 || firstRecordNanos == 0 ? 0 : doneNanos - firstRecordNanos;
    }

    /** The steady-state part of the run (see {@link ThroughputResult#CLOCK_START_FRACTION}). */
    ThroughputResult result(String name, ResourceMonitor.Peak peak) {
        return new ThroughputResult(name, processed(), elapsedNanos(), processed() - clockStartRecords,
                doneNanos - clockStartNanos, peak,
                doneCpu == null || clockStartCpu == null ? null : doneCpu.since(clockStartCpu));
    }

    Exception failure() {
        return failure.get();
    }
}
