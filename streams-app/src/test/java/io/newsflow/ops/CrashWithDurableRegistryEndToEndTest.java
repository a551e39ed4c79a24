package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.QuickFailover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow run} killed with SIGKILL in the middle of the Meta bond-day scenario and started
 * again, with the default schema registry ({@code kafka:///_newsflow_schemas}, kept in the cluster), loses
 * nothing: every output topic holds the same committed records as an uninterrupted run's
 * ({@link OutputDump}, credit-view flips on ticks apart: not deterministic yet). With the former
 * default, an in-process {@code mock://} registry, the restarted app had lost every schema id and the
 * outputs lost all their credit views, reactions and rolling sentiment after the crash.
 *
 * <p>The uninterrupted run and the killed one run side by side, each on its own broker.
 */
@Tag("broker")
class CrashWithDurableRegistryEndToEndTest {

    private static final String APP_ID = "newsflow-crash";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    @Timeout(600)
    void aRunKilledWithSigkillAndRestartedGivesTheOutputsOfAnUninterruptedRun() throws Exception {
        try (EmbeddedKafkaBroker reference = EmbeddedKafkaBroker.start();
             EmbeddedKafkaBroker crashed = EmbeddedKafkaBroker.start();
             Admin referenceAdmin = admin(reference);
             Admin crashedAdmin = admin(crashed)) {
            long published = publish(reference, referenceAdmin);
            assertEquals(published, publish(crashed, crashedAdmin));
            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            Path referenceLog = work.resolve("reference.log");
            Path crashedLog = work.resolve("crashed.log");

            try (ChildApp uninterrupted = ChildApp.start(settings(reference, "reference"), referenceLog)) {
                ChildApp first = ChildApp.start(settings(crashed, "crashed"), crashedLog);
                long lag = ScenarioReplay.awaitPartlyCommitted(crashedAdmin, APP_ID, first, published, RUN_LIMIT);
                first.crash();
                assertTrue(lag > 0 && lag < published, "killed with " + lag + " of " + published
                        + " input records to go; log " + crashedLog);
                try (ChildApp restarted = ChildApp.start(settings(crashed, "crashed"), crashedLog)) {
                    ScenarioReplay.awaitEverythingProcessed(referenceAdmin, reference.bootstrapServers(), APP_ID, uninterrupted, deadline,
                            "uninterrupted", referenceLog);
                    ScenarioReplay.awaitEverythingProcessed(crashedAdmin, crashed.bootstrapServers(), APP_ID, restarted, deadline,
                            "killed and restarted", crashedLog);
                }
            }

            OutputDump expected = OutputDump.read(reference.bootstrapServers(), registryUrl(reference));
            OutputDump actual = OutputDump.read(crashed.bootstrapServers(), registryUrl(crashed));
            System.out.println("records per topic: uninterrupted " + expected.counts() + ", killed and restarted "
                    + actual.counts());
            assertTrue(expected.counts().get(Topics.MARKET_REACTION) > 0, "the scenario gives reactions: " + expected.counts());
            Map<String, String> differences = expected.differencesFrom(actual);
            System.out.println("after kill -9: " + differences);
            assertEquals(Map.of(), differences, "outputs of the run killed with SIGKILL and restarted differ");
        }
    }

    /** The scenario on the broker's input topics (3 partitions), its schemas in the broker's registry topic. */
    private static long publish(EmbeddedKafkaBroker broker, Admin admin) throws Exception {
        broker.createTopics(Topics.INPUTS, 3);
        ScenarioReplay.publish(broker.bootstrapServers(), registryUrl(broker), 3);
        return ScenarioReplay.inputLag(admin, APP_ID);
    }

    /** The app's defaults (so the registry is {@code kafka:///_newsflow_schemas}) on the broker, no fixed port. */
    private Map<String, String> settings(EmbeddedKafkaBroker broker, String name) throws java.io.IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("registry.server.port", "-1");
        settings.put("api.port", "-1");
        settings.put("metrics.port", "0");
        settings.put("metrics.host", "127.0.0.1");
        settings.put("application.id", APP_ID);
        settings.put("state.dir", work.resolve("state-" + name).toString());
        settings.put("commit.interval.ms", "200"); // each Kafka hop waits for a commit: a shorter run
        settings.putAll(ScenarioReplay.NEVER_SKIP_IDLE_SOURCES);
        settings.putAll(QuickFailover.SETTINGS); // the restarted app waits for the killed one's session to expire
        return settings;
    }

    private static String registryUrl(EmbeddedKafkaBroker broker) {
        return "kafka://" + broker.bootstrapServers() + "/" + io.newsflow.serde.registry.KafkaSchemaRegistry.DEFAULT_TOPIC;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
