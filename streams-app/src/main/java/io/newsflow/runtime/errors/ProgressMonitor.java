package io.newsflow.runtime.errors;

import io.newsflow.metrics.Degradations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, on a schedule, the application's committed offsets against the end offsets of its input
 * topics (two Admin calls), and reports a partition that has lag but whose committed offset has not
 * moved for {@code health.stall.after} as DEGRADED: the symptom of a record that fails again and
 * again, or of an outage the records are waiting out, whatever its cause.
 */
public final class ProgressMonitor implements AutoCloseable {

    public static final String STALL_AFTER = "health.stall.after";
    public static final String SOURCE = "partition-progress";

    private record Sample(long committed, long sinceMs) {
    }

    private final Admin admin;
    private final String groupId;
    private final Collection<String> topics;
    private final Duration stallAfter;
    private final Degradations degradations;
    private final Map<TopicPartition, Sample> samples = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsflow-progress-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressMonitor(Admin admin, String groupId, Collection<String> topics, Duration stallAfter,
            Degradations degradations) {
        this.admin = admin;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.stallAfter = stallAfter;
        this.degradations = degradations;
    }

    /** Samples every quarter of {@code health.stall.after} (at least every second). */
    public ProgressMonitor start() {
        long period = Math.max(1_000, stallAfter.toMillis() / 4);
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sampleQuietly() {
        try {
            sample(System.currentTimeMillis());
        } catch (Exception e) {
            // the broker may be away for a moment; the next sample tries again
        }
    }

    /** One sample at wall-clock {@code nowMs}: the partitions stalled so far (also reported to /health). */
    synchronized List<String> sample(long nowMs) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        List<String> stalled = new ArrayList<>();
        ends.forEach((tp, end) -> {
            OffsetAndMetadata done = committed.get(tp);
            long offset = done == null ? -1 : done.offset(); // nothing committed yet counts as stuck at the start
            Sample before = samples.get(tp);
            if (before == null || before.committed() != offset || end <= Math.max(0, offset)) {
                samples.put(tp, new Sample(offset, nowMs));
            } else if (nowMs - before.sinceMs() >= stallAfter.toMillis()) {
                stalled.add(tp + " at offset " + offset + " (lag " + (end - Math.max(0, offset)) + ")");
            }
        });
        if (stalled.isEmpty()) {
            degradations.clear(SOURCE);
        } else {
            degradations.report(SOURCE, "no progress for " + stallAfter + " while lagging: " + String.join(", ", stalled));
        }
        return stalled;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
