package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.config.Topics;
import io.newsflow.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics before anything produces to them, so every topic gets the
 * configured partition count (joins need co-partitioned inputs) instead of whatever broker-side
 * auto-creation would pick. Idempotent: topics that exist are left alone, and a partition count
 * different from the configured one is reported, not changed.
 */
public final class TopicBootstrap {

    public static final String PARTITIONS = "topic.partitions";
    /** -1 (or empty) leaves the replication factor to the broker's default.replication.factor. */
    public static final String REPLICATION_FACTOR = "topic.replication.factor";

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrap.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public TopicBootstrap(Admin admin) {
        this.admin = admin;
    }

    /** Creates {@link Topics#all()} on the cluster at {@code bootstrapServers} as configured. */
    public static Result ensureAll(String bootstrapServers, AppConfig config) {
        Map<String, Object> props = KafkaClientConfig.admin(config);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return new TopicBootstrap(admin).ensureAll(config);
        }
    }

    /**
     * Creates {@link Topics#all()} with {@code topic.partitions} and {@code topic.replication.factor};
     * with {@code articles.single.partition=true} the articles topic gets one partition, and the
     * set-up fails when it exists with more (novelty would then be judged per partition); otherwise
     * it fails when the articles topic exists with another count than {@code topic.partitions}
     * (the novelty funnel would wait for watermarks of partitions that do not exist, or not wait
     * for some that do).
     */
    public Result ensureAll(AppConfig config) {
        int partitions = config.getInt(PARTITIONS);
        int rf = config.getInt(REPLICATION_FACTOR); // -1 or 1..32767, checked by the definition
        boolean singleArticles = config.getBoolean(TopologySettings.ARTICLES_SINGLE_PARTITION);
        Map<String, String> exact = Map.of(Topics.ARTICLES, singleArticles
                ? TopologySettings.ARTICLES_SINGLE_PARTITION
                        + "=true: novelty needs every article in one task; set it to false, or recreate the topic"
                : "the novelty funnel releases an article once each of the " + PARTITIONS
                        + " articles partitions has sent a watermark; set " + PARTITIONS + " to the topic's count");
        return ensureTopics(pipelineTopics(partitions, singleArticles), exact,
                rf == -1 ? Optional.empty() : Optional.of((short) rf));
    }

    /**
     * {@link Topics#all()} with their partition counts: {@code partitions} each, except the articles
     * topic, which has one with {@code articles.single.partition=true} ({@code singleArticles}).
     */
    public static Map<String, Integer> pipelineTopics(int partitions, boolean singleArticles) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        Topics.all().forEach(topic -> wanted.put(topic, partitions));
        if (singleArticles) {
            wanted.put(Topics.ARTICLES, 1);
        }
        return wanted;
    }

    /**
     * Creates the topics of {@code names} that do not exist yet, then waits until every partition
     * of the created topics has a leader, so a producer started right after does not race metadata.
     */
    public Result ensureTopics(Collection<String> names, int partitions, Optional<Short> replicationFactor) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        names.forEach(name -> wanted.put(name, partitions));
        return ensureTopics(wanted, Map.of(), replicationFactor);
    }

    /**
     * Creates the topics of {@code partitionsByTopic} that do not exist yet with their partition
     * count and waits until they serve. An existing topic with another count is reported in the
     * warnings, or, when it is one of {@code exact} (topic -> why it must have that count), refused
     * with an exception.
     */
    public Result ensureTopics(Map<String, Integer> partitionsByTopic, Map<String, String> exact,
            Optional<Short> replicationFactor) {
        partitionsByTopic.forEach((name, partitions) -> {
            if (partitions < 1) {
                throw new IllegalArgumentException("Topic partitions must be >= 1, was " + partitions + " for " + name);
            }
        });
        List<String> unique = List.copyOf(partitionsByTopic.keySet());
        List<NewTopic> requests = unique.stream()
                .map(name -> new NewTopic(name, Optional.of(partitionsByTopic.get(name)), replicationFactor))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (String name : unique) {
            try {
                results.get(name).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicAuthorizationException) {
                    // the broker names no topic when it refuses one of a batch; this one it was
                    throw new org.apache.kafka.common.errors.TopicAuthorizationException(
                            "Not authorized to create or describe topic '" + name + "'", java.util.Set.of(name));
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic '" + name + "': " + e.getCause(), e.getCause());
                }
                existing.add(name);
            } catch (Exception e) {
                throw new IllegalStateException("Could not create topic '" + name + "': " + e, e);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (TopicDescription d : describeAndWait(unique)) {
            int wanted = partitionsByTopic.get(d.name());
            if (d.partitions().size() == wanted) {
                continue;
            }
            if (exact.containsKey(d.name())) {
                throw new IllegalStateException("Topic '" + d.name() + "' exists with " + d.partitions().size()
                        + " partitions but must have " + wanted + " (" + exact.get(d.name()) + ")");
            }
            warnings.add("Topic '" + d.name() + "' exists with " + d.partitions().size()
                    + " partitions, configured " + PARTITIONS + " is " + wanted
                    + "; left unchanged (co-partitioned joins need equal counts)");
        }
        warnings.forEach(log::warn);
        return new Result(List.copyOf(created), List.copyOf(existing), List.copyOf(warnings));
    }

    private Collection<TopicDescription> describeAndWait(List<String> names) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Map<String, TopicDescription> descriptions;
            try {
                descriptions = admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException denied) {
                    throw denied; // no wait makes an ACL appear
                }
                // A just-created topic can be briefly unknown to the broker's metadata cache.
                descriptions = null;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not describe topics " + names + ": " + e, e);
                }
            }
            if (descriptions != null && allHaveLeaders(descriptions.values()) && allServing(descriptions.values())) {
                return descriptions.values();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " have partitions without a leader after " + TIMEOUT);
            }
            sleep();
        }
    }

    private static boolean allHaveLeaders(Collection<TopicDescription> descriptions) {
        return descriptions.stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    /**
     * Whether every partition's leader answers a ListOffsets request. The metadata can name a leader
     * a moment before that broker acts as one; an idempotent producer whose first batch meets that
     * NOT_LEADER_OR_FOLLOWER window can then retry it forever with OUT_OF_ORDER_SEQUENCE_NUMBER
     * (seen with the embedded broker: later batches of the same partition were appended first).
     */
    private boolean allServing(Collection<TopicDescription> descriptions) {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.forEach(d -> d.partitions()
                .forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(partitions).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics", e);
            }
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topics", e);
        }
    }

    /** What {@link #ensureTopics} did; {@code warnings} name existing topics with another partition count. */
    public record Result(List<String> created, List<String> existing, List<String> warnings) {
    }
}
