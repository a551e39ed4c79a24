package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.QuickFailover;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker killed and started again without its data is a new, empty cluster at the same address. The app
 * (a child JVM running {@code newsflow run}, exactly-once) notices the new cluster id, says so in one line and
 * exits non-zero; started again with the same state directory, it wipes the old cluster's local state and
 * processes the Meta bond-day scenario published to the new cluster into the same outputs as the
 * uninterrupted run on the old one ({@link OutputDump}). Before, the app stayed up, {@code /health} 200, and
 * processed nothing published to the new cluster.
 */
@Tag("broker")
class ClusterChangeEndToEndTest {

    private static final String APP_ID = "newsflow-cluster-change";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10); // a limit, not a figure: a scenario run took 2-4 min on the loaded 2-core CI machine
    private static final Duration EXIT_WAIT = Duration.ofMinutes(2);
    private static final int PARTITIONS = 2;

    private EmbeddedSchemaRegistryServer registry;
    private Path work;
    private boolean passed;

    @BeforeEach
    void startTheRegistry() throws Exception {
        // outside the cluster, as a separate registry process would be: the same schema ids on both clusters
        registry = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0,
                MockSchemaRegistry.forScope("cluster-change-" + UUID.randomUUID()));
        work = Files.createTempDirectory("newsflow-cluster-change-");
    }

    @AfterEach
    void stopTheRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (work != null && passed) { // the app's log and state directory; kept when the test failed
            try (java.util.stream.Stream<Path> paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Timeout(1800) // a limit: two scenario runs and three app starts, 16 min once on the 2-core machine at load 40
    void anEmptyClusterBehindTheSameAddressMakesTheAppExitAndItsRestartProcessesWhatIsPublishedThere() throws Exception {
        Path state = Files.createTempDirectory(work, "state-");
        Path log = work.resolve("app.log");
        int port;
        OutputDump uninterrupted;
        ChildApp first;
        EmbeddedKafkaBroker old = EmbeddedKafkaBroker.start(); // no data directory: its data dies with it
        try (Admin admin = admin(old)) {
            port = old.port();
            old.createTopics(Topics.INPUTS, PARTITIONS);
            ScenarioReplay.publish(old.bootstrapServers(), registry.url(), PARTITIONS);
            first = ChildApp.start(settings(old.bootstrapServers(), state), log);
            ScenarioReplay.awaitEverythingProcessed(admin, old.bootstrapServers(), APP_ID, first, System.nanoTime() + RUN_LIMIT.toNanos(),
                    "old cluster", log);
            uninterrupted = OutputDump.read(old.bootstrapServers(), registry.url());
        } finally {
            old.close();
        }

        try (EmbeddedKafkaBroker fresh = EmbeddedKafkaBroker.start(port); Admin admin = admin(fresh)) {
            Integer exit = first.awaitExit(EXIT_WAIT);
            if (exit == null) {
                first.crash();
            }
            assertNotNull(exit, "the app still runs " + EXIT_WAIT + " after the new cluster started; log " + log);
            assertNotEquals(0, exit, "exit code; log " + log);
            String said = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(said.contains("is a new cluster (cluster id"), "the one line; log " + log);

            fresh.createTopics(Topics.INPUTS, PARTITIONS);
            ScenarioReplay.publish(fresh.bootstrapServers(), registry.url(), PARTITIONS);
            try (ChildApp second = ChildApp.start(settings(fresh.bootstrapServers(), state), log)) {
                ScenarioReplay.awaitEverythingProcessed(admin, fresh.bootstrapServers(), APP_ID, second,
                        System.nanoTime() + RUN_LIMIT.toNanos(), "new cluster", log);
            }
            assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("wiping the local state"),
                    "the restart wiped the old cluster's state; log " + log);
            OutputDump after = OutputDump.read(fresh.bootstrapServers(), registry.url());
            System.out.println("records per topic: " + uninterrupted.counts());
            assertTrue(uninterrupted.counts().get(Topics.ARTICLE_SCORES) > 0, "scores: " + uninterrupted.counts());
            assertEquals(Map.of(), uninterrupted.differencesFrom(after),
                    "outputs on the new cluster differ from the uninterrupted run's");
        }
        passed = true;
    }

    private Map<String, String> settings(String bootstrapServers, Path state) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("schema.registry.url", registry.url());
        settings.put("registry.server.port", "-1");
        settings.put("api.port", "-1");
        settings.put("metrics.port", "0");
        settings.put("metrics.host", "127.0.0.1");
        settings.put("application.id", APP_ID);
        settings.put("topic.partitions", String.valueOf(PARTITIONS));
        settings.put("state.dir", state.toString());
        settings.put("commit.interval.ms", "200");
        settings.put("cluster.check.interval", "1s");
        settings.putAll(ScenarioReplay.NEVER_SKIP_IDLE_SOURCES);
        settings.putAll(QuickFailover.SETTINGS);
        return settings;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
