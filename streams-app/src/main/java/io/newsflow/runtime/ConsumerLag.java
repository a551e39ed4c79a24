package io.newsflow.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (the streams application id) is behind the end of some topics: the
 * honest "has the pipeline processed everything that was produced" check, independent of how
 * many outputs that produced.
 */
public final class ConsumerLag {

    private final Admin admin;

    public ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    /** Records not yet committed by {@code groupId} on {@code topics}; partitions without a commit count whole. */
    public long of(String groupId, Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /**
     * Records not yet committed by the Kafka Streams application {@code appId} on all it reads: its
     * {@code inputs}, its repartition topics, and every other topic it has committed on (outputs read back).
     * Under exactly-once, zero means every output of what was produced so far is committed, however many
     * Kafka hops lie between an input and its last output.
     */
    public long ofApplication(String appId, Collection<String> inputs) throws ExecutionException, InterruptedException {
        Set<String> topics = new TreeSet<>(inputs);
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(appId + "-") && t.endsWith("-repartition")).forEach(topics::add);
        admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get().keySet()
                .forEach(tp -> topics.add(tp.topic()));
        return of(appId, topics);
    }
}
