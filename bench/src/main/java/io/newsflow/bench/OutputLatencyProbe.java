package io.newsflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures end-to-end latency where a user sees it: a consumer on the output topics records, for
 * every output, wall clock at receipt minus the record timestamp. Outputs carry the timestamp of the
 * input that produced them (Kafka Streams propagates it, the passthrough copies it) and inputs are
 * stamped with their due time, so this is "event offered -> result readable", producer batching,
 * broker, processing, caching and consumer fetch included. Millisecond resolution. Under exactly-once
 * the probe reads committed records only, as any read_committed consumer of the pipeline would.
 */
final class OutputLatencyProbe implements Runnable {

    private final BenchClients clients;
    private final Collection<String> topics;
    private volatile long notBeforeMillis;
    private final boolean readCommitted;
    private final Map<String, LatencyStats> perTopic = new ConcurrentHashMap<>();
    private final LatencyStats all = new LatencyStats();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** @param notBeforeMillis outputs of inputs older than this (earlier phases) are ignored */
    OutputLatencyProbe(BenchClients clients, Collection<String> topics, long notBeforeMillis, boolean readCommitted) {
        this.readCommitted = readCommitted;
        this.clients = clients;
        this.topics = topics;
        this.notBeforeMillis = notBeforeMillis;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.rawConsumer("bench-latency-probe-" + System.nanoTime(), readCommitted)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before the load starts
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    if (record.timestamp() >= notBeforeMillis) {
                        long latency = Math.max(0, now - record.timestamp());
                        all.record(latency);
                        perTopic.computeIfAbsent(record.topic(), t -> new LatencyStats()).record(latency);
                    }
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        } finally {
            positioned.countDown();
        }
    }

    /** From now on, only outputs of inputs stamped at or after {@code millis} count (the end of a warm-up). */
    void measureFrom(long millis) {
        notBeforeMillis = millis;
    }

    void awaitPositioned() throws InterruptedException {
        positioned.await();
    }

    void stop() {
        running = false;
    }

    LatencyStats.Summary overall() {
        return all.summary();
    }

    Map<String, LatencyStats.Summary> byTopic() {
        Map<String, LatencyStats.Summary> summaries = new TreeMap<>();
        perTopic.forEach((topic, stats) -> summaries.put(topic, stats.summary()));
        return summaries;
    }

    Exception failure() {
        return failure.get();
    }
}
