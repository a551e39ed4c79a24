package io.newsflow.bench;

import io.newsflow.config.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Sustained throughput of a Kafka Streams topology over the pre-loaded input. The clock starts at the
 * first processed record and stops at the last one, i.e. the last change of the processed-records
 * metric before the group's committed offsets reached the end of every input partition (lag 0). Start-up,
 * rebalancing and the final commit wait are therefore not counted, as for the passthrough.
 */
final class StreamsThroughputRun {

    private static final long SAMPLE_MS = 50;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

    private final BenchClients clients;

    StreamsThroughputRun(BenchClients clients) {
        this.clients = clients;
    }

    /**
     * @param properties complete Kafka Streams properties of the run (fresh application.id, earliest offsets)
     * @param inputRecords records pre-loaded into the input topics
     */
    ThroughputResult run(String name, Topology topology, Properties properties, long inputRecords) throws Exception {
        String applicationId = properties.getProperty("application.id");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Admin admin = clients.admin(); ResourceMonitor heap = new ResourceMonitor();
                KafkaStreams streams = new KafkaStreams(topology, properties)) {
            Map<TopicPartition, Long> ends = BenchTopics.endOffsets(admin, Set.copyOf(Topics.INPUTS));
            streams.setUncaughtExceptionHandler(e -> {
                failure.compareAndSet(null, e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            StreamsProgress progress = new StreamsProgress(streams);
            long firstNanos = 0;
            long clockStartNanos = 0;
            long clockStartRecords = 0;
            long lastChangeNanos = 0;
            long progressNanos = System.nanoTime();
            long lastProcessed = 0;
            long lastLagCheck = 0;
            long[] streamThreads = null;
            CpuClock clockStartCpu = null;
            CpuClock lastChangeCpu = null;
            while (true) {
                Thread.sleep(SAMPLE_MS);
                if (failure.get() != null || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(name + " failed", failure.get());
                }
                long now = System.nanoTime();
                long processed = progress.processedRecords();
                if (processed != lastProcessed) {
                    if (firstNanos == 0) {
                        firstNanos = now;
                        streamThreads = CpuClock.streamThreads();
                    }
                    lastProcessed = processed;
                    lastChangeNanos = now;
                    lastChangeCpu = CpuClock.read(streamThreads);
                    if (clockStartNanos == 0 && processed >= ThroughputResult.CLOCK_START_FRACTION * inputRecords) {
                        clockStartNanos = now;
                        clockStartRecords = processed;
                        clockStartCpu = lastChangeCpu;
                    }
                    progressNanos = now;
                }
                if (firstNanos != 0 && now - lastLagCheck > 250_000_000L) {
                    lastLagCheck = now;
                    if (caughtUp(admin, applicationId, ends)) {
                        break;
                    }
                }
                if (now - progressNanos > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException(name + " made no progress for " + STALL_TIMEOUT.toSeconds()
                            + " s (processed " + lastProcessed + " records)");
                }
            }
            ResourceMonitor.Peak peak = heap.peak();
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            // process-total also counts records read back from internal topics (a few per thousand inputs)
            long steadyRecords = Math.min(inputRecords, lastProcessed) - Math.min(inputRecords, clockStartRecords);
            return new ThroughputResult(name, inputRecords, lastChangeNanos - firstNanos, steadyRecords,
                    lastChangeNanos - clockStartNanos, peak,
                    lastChangeCpu == null || clockStartCpu == null ? null : lastChangeCpu.since(clockStartCpu));
        }
    }

    private static boolean caughtUp(Admin admin, String groupId, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            // Under exactly-once the committed offset can sit one past the last record (transaction marker).
            if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
                return false;
            }
        }
        return true;
    }
}
