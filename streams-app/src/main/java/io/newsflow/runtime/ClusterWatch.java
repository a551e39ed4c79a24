package io.newsflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Which Kafka cluster the app works on, so that a new cluster behind the same address is noticed. A broker
 * started again without its data (no {@code --data-dir}) is a new, empty cluster: the app's consumer group,
 * internal topics, transactional state and registry topic are gone, and the app's local state belongs to a
 * cluster that no longer exists. Kafka Streams does not notice; it would wait, or restore that state against
 * foreign changelogs.
 *
 * <p>The cluster id ({@code Admin.describeCluster}) is remembered in the state directory
 * ({@value #FILE_PREFIX}{@code <application.id>}). At start, a remembered id that differs means the local
 * state is from another cluster: {@link #atStart} says so and the caller wipes it
 * ({@code KafkaStreams.cleanUp()}). While running, the id is checked every {@code cluster.check.interval}
 * (and soon after each rebalance); a different id, or the app's internal topics all gone once they existed,
 * is reported once, in one line, to {@code onChange}: the app stops and exits non-zero so that a supervisor
 * starts it again, and that start wipes the state.
 */
final class ClusterWatch implements AutoCloseable {

    public static final String CHECK_INTERVAL = "cluster.check.interval";
    static final String FILE_PREFIX = "newsflow-cluster-id-";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String applicationId;
    private final Path remembered;
    private final Consumer<String> onChange;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsflow-cluster-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String expected;
    private final Set<String> internalTopicsSeen = new TreeSet<>();
    private volatile boolean changed;

    private ClusterWatch(Admin admin, String applicationId, Path stateDir, Consumer<String> onChange) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.remembered = stateDir.resolve(FILE_PREFIX + applicationId);
        this.onChange = onChange;
    }

    /**
     * Reads the cluster id now and compares it with the one remembered in {@code stateDir}: the line to print
     * when the local state is from another cluster (the caller wipes it), else null. Remembers the current id.
     */
    static ClusterWatch atStart(Admin admin, String applicationId, Path stateDir, Consumer<String> onChange,
            Consumer<String> onStateFromAnotherCluster) {
        ClusterWatch watch = new ClusterWatch(admin, applicationId, stateDir, onChange);
        String before = watch.rememberedId();
        String now = watch.clusterIdOrNull();
        if (before != null && now != null && !before.equals(now)) {
            onStateFromAnotherCluster.accept("The Kafka cluster is not the one the local state was built on (cluster id "
                    + now + ", was " + before + "): wiping the local state, it is rebuilt from what the new cluster holds.");
        }
        watch.expected = now != null ? now : before;
        if (now != null) {
            watch.remember(now);
        }
        return watch;
    }

    /** Checks every {@code interval}. */
    ClusterWatch start(Duration interval) {
        long period = Math.max(100, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::checkQuietly, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Checks at once (after a rebalance: a new cluster makes the group rejoin). */
    void checkSoon() {
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::checkQuietly);
        }
    }

    private void checkQuietly() {
        if (changed) {
            return;
        }
        try {
            String change = check();
            if (change != null) {
                changed = true;
                onChange.accept(change);
            }
        } catch (RuntimeException e) {
            // the broker may be away for a moment: the next check tries again
        }
    }

    /** One check: the change seen, else null. */
    String check() {
        String now = clusterIdOrNull();
        if (now == null) {
            return null;
        }
        String was = expected;
        if (was == null) {
            expected = now;
            remember(now);
            return null;
        }
        if (!was.equals(now)) {
            return "The Kafka cluster at the configured address is a new cluster (cluster id " + now + ", was " + was
                    + "): this app's group, internal topics and state are gone; exiting so that a restart rebuilds"
                    + " them on the new cluster.";
        }
        Set<String> internal = internalTopics();
        if (internal == null) {
            return null;
        }
        if (!internalTopicsSeen.isEmpty() && internal.isEmpty()) {
            return "The Kafka cluster no longer has this app's internal topics (" + internalTopicsSeen.size()
                    + " of them, e.g. " + internalTopicsSeen.iterator().next() + "): its state is gone; exiting so"
                    + " that a restart rebuilds it.";
        }
        internalTopicsSeen.addAll(internal);
        return null;
    }

    private Set<String> internalTopics() {
        try {
            Set<String> topics = new TreeSet<>();
            for (String topic : admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (topic.startsWith(applicationId + "-")
                        && (topic.endsWith("-changelog") || topic.endsWith("-repartition"))) {
                    topics.add(topic);
                }
            }
            return topics;
        } catch (Exception e) {
            return null;
        }
    }

    private String clusterIdOrNull() {
        try {
            return admin.describeCluster().clusterId().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private String rememberedId() {
        try {
            return Files.exists(remembered) ? Files.readString(remembered, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + remembered, e);
        }
    }

    private void remember(String clusterId) {
        try {
            Files.createDirectories(remembered.getParent());
            Files.writeString(remembered, clusterId + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + remembered, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
