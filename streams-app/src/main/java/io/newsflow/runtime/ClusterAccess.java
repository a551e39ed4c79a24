package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.runtime.RequiredAcls.Acl;
import io.newsflow.runtime.RequiredAcls.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Fails fast, before the app writes anything, with one line naming what is missing: the credentials
 * the cluster refused, or the ACLs of {@link RequiredAcls} it does not grant. Without this a missing
 * ACL shows up much later, as a stream thread that fails and is replaced again and again.
 *
 * <p>What a client can ask: the operations it may do on a topic and a group (Kafka's
 * {@code includeAuthorizedOperations}), and whether it may describe a transactional id (an ACL that
 * allows WRITE on it allows that too). Internal topics (a prefix) cannot be asked about before they exist.
 */
public final class ClusterAccess {

    private static final Pattern USER_NAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final long TIMEOUT_MS = 30_000;
    private static final String SEE = "grant what docs/operations.md#acls lists";

    private ClusterAccess() {
    }

    /** Checks the ACLs of the app and its registry on the configured cluster (bootstrap.servers set). */
    public static void check(AppConfig config) {
        List<Acl> required = RequiredAcls.of(config, Role.APP, Role.REGISTRY);
        Map<String, Object> adminConfig = KafkaClientConfig.admin(config);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        Set<String> missing = new LinkedHashSet<>();
        try (Admin admin = Admin.create(adminConfig)) {
            topics(admin, required, missing);
            groups(admin, required, missing);
            transactionalIds(admin, required, missing);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), config).orElseThrow(() -> new IllegalStateException(
                    "Could not check the ACLs on " + cluster(config) + ": " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the ACLs", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not check the ACLs on " + cluster(config) + " within " + TIMEOUT_MS + " ms", e);
        }
        if (!missing.isEmpty()) {
            throw new ClusterAccessException(denied(config, missing));
        }
    }

    /**
     * The one-line failure for an authentication or authorization error anywhere in {@code failure}'s
     * causes, naming the ACL missing when it is one of {@link RequiredAcls}; empty for other failures.
     */
    public static Optional<ClusterAccessException> translate(Throwable failure, AppConfig config) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClusterAccessException c) {
                return Optional.of(c);
            }
            if (t instanceof AuthenticationException) {
                return Optional.of(new ClusterAccessException("Kafka at " + cluster(config) + " refused to authenticate "
                        + principal(config) + " (security.protocol=" + config.getString("security.protocol", "PLAINTEXT")
                        + ", sasl.mechanism=" + config.getString("sasl.mechanism", "GSSAPI") + "): " + t.getMessage()
                        + " — check sasl.jaas.config and ssl.truststore.*"));
            }
            if (t instanceof AuthorizationException) {
                List<Acl> required = RequiredAcls.all(config);
                Set<String> missing = new LinkedHashSet<>();
                if (t instanceof TopicAuthorizationException topics) {
                    topics.unauthorizedTopics().forEach(topic -> missing.addAll(describing(required, ResourceType.TOPIC, topic)));
                } else if (t instanceof GroupAuthorizationException group && group.groupId() != null) {
                    missing.addAll(describing(required, ResourceType.GROUP, group.groupId()));
                }
                if (missing.isEmpty()) {
                    missing.add(t.getClass().getSimpleName() + ": " + t.getMessage());
                }
                return Optional.of(new ClusterAccessException(denied(config, missing)));
            }
        }
        return Optional.empty();
    }

    private static void topics(Admin admin, List<Acl> required, Set<String> missing)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<String> names = new LinkedHashSet<>();
        required.stream().filter(a -> a.type() == ResourceType.TOPIC && a.pattern() == PatternType.LITERAL)
                .forEach(a -> names.add(a.name()));
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names,
                new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
        for (String topic : names) {
            try {
                Set<AclOperation> allowed = described.get(topic).get(TIMEOUT_MS, TimeUnit.MILLISECONDS).authorizedOperations();
                forResource(required, ResourceType.TOPIC, topic).stream()
                        .filter(a -> allowed != null && !allowed.isEmpty() && !allowed.contains(a.operation()))
                        .forEach(a -> missing.add(a.describe()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    missing.addAll(describing(required, ResourceType.TOPIC, topic));
                } else if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e; // a topic still missing (the registry's) is created later, which needs CREATE
                }
            }
        }
    }

    private static void groups(Admin admin, List<Acl> required, Set<String> missing)
            throws InterruptedException, java.util.concurrent.TimeoutException, ExecutionException {
        for (Acl acl : required) {
            if (acl.type() != ResourceType.GROUP || acl.pattern() != PatternType.LITERAL) {
                continue;
            }
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(acl.name()),
                        new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true))
                        .describedGroups().get(acl.name()).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Set<AclOperation> allowed = group.authorizedOperations();
                if (allowed != null && !allowed.isEmpty() && !allowed.contains(acl.operation())) {
                    missing.add(acl.describe());
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupAuthorizationException) {
                    missing.add(acl.describe());
                } else if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    /** A transactional id that may be described is one an ACL covers; none exists yet, and need not. */
    private static void transactionalIds(Admin admin, List<Acl> required, Set<String> missing)
            throws InterruptedException, java.util.concurrent.TimeoutException, ExecutionException {
        for (Acl acl : required) {
            if (acl.type() != ResourceType.TRANSACTIONAL_ID) {
                continue;
            }
            String id = acl.pattern() == PatternType.PREFIXED ? acl.name() + "access-check" : acl.name();
            try {
                admin.describeTransactions(List.of(id)).description(id).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TransactionalIdAuthorizationException) {
                    missing.add(acl.describe());
                } else if (!(e.getCause() instanceof org.apache.kafka.common.errors.TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    private static List<Acl> forResource(Collection<Acl> required, ResourceType type, String name) {
        return required.stream().filter(a -> a.type() == type && a.name().equals(name)).toList();
    }

    /** The required ACLs that would let a client describe the resource (READ, WRITE... imply DESCRIBE). */
    private static List<String> describing(Collection<Acl> required, ResourceType type, String name) {
        List<String> out = new ArrayList<>();
        for (Acl acl : forResource(required, type, name)) {
            if (acl.operation() != AclOperation.CREATE && acl.operation() != AclOperation.DESCRIBE_CONFIGS) {
                out.add(acl.describe());
            }
        }
        if (out.isEmpty()) {
            out.add("DESCRIBE on " + type + " '" + name + "'");
        }
        return out;
    }

    private static String denied(AppConfig config, Collection<String> missing) {
        return "Kafka at " + cluster(config) + " denies " + principal(config) + " what newsflow needs; missing ACL"
                + (missing.size() == 1 ? ": " : "s: ") + String.join(", ", missing) + " — " + SEE;
    }

    private static String cluster(AppConfig config) {
        return config.getString(KafkaEnvironment.BOOTSTRAP_SERVERS, "(no bootstrap.servers)");
    }

    /** {@code user 'newsflow'} from sasl.jaas.config, or what the connection is when it names none. */
    private static String principal(AppConfig config) {
        Matcher user = USER_NAME.matcher(config.getString("sasl.jaas.config", ""));
        return user.find() ? "user '" + user.group(1) + "'" : "this client";
    }
}
