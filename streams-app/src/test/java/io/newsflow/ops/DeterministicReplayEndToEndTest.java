package io.newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import io.newsflow.ingest.IngestCli;
import io.newsflow.runtime.ConsumerLag;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.newsflow.avro.PriceTick;
import io.newsflow.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The same input gives the same committed output (exactly-once, the default profile): the Meta
 * bond-day scenario, published at once (asap), is processed by the real app in a child JVM
 * three times, on a fresh broker each time, and every output topic is compared record by record
 * ({@link OutputDump}):
 * <ul>
 *   <li>three partitions per topic, one stream thread;</li>
 *   <li>two partitions per topic and two stream threads: other tasks, so articles reach the novelty
 *       funnel, and the benchmark the ticker tasks, in another interleaving;</li>
 *   <li>three partitions, the app killed with SIGKILL in the middle of the replay and started again.</li>
 * </ul>
 * One schema registry serves all runs (as a separate registry process would), so schema ids, and so
 * the payload bytes inside dead letters, are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterministicReplayEndToEndTest {

    private static final String APP_ID = "newsflow-determinism";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);
    /**
     * After the scenario, one tick per partition a few days later, of a symbol of its own (no alert, no
     * reaction, no credit view): every partition's watermark passes the whole scenario, so the novelty
     * funnel releases every article and the news watermark passes every alert and credit view, on
     * event time alone. The runs use {@code watermark.idle.timeout=0s} (never skip: strictly
     * deterministic): in an asap replay a partition's task can fall a minute of wall clock behind
     * the others, which is exactly when the escape brings arrival order back (docs/reliability.md).
     */
    private static final Instant CLOSING_TICKS_AT = Instant.parse("2025-11-05T00:00:00Z");

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
        OutputDump repartitioned = run("2 partitions, 2 threads", 2, 2, false);
        OutputDump crashed = run("3 partitions, killed and restarted", 3, 1, true);

        Map<String, String> interleaving = reference.differencesFrom(repartitioned);
        Map<String, String> crash = reference.differencesFrom(crashed);
        System.out.println("records per topic: " + reference.counts());
        System.out.println("other interleaving: " + interleaving);
        System.out.println("after kill -9: " + crash);
        // credit-view flips on ticks are not deterministic yet (docs/reliability.md): reported above, not asserted
        interleaving.remove(OutputDump.CREDIT_FLIPS_ON_TICKS);
        crash.remove(OutputDump.CREDIT_FLIPS_ON_TICKS);
        assertEquals(Map.of(), interleaving, "outputs of the run with 2 partitions and 2 threads differ");
        assertEquals(Map.of(), crash, "outputs of the run killed with SIGKILL and restarted differ");
        passed = true;
    }

    /** One run on a fresh broker: publish the whole scenario, run the app until it has processed it all. */
    private OutputDump run(String name, int partitions, int threads, boolean crashMidway) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            broker.createTopics(Topics.INPUTS, partitions);
            publishTheScenario(broker.bootstrapServers());
            publishClosingTicks(broker.bootstrapServers(), partitions);
            long published = new ConsumerLag(admin).of(APP_ID, Topics.INPUTS);

            Map<String, String> settings = new HashMap<>();
            settings.put("bootstrap.servers", broker.bootstrapServers());
            settings.put("schema.registry.url", registry.url());
            settings.put("registry.server.port", "-1");
            settings.put("metrics.port", "0");
            settings.put("metrics.host", "127.0.0.1");
            settings.put("application.id", APP_ID);
            settings.put("topic.partitions", String.valueOf(partitions));
            settings.put("state.dir", Files.createTempDirectory(work, "state-").toString());
            settings.put("kafka.streams.num.stream.threads", String.valueOf(threads));
            settings.put("commit.interval.ms", "200"); // each Kafka hop waits for a commit: a shorter run
            settings.put("watermark.idle.timeout", "0s");
            settings.put("api.port", "-1");
            Path log = work.resolve(name.replaceAll("\\W+", "-") + ".log");

            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            if (crashMidway) {
                ChildApp first = ChildApp.start(settings, log);
                // kill it once it has committed part of the input, not all of it
                long lag = published;
                while (lag > published * 2 / 3 && first.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    lag = inputLag(admin);
                }
                first.crash();
                assertTrue(lag > 0 && lag < published, name + ": killed with " + lag + " of " + published
                        + " input records to go; log " + log);
            }
            try (ChildApp app = ChildApp.start(settings, log)) {
                awaitEverythingProcessed(admin, app, deadline, name, log);
            }
            return OutputDump.read(broker.bootstrapServers(), registry.url());
        }
    }

    private void publishTheScenario(String bootstrapServers) {
        Map<String, Object> producer = new HashMap<>();
        producer.put("bootstrap.servers", bootstrapServers);
        producer.put("schema.registry.url", registry.url());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new IngestCli().run(List.of("scenario", RepoFiles.path("scenarios/meta-bond-day").toString()),
                producer, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
    }

    private void publishClosingTicks(String bootstrapServers, int partitions) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        config.put("schema.registry.url", registry.url());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            for (int p = 0; p < partitions; p++) {
                String symbol = "CLOSE" + p;
                producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, p, symbol, PriceTick.newBuilder().setSymbol(symbol)
                        .setPrice(1.0).setSize(1).setEventTime(CLOSING_TICKS_AT).build()));
            }
            producer.flush();
        }
    }

    /**
     * Until the app has committed every input and internal record and written nothing more for a few
     * seconds: under exactly-once the outputs of those records are then committed too.
     */
    private static void awaitEverythingProcessed(Admin admin, ChildApp app, long deadline, String name, Path log)
            throws Exception {
        long settle = 3000;
        long quietSince = Long.MAX_VALUE;
        Map<String, Long> lastEnds = null;
        while (true) {
            assertTrue(app.isAlive(), name + ": the app exited; log " + log);
            assertTrue(System.nanoTime() < deadline, name + ": not processed in time; log " + log);
            Thread.sleep(1000);
            Map<String, Long> ends = outputEnds(admin);
            long now = System.currentTimeMillis();
            if (ends == null || totalLag(admin) != 0 || !ends.equals(lastEnds)) {
                quietSince = Long.MAX_VALUE;
            } else if (quietSince == Long.MAX_VALUE) {
                quietSince = now;
            } else if (now - quietSince >= settle) {
                return;
            }
            lastEnds = ends;
        }
    }

    /** The end offsets of every output partition; null while a topic is not served yet. */
    private static Map<String, Long> outputEnds(Admin admin) throws InterruptedException {
        try {
            return endOffsets(admin);
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    private static Map<String, Long> endOffsets(Admin admin)
            throws java.util.concurrent.ExecutionException, InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        for (var topic : admin.describeTopics(Topics.OUTPUTS).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic.name(),
                    p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
        }
        Map<String, Long> ends = new java.util.TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
        return ends;
    }

    private static long inputLag(Admin admin) throws Exception {
        return new ConsumerLag(admin).of(APP_ID, Topics.INPUTS);
    }

    /** Records of the inputs, repartition topics and read-back scores not committed yet; MAX_VALUE while unknown. */
    private static long totalLag(Admin admin) throws InterruptedException {
        try {
            List<String> topics = new ArrayList<>(Topics.INPUTS);
            admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(APP_ID + "-") && t.endsWith("-repartition")).forEach(topics::add);
            topics.add(Topics.ARTICLE_SCORES); // read back by the ticker tasks
            return new ConsumerLag(admin).of(APP_ID, topics);
        } catch (java.util.concurrent.ExecutionException e) {
            return Long.MAX_VALUE; // a topic the app creates is not served yet
        }
    }
}
