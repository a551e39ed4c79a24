package io.newsflow.runtime;

import static io.newsflow.Waits.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two {@code newsflow run} processes (separate JVMs, same application.id) share the partitions;
 * each answers a query for any symbol, owned by itself or by the other (forwarded). One is killed
 * with {@code kill -9}: the survivor keeps answering (from its standby replica, then as the new
 * owner) and processes new input; no tick is lost. The instances read each other's stores with
 * their shared peer secret ({@code api.peer.secret.file}).
 */
@Tag("broker")
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH");
    private static final int PARTITIONS = 3;
    private static final Instant START = Instant.parse("2025-10-29T14:00:00Z");
    private static final String APP_ID = "newsflow-two-" + UUID.randomUUID();

    private final List<Instance> instances = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Instance instance : instances) {
            instance.process.destroyForcibly().waitFor();
        }
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void queriesAndProcessingSurviveTheDeathOfAnInstance() throws Exception {
        String scope = "two-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             EmbeddedSchemaRegistryServer registry = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0,
                     MockSchemaRegistry.forScope(scope));
             KafkaProducer<String, PriceTick> producer = producer(broker, registry)) {
            Instance a = start("a", broker, registry);
            Instance b = start("b", broker, registry);
            a.awaitRunning();
            b.awaitRunning();

            send(producer, 0, 20);
            Map<String, String> owners = awaitOwners(broker, Set.of("a", "b"));
            for (Instance instance : List.of(a, b)) {
                for (String symbol : SYMBOLS) {
                    assertEquals(20, awaitTicks(instance, symbol, 20), instance.name + " answers for " + symbol
                            + " (owned by " + owners.get(symbol) + ")");
                }
            }

            a.process.destroyForcibly().waitFor(); // kill -9: no leave-group, no commit
            for (String symbol : SYMBOLS) {
                assertEquals(20, awaitTicks(b, symbol, 20), "b answers for " + symbol + " while a is gone");
            }

            send(producer, 20, 40);
            for (String symbol : SYMBOLS) {
                assertEquals(40, awaitTicks(b, symbol, 40), "b processes " + symbol + "'s new ticks, none lost");
            }
            JsonNode latest = get(b, "/api/v1/prices/" + SYMBOLS.get(0)).body();
            assertEquals(START.plusSeconds(39 * 10).toString(), latest.get("time").asText());
            assertFalse(b.output().contains("Exception in thread"), b.output());
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /** One `newsflow run` JVM on the test classpath. */
    private static final class Instance {
        final String name;
        final Process process;
        final Path log;

        Instance(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        void awaitRunning() throws Exception {
            await(name + " starts").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> output().contains("Kafka Streams is RUNNING") || !process.isAlive());
            assertTrue(output().contains("Kafka Streams is RUNNING"), name + " did not start:\n" + output());
        }

        int apiPort() throws IOException {
            Matcher url = Pattern.compile("Query API at http://localhost:(\\d+)/").matcher(output());
            assertTrue(url.find(), output());
            return Integer.parseInt(url.group(1));
        }
    }

    private Instance start(String name, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistryServer registry)
            throws IOException {
        Path state = Files.createTempDirectory("newsflow-" + name + "-state-");
        Path log = Files.createTempFile("newsflow-" + name + "-", ".log");
        Path peerSecret = Files.writeString(Files.createTempFile("newsflow-" + name + "-peer-", ".secret"),
                "two-instances-peer-secret-" + APP_ID + "\n"); // the same secret in both instances' files
        dirs.add(state);
        dirs.add(log);
        dirs.add(peerSecret);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        Map<String, String> settings = new HashMap<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", registry.url(),
                "registry.server.port", "-1",
                "application.id", APP_ID,
                "state.dir", state.toString(),
                "topic.partitions", String.valueOf(PARTITIONS),
                "metrics.port", "0",
                "api.port", "0",
                "api.host", "127.0.0.1",
                "api.advertised.host", "127.0.0.1"));
        settings.put("api.peer.secret.file", peerSecret.toString());
        settings.putAll(QuickFailover.SETTINGS); // a dead member is noticed after the session timeout: keep it short
        settings.put("kafka.streams.client.id", name);
        settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        command.add("run");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(name, process, log);
        instances.add(instance);
        return instance;
    }

    /** Ticks i in [from, to) of every symbol, 10 s apart (each its own ticks.resolution bucket). */
    private static void send(KafkaProducer<String, PriceTick> producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            for (String symbol : SYMBOLS) {
                PriceTick tick = PriceTick.newBuilder().setSymbol(symbol).setPrice(100 + i).setSize(1).setCurrency("USD")
                        .setEventTime(START.plusSeconds(10L * i)).build();
                producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, symbol, tick));
            }
        }
        producer.flush();
    }

    /** Polls the instance until the symbol's history has {@code expected} ticks; returns the last count seen. */
    private static int awaitTicks(Instance instance, String symbol, int expected) {
        return await(instance.name + " has " + symbol + "'s ticks").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> historySize(instance, symbol), greaterThanOrEqualTo(expected));
    }

    /** The number of ticks in the symbol's history as the instance answers it; -1 while it cannot answer yet. */
    private static int historySize(Instance instance, String symbol) throws Exception {
        Answer answer = get(instance, "/api/v1/prices/" + symbol + "/history");
        if (answer.status() == 200) {
            return answer.body().get("points").size();
        }
        assertTrue(answer.status() == 404 || answer.status() == 503, symbol + ": " + answer);
        return -1;
    }

    /** The instance (client id prefix) consuming each partition of the tick topic. */
    private static Map<Integer, String> tickPartitionOwners(Admin admin) throws Exception {
        Map<Integer, String> byPartition = new HashMap<>();
        for (MemberDescription member : admin.describeConsumerGroups(List.of(APP_ID)).all().get().get(APP_ID).members()) {
            String name = member.clientId().substring(0, member.clientId().indexOf('-'));
            member.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.PRICE_TICKS))
                    .forEach(tp -> byPartition.put(tp.partition(), name));
        }
        return byPartition;
    }

    /** Which instance consumes each symbol's partition of the tick topic, once both consume some. */
    private static Map<String, String> awaitOwners(EmbeddedKafkaBroker broker, Set<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<Integer, String> byPartition = await("each instance owns tick partitions").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> tickPartitionOwners(admin), owners -> owners.size() == PARTITIONS
                            && new HashSet<>(owners.values()).equals(names));
            Map<String, String> owners = new HashMap<>();
            for (String symbol : SYMBOLS) {
                int partition = Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                owners.put(symbol, byPartition.get(partition));
            }
            assertEquals(names, new HashSet<>(owners.values()), "the symbols are owned by both: " + owners);
            return owners;
        }
    }

    private static KafkaProducer<String, PriceTick> producer(EmbeddedKafkaBroker broker,
            EmbeddedSchemaRegistryServer registry) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, io.newsflow.serde.KafkaAvroSerializer.class,
                "schema.registry.url", registry.url());
        return new KafkaProducer<>(config);
    }

    private static Answer get(Instance instance, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.apiPort() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }
}
