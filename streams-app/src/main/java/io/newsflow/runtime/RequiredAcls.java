package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.KafkaSchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The ACLs newsflow needs on a cluster with an authorizer, in one place: docs/operations.md's table is
 * generated from here ({@link #markdown}), the secured-cluster test grants exactly these and nothing
 * else, and {@link ClusterAccess} checks them at start. READ and WRITE imply DESCRIBE (Kafka's rule),
 * so DESCRIBE is not listed beside them.
 */
public final class RequiredAcls {

    /** Who needs an ACL: the process that runs the topology, the one that publishes inputs, or both. */
    public enum Role {
        /** {@code run} and {@code demo}: Kafka Streams and its admin clients. */
        APP("`run`, `demo`"),
        /** {@code produce} (and {@code demo}, which publishes the scenario): the CLI producers. */
        PRODUCER("`produce`, `demo`"),
        /** {@code demo} alone: it reads the outputs back to print them. */
        DEMO("`demo`"),
        /** Every process with {@code schema.registry.url=kafka://...} (the default). */
        REGISTRY("all, with a `kafka://` registry");

        private final String who;

        Role(String who) {
            this.who = who;
        }
    }

    /** One ACL: {@code operation} allowed on the resource, for {@code why}. */
    public record Acl(Role role, ResourceType type, String name, PatternType pattern, AclOperation operation,
            String why) {

        /** The ACL granted to {@code principal} (e.g. {@code User:newsflow}) from any host. */
        public AclBinding binding(String principal) {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
        }

        /** As a line of output: {@code WRITE on TOPIC 'alerts.price-moves'}. */
        public String describe() {
            return operation + " on " + type + " '" + name + "'" + (pattern == PatternType.PREFIXED ? " (prefixed)" : "");
        }
    }

    /**
     * Outputs the topology reads back: the article scores (rolling sentiment, reactions) and the
     * topics of the query views. A test compares this with the topology's source topics.
     */
    public static final List<String> READ_BACK = List.of(Topics.ARTICLE_SCORES, Topics.SENTIMENT_ROLLING,
            Topics.MARKET_REACTION, Topics.PRICE_ALERTS, Topics.CREDIT_EQUITY, Topics.SIGNAL_QUALITY,
            Topics.SENTIMENT_DECAYED);

    private RequiredAcls() {
    }

    /** Every ACL of the roles, for the configuration's application.id and registry topic. */
    public static List<Acl> of(AppConfig config, Role... roles) {
        List<Acl> all = new ArrayList<>();
        for (Acl acl : all(config)) {
            if (List.of(roles).contains(acl.role())) {
                all.add(acl);
            }
        }
        return all;
    }

    /** Every ACL newsflow needs with this configuration. */
    public static List<Acl> all(AppConfig config) {
        String app = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        List<Acl> acls = new ArrayList<>();
        for (String topic : Topics.INPUTS) {
            acls.add(new Acl(Role.APP, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE,
                    "created with the configured partitions when missing"));
            acls.add(new Acl(Role.APP, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ,
                    "input of the topology"));
        }
        for (String topic : Topics.OUTPUTS) {
            acls.add(new Acl(Role.APP, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE,
                    "created with the configured partitions when missing"));
            acls.add(new Acl(Role.APP, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                    "output of the topology"));
            if (READ_BACK.contains(topic)) {
                acls.add(new Acl(Role.APP, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ,
                        "read back: by later steps or the query API's views"));
            }
        }
        acls.add(new Acl(Role.APP, ResourceType.TOPIC, Topics.DEAD_LETTERS, PatternType.LITERAL,
                AclOperation.DESCRIBE_CONFIGS, "its max.message.bytes bounds a dead letter's size"));
        acls.add(new Acl(Role.APP, ResourceType.TOPIC, app + "-", PatternType.PREFIXED, AclOperation.ALL,
                "Kafka Streams' internal topics (changelogs, repartition topics): created, read, written, purged"));
        acls.add(new Acl(Role.APP, ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ,
                "the consumer group of application.id (commits; /health reads its offsets)"));
        acls.add(new Acl(Role.APP, ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED, AclOperation.WRITE,
                "exactly_once_v2: the Streams producers' transactional ids"));
        for (String topic : Topics.INPUTS) {
            acls.add(new Acl(Role.PRODUCER, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                    "publishes the inputs"));
        }
        for (String topic : Topics.OUTPUTS) {
            acls.add(new Acl(Role.DEMO, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ,
                    "the demo prints what the outputs hold"));
        }
        acls.add(new Acl(Role.DEMO, ResourceType.GROUP, OutputMonitor.GROUP_PREFIX, PatternType.PREFIXED,
                AclOperation.READ, "the demo's reader of the outputs, a group of its own per run"));
        registryTopic(config).ifPresent(topic -> {
            for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE)) {
                acls.add(new Acl(Role.REGISTRY, ResourceType.TOPIC, topic, PatternType.LITERAL, operation,
                        "the schema registry's topic: created when missing, read at start, written on registration"));
            }
            acls.add(new Acl(Role.REGISTRY, ResourceType.TRANSACTIONAL_ID,
                    KafkaSchemaRegistry.writerTransactionalId(topic),
                    PatternType.LITERAL, AclOperation.WRITE, "the registry's one writer (ids are allocated in transactions)"));
        });
        return acls;
    }

    /** The topic of a {@code kafka://} registry on the configured cluster, empty for http:// or mock://. */
    static Optional<String> registryTopic(AppConfig config) {
        String url = config.getString(AvroSerdes.SCHEMA_REGISTRY_URL);
        if (!url.startsWith(KafkaSchemaRegistry.SCHEME)) {
            return Optional.empty();
        }
        String withCluster = config.getOptional(KafkaEnvironment.BOOTSTRAP_SERVERS).isPresent()
                ? AvroSerdes.registryUrl(config) : AvroSerdes.registryUrl(config.with(KafkaEnvironment.BOOTSTRAP_SERVERS, "cluster:9092"));
        return Optional.of(KafkaSchemaRegistry.Location.parse(withCluster).topic());
    }

    /** The table of docs/operations.md: the defaults' names (application.id newsflow). */
    public static String markdown(AppConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("| who | resource | name | pattern | operation | why |\n|---|---|---|---|---|---|\n");
        for (Acl acl : all(config)) {
            out.append("| ").append(acl.role().who).append(" | ").append(acl.type()).append(" | `").append(acl.name())
                    .append("` | ").append(acl.pattern()).append(" | ").append(acl.operation()).append(" | ")
                    .append(acl.why()).append(" |\n");
        }
        return out.toString();
    }
}
