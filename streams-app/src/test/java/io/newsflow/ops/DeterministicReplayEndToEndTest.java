package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import io.newsflow.runtime.ConsumerLag;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.QuickFailover;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The same input gives the same committed output (exactly-once, the default profile): the Meta
 * bond-day scenario, published at once (asap), is processed by the real app in a child JVM
 * three times, on a fresh broker each time, and every output topic is compared record by record
 * ({@link OutputDump}; the signal-quality and decayed-sentiment topics included):
 * <ul>
 *   <li>three partitions per topic, one stream thread;</li>
 *   <li>two partitions per topic and two stream threads: other tasks, so articles reach the novelty
 *       funnel, and the benchmark the ticker tasks, in another interleaving;</li>
 *   <li>three partitions, the app killed with SIGKILL in the middle of the replay and started again.</li>
 * </ul>
 * One schema registry serves all runs (as a separate registry process would), so schema ids, and so
 * the payload bytes inside dead letters, are the same.
 */
@Tag("broker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterministicReplayEndToEndTest {

    private static final String APP_ID = "newsflow-determinism";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private EmbeddedSchemaRegistryServer registry;
    private Path work;
    private boolean passed;

    @BeforeAll
    void startTheRegistry() throws Exception {
        registry = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0,
                MockSchemaRegistry.forScope("determinism-" + UUID.randomUUID()));
        work = Files.createTempDirectory("newsflow-determinism-");
    }

    @AfterAll
    void stopTheRegistry() throws java.io.IOException {
        if (registry != null) {
            registry.close();
        }
        if (work != null && passed) { // the apps' logs and state directories; kept when the test failed
            try (java.util.stream.Stream<Path> paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Timeout(900)
    void theOutputsAreTheSameWhateverThePartitioningTheThreadsAndACrash() throws Exception {
        OutputDump reference = run("3 partitions, 1 thread", 3, 1, false);
        assertTrue(reference.counts().get(Topics.MARKET_REACTION) > 0, "the scenario gives reactions: " + reference.counts());
        // issue 23: the event study's outputs are compared like the others, so they must not be empty
        assertTrue(reference.counts().get(Topics.SIGNAL_QUALITY) > 0, "the scenario gives signal quality: " + reference.counts());
        assertTrue(reference.linesByTopic().get(Topics.SIGNAL_QUALITY).stream().anyMatch(line -> line.startsWith("*|")),
                "the scenario gives signal quality over all tickers");
        assertTrue(reference.counts().get(Topics.SENTIMENT_DECAYED) > 0, "the scenario gives decayed sentiment: "
                + reference.counts());
        OutputDump repartitioned = run("2 partitions, 2 threads", 2, 2, false);
        OutputDump crashed = run("3 partitions, killed and restarted", 3, 1, true);

        Map<String, String> interleaving = reference.differencesFrom(repartitioned);
        Map<String, String> crash = reference.differencesFrom(crashed);
        System.out.println("records per topic: " + reference.counts());
        System.out.println("other interleaving: " + interleaving);
        System.out.println("after kill -9: " + crash);
        assertEquals(Map.of(), interleaving, "outputs of the run with 2 partitions and 2 threads differ");
        assertEquals(Map.of(), crash, "outputs of the run killed with SIGKILL and restarted differ");
        passed = true;
    }

    /** One run on a fresh broker: publish the whole scenario, run the app until it has processed it all. */
    private OutputDump run(String name, int partitions, int threads, boolean crashMidway) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            broker.createTopics(Topics.INPUTS, partitions);
            ScenarioReplay.publish(broker.bootstrapServers(), registry.url(), partitions);
            long published = new ConsumerLag(admin).of(APP_ID, Topics.INPUTS);

            Map<String, String> settings = new HashMap<>();
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put("schema.registry.url", registry.url());
            settings.put("registry.server.port", "-1");
            settings.put("api.port", "-1"); // no fixed port (the default is 8088)
            settings.put("metrics.port", "0");
            settings.put("metrics.host", "127.0.0.1");
            settings.put("application.id", APP_ID);
            settings.put("topic.partitions", String.valueOf(partitions));
            settings.put("state.dir", Files.createTempDirectory(work, "state-").toString());
            settings.put("kafka.streams.num.stream.threads", String.valueOf(threads));
            settings.put("commit.interval.ms", "200"); // each Kafka hop waits for a commit: a shorter run
            settings.putAll(ScenarioReplay.NEVER_SKIP_IDLE_SOURCES);
            settings.putAll(QuickFailover.SETTINGS); // the restarted app waits for the killed one's session to expire
            Path log = work.resolve(name.replaceAll("\\W+", "-") + ".log");

            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            if (crashMidway) {
                ChildApp first = ChildApp.start(settings, log);
                // kill it once it has committed part of the input, not all of it
                long lag = ScenarioReplay.awaitPartlyCommitted(admin, APP_ID, first, published, RUN_LIMIT);
                first.crash();
                assertTrue(lag > 0 && lag < published, name + ": killed with " + lag + " of " + published
                        + " input records to go; log " + log);
            }
            try (ChildApp app = ChildApp.start(settings, log)) {
                ScenarioReplay.awaitEverythingProcessed(admin, broker.bootstrapServers(), APP_ID, app, deadline, name, log);
            }
            return OutputDump.read(broker.bootstrapServers(), registry.url());
        }
    }
}
