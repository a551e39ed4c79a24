package io.newsflow.ops;

import static io.newsflow.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.ingest.IngestCli;
import io.newsflow.runtime.ConsumerLag;
import io.newsflow.serde.KafkaAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Meta bond-day scenario replayed through the app in a child JVM: publishing it, waiting until it is processed. */
final class ScenarioReplay {

    private ScenarioReplay() {
    }

    /**
     * After the scenario, one tick per partition a few days later, of a symbol of its own (no alert, no
     * reaction, no credit view): every partition's watermark passes the whole scenario, so the novelty
     * funnel releases every article and the news watermark passes every alert and credit view, on
     * event time alone. Runs that compare outputs set {@link #NEVER_SKIP_IDLE_SOURCES}: in an asap
     * replay a partition's task can fall a minute of wall clock behind the others, which is exactly
     * when the idle escape brings arrival order back (docs/reliability.md, Liveness).
     */
    static final Instant CLOSING_TICKS_AT = Instant.parse("2025-11-05T00:00:00Z");
    /** {@code watermark.idle.timeout} of runs whose outputs are compared: wait for every watermark. */
    static final Map<String, String> NEVER_SKIP_IDLE_SOURCES = Map.of("watermark.idle.timeout", "0s");

    /**
     * Publishes the whole scenario at once (asap) with {@code produce scenario}, then the closing tick
     * of each of the {@code partitions} partitions ({@link #CLOSING_TICKS_AT}).
     */
    static void publish(String bootstrapServers, String registryUrl, int partitions) {
        Map<String, Object> producer = new HashMap<>();
        producer.put("bootstrap.servers", bootstrapServers);
        producer.put("schema.registry.url", registryUrl);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new IngestCli().run(List.of("scenario", RepoFiles.path("scenarios/meta-bond-day").toString()),
                producer, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
        publishClosingTicks(bootstrapServers, registryUrl, partitions);
    }

    private static void publishClosingTicks(String bootstrapServers, String registryUrl, int partitions) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        config.put("schema.registry.url", registryUrl);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            for (int p = 0; p < partitions; p++) {
                String symbol = io.newsflow.runtime.SymbolsByPartition.on("CLOSE", p, partitions);
                producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, p, symbol, PriceTick.newBuilder().setSymbol(symbol)
                        .setPrice(1.0).setSize(1).setEventTime(CLOSING_TICKS_AT).build()));
            }
            producer.flush();
        }
    }

    /**
     * Until a third of the published input is committed (or the app died): a point to kill it mid-run.
     * Returns the input records still to go.
     */
    static long awaitPartlyCommitted(Admin admin, String appId, ChildApp app, long published, Duration limit) {
        AtomicLong lag = new AtomicLong(published);
        await("a third of the input committed").atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> {
            lag.set(inputLag(admin, appId));
            return lag.get() <= published * 2 / 3 || !app.isAlive();
        });
        return lag.get();
    }

    /**
     * Until the app has committed every input and internal record and written nothing more for a few
     * seconds: under exactly-once the outputs of those records are then committed too. When the deadline
     * passes, says what was still behind and which outputs were still growing.
     */
    static void awaitEverythingProcessed(Admin admin, String bootstrapServers, String appId, ChildApp app,
            long deadline, String name, Path log) throws Exception {
        ConsumerLag lag = new ConsumerLag(admin, Map.of("bootstrap.servers", bootstrapServers));
        long settle = 3000;
        long quietSince = Long.MAX_VALUE;
        Map<String, Long> lastEnds = null;
        Map<String, Long> growing = Map.of();
        while (true) {
            assertTrue(app.isAlive(), name + ": the app exited; log " + log);
            if (System.nanoTime() >= deadline) {
                fail(name + ": not processed in time; behind: " + behind(lag, appId) + "; outputs growing: " + growing
                        + "; log " + log);
            }
            Thread.sleep(250); // the quiet is timed on the wall clock: checking often only ends the wait sooner
            Map<String, Long> ends = outputEnds(admin);
            long now = System.currentTimeMillis();
            if (ends != null && lastEnds != null && !ends.equals(lastEnds)) {
                growing = changed(lastEnds, ends);
            }
            if (ends == null || totalLag(lag, appId) != 0 || !ends.equals(lastEnds)) {
                quietSince = Long.MAX_VALUE;
            } else if (quietSince == Long.MAX_VALUE) {
                quietSince = now;
            } else if (now - quietSince >= settle) {
                return;
            }
            lastEnds = ends;
        }
    }

    private static Map<String, Long> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> changed = new TreeMap<>();
        after.forEach((partition, end) -> {
            if (!end.equals(before.get(partition))) {
                changed.put(partition, end);
            }
        });
        return changed;
    }

    private static Object behind(ConsumerLag lag, String appId) {
        try {
            return lag.behindOfApplication(appId, Topics.INPUTS);
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    /** The end offsets of every output partition; null while a topic is not served yet. */
    private static Map<String, Long> outputEnds(Admin admin) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var topic : admin.describeTopics(Topics.OUTPUTS).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
            return ends;
        } catch (ExecutionException e) {
            return null;
        }
    }

    static long inputLag(Admin admin, String appId) throws Exception {
        return new ConsumerLag(admin).of(appId, Topics.INPUTS);
    }

    /** Records of the inputs, repartition topics and read-back scores not committed yet; MAX_VALUE while unknown. */
    private static long totalLag(ConsumerLag lag, String appId) throws InterruptedException {
        try {
            return lag.ofApplication(appId, Topics.INPUTS);
        } catch (ExecutionException e) {
            return Long.MAX_VALUE; // a topic the app creates is not served yet
        }
    }
}
