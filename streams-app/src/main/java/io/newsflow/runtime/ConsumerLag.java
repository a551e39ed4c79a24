package io.newsflow.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a consumer group (the streams application id) is behind the end of some topics: the
 * honest "has the pipeline processed everything that was produced" check, independent of how
 * many outputs that produced.
 * <p>
 * Under exactly-once a partition's end can lie past its last record: transaction markers, and the
 * records of a transaction that was aborted (a crashed instance's). Kafka Streams commits past them
 * only when it processes a later record of the task, which may never come. Given the clients'
 * settings, small gaps are therefore read with a {@code read_committed} consumer, and only the
 * records it gets count.
 */
public final class ConsumerLag {

    /** A gap up to this size is read to see whether it holds records or only markers and aborted records. */
    static final long GAP_READ = 64;
    private static final Duration READ_LIMIT = Duration.ofSeconds(2);

    private final Admin admin;
    private final Optional<Map<String, Object>> clientSettings;

    /** Counts every offset between the committed one and the end, markers included. */
    public ConsumerLag(Admin admin) {
        this.admin = admin;
        this.clientSettings = Optional.empty();
    }

    /** Counts only records: small gaps are read with a consumer of {@code clientSettings} (bootstrap, security). */
    public ConsumerLag(Admin admin, Map<String, Object> clientSettings) {
        this.admin = admin;
        this.clientSettings = Optional.of(Map.copyOf(clientSettings));
    }

    /** Records not yet committed by {@code groupId} on {@code topics}; partitions without a commit count whole. */
    public long of(String groupId, Collection<String> topics) throws ExecutionException, InterruptedException {
        return sum(perPartition(topics, committed(groupId)));
    }

    /**
     * Records not yet committed by the Kafka Streams application {@code appId} on all it reads: its
     * {@code inputs}, its repartition topics, and every other topic it has committed on (outputs read back).
     * Under exactly-once, zero means every output of what was produced so far is committed, however many
     * Kafka hops lie between an input and its last output.
     */
    public long ofApplication(String appId, Collection<String> inputs) throws ExecutionException, InterruptedException {
        return sum(applicationLags(appId, inputs));
    }

    /** {@link #ofApplication}'s partitions that are behind, with their lag: what a wait that timed out reports. */
    public Map<TopicPartition, Long> behindOfApplication(String appId, Collection<String> inputs)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> behind = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        applicationLags(appId, inputs).forEach((tp, lag) -> {
            if (lag > 0) {
                behind.put(tp, lag);
            }
        });
        return behind;
    }

    private static long sum(Map<TopicPartition, Long> lags) {
        return lags.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The application's lag per partition of all it reads, its committed offsets asked for once. */
    private Map<TopicPartition, Long> applicationLags(String appId, Collection<String> inputs)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(appId);
        Set<String> topics = new TreeSet<>(inputs);
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(appId + "-") && t.endsWith("-repartition")).forEach(topics::add);
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        return perPartition(topics, committed);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String groupId)
            throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    }

    private Map<TopicPartition, Long> perPartition(Collection<String> topics,
            Map<TopicPartition, OffsetAndMetadata> committed) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, Long> lags = new HashMap<>();
        Map<TopicPartition, long[]> smallGaps = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            long from = done == null ? 0 : done.offset();
            long lag = Math.max(0, end.getValue() - from);
            lags.put(end.getKey(), lag);
            if (lag > 0 && lag <= GAP_READ) {
                smallGaps.put(end.getKey(), new long[] {from, end.getValue()});
            }
        }
        if (clientSettings.isPresent() && !smallGaps.isEmpty()) {
            lags.putAll(recordsIn(smallGaps));
        }
        return lags;
    }

    /**
     * Per partition, the records a {@code read_committed} consumer gets in {@code [from, end)}, plus what it
     * could not reach in time (an open transaction holds it back: those records may yet commit).
     */
    private Map<TopicPartition, Long> recordsIn(Map<TopicPartition, long[]> gaps) {
        Map<String, Object> settings = new HashMap<>(clientSettings.get());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, Long> records = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> reader =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.copyOf(gaps.keySet()));
            gaps.forEach((tp, range) -> {
                reader.seek(tp, range[0]);
                records.put(tp, 0L);
            });
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline && !allRead(reader, gaps)) {
                reader.poll(Duration.ofMillis(100)).forEach(r -> {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < gaps.get(tp)[1]) {
                        records.merge(tp, 1L, Long::sum);
                    }
                });
            }
            gaps.forEach((tp, range) -> records.merge(tp, Math.max(0, range[1] - reader.position(tp)), Long::sum));
        }
        return records;
    }

    private static boolean allRead(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, long[]> gaps) {
        return gaps.entrySet().stream().allMatch(g -> reader.position(g.getKey()) >= g.getValue()[1]);
    }
}
