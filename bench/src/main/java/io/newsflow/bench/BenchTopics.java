package io.newsflow.bench;

import io.newsflow.config.Topics;
import io.newsflow.runtime.TopicBootstrap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Creates the pipeline's topics and the passthrough's outputs, and refuses to benchmark on top of old data. */
final class BenchTopics {

    private BenchTopics() {
    }

    /**
     * Creates them as the app's topic set-up does ({@link TopicBootstrap}, which also waits until they
     * serve), the passthrough's outputs with {@code partitions} too.
     *
     * @param singleArticles the app's articles.single.partition: the articles topic then gets one partition
     */
    static void create(Admin admin, int partitions, boolean singleArticles) {
        Map<String, Integer> wanted = new LinkedHashMap<>(TopicBootstrap.pipelineTopics(partitions, singleArticles));
        Passthrough.outputTopics().forEach(topic -> wanted.put(topic, partitions));
        new TopicBootstrap(admin).ensureTopics(wanted, Map.of(), Optional.empty());
    }

    /** Fails when an input topic already holds records: counts and timings would silently include them. */
    static void requireEmptyInputs(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> ends = endOffsets(admin, Set.copyOf(Topics.INPUTS));
        long existing = ends.values().stream().mapToLong(Long::longValue).sum();
        if (existing > 0) {
            throw new IllegalStateException("the input topics " + Topics.INPUTS + " already hold " + existing
                    + " records; run the benchmark against an empty cluster");
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics)
            throws InterruptedException, ExecutionException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(request).all().get();
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
