package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.serde.registry.CompatibilityLevel;
import io.newsflow.serde.registry.KafkaSchemaRegistry;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry kept in a Kafka topic, against a real broker: what survives a restart, what two instances share. */
@Tag("broker")
class KafkaSchemaRegistryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final BrokerExtension broker = new BrokerExtension();

    private static String freshTopic() {
        return "_schemas-" + UUID.randomUUID();
    }

    private static Schema record(String name, String... fields) {
        SchemaBuilder.FieldAssembler<Schema> assembler = SchemaBuilder.record(name).namespace("test").fields();
        for (String field : fields) {
            assembler = assembler.requiredString(field);
        }
        return assembler.endRecord();
    }

    private static KafkaSchemaRegistry open(String topic) {
        return KafkaSchemaRegistry.open(broker.bootstrapServers(), topic, TIMEOUT);
    }

    @Test
    void idsVersionsAndCompatibilityAreRestoredFromTheTopicByANewInstance() {
        String topic = freshTopic();
        Schema first = record("A", "a");
        Schema second = record("B", "b");
        int firstId;
        int secondId;
        try (KafkaSchemaRegistry registry = open(topic)) {
            firstId = registry.register("s1-value", first);
            secondId = registry.register("s2-value", second);
            registry.setSubjectCompatibility("s1-value", CompatibilityLevel.FULL);
        }

        try (KafkaSchemaRegistry restarted = open(topic)) {
            assertEquals(first, restarted.getSchemaById(firstId));
            assertEquals(second, restarted.getSchemaById(secondId));
            assertEquals(firstId, restarted.register("s1-value", first), "same schema, same id after a restart");
            assertEquals(List.of("s1-value", "s2-value"), restarted.subjects());
            assertEquals(Optional.of(CompatibilityLevel.FULL), restarted.subjectCompatibility("s1-value"));
            int third = restarted.register("s3-value", record("C", "c"));
            assertTrue(third != firstId && third != secondId, "a new schema never reuses an id: " + third);
            // FULL survived the restart: a new required field without default is refused.
            SchemaRegistryException refused = assertThrows(SchemaRegistryException.class,
                    () -> restarted.register("s1-value", record("A", "a", "extra")));
            assertEquals(SchemaRegistryException.INCOMPATIBLE_SCHEMA, refused.errorCode());
        }
    }

    @Test
    void twoInstancesRegisteringConcurrentlyOverOneTopicAgreeOnEveryId() throws Exception {
        String topic = freshTopic();
        int schemasPerInstance = 8;
        try (KafkaSchemaRegistry one = open(topic); KafkaSchemaRegistry two = open(topic)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // Both register the shared schemas and their own ones at the same time.
                Future<Map<String, Integer>> fromOne = pool.submit(registerAll(one, "one", schemasPerInstance));
                Future<Map<String, Integer>> fromTwo = pool.submit(registerAll(two, "two", schemasPerInstance));
                Map<String, Integer> idsOne = fromOne.get();
                Map<String, Integer> idsTwo = fromTwo.get();

                for (int i = 0; i < schemasPerInstance; i++) {
                    String shared = "shared" + i;
                    assertEquals(idsOne.get(shared), idsTwo.get(shared), "one id for the same schema: " + shared);
                }
                Map<Integer, String> schemaById = new HashMap<>();
                for (Map<String, Integer> ids : List.of(idsOne, idsTwo)) {
                    ids.forEach((name, id) -> {
                        String earlier = schemaById.putIfAbsent(id, name);
                        assertTrue(earlier == null || earlier.equals(name),
                                "id " + id + " given to both " + earlier + " and " + name);
                    });
                }
                // Each instance resolves the ids the other allocated, to the same schema.
                idsTwo.forEach((name, id) -> assertEquals(name, one.getSchemaById(id).getName()));
                idsOne.forEach((name, id) -> assertEquals(name, two.getSchemaById(id).getName()));
                assertEquals(List.of(1), one.versions("shared0-value"), "registered twice, one version");
                assertEquals(one.latest("shared0-value"), two.latest("shared0-value"));
            } finally {
                pool.shutdownNow();
            }
        }
        try (KafkaSchemaRegistry third = open(topic)) {
            assertEquals(3 * schemasPerInstance, third.subjects().size(),
                    "one subject per own schema of each instance, one per shared schema: " + third.subjects());
        }
    }

    /** Registers {@code n} schemas of its own and {@code n} that the other instance registers too, each under its subject. */
    private static Callable<Map<String, Integer>> registerAll(KafkaSchemaRegistry registry, String owner, int n) {
        return () -> {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                ids.put(owner + i, registry.register(owner + i + "-value", record(owner + i, "f")));
                String shared = "shared" + i;
                ids.put(shared, registry.register(shared + "-value", record(shared, "f")));
            }
            return ids;
        };
    }

    @Test
    void theTopicIsCompactedWithOnePartitionAndHoldsConfluentsRecordFormat() throws Exception {
        String topic = freshTopic();
        int id;
        try (KafkaSchemaRegistry registry = open(topic)) {
            id = registry.register("market.price-ticks-value", record("PriceTick", "symbol"));
            registry.setSubjectCompatibility("market.price-ticks-value", CompatibilityLevel.FULL);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertEquals(1, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
        List<JsonNode[]> records = readAll(topic);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree("{\"keytype\":\"SCHEMA\",\"subject\":\"market.price-ticks-value\",\"version\":1,\"magic\":1}"),
                records.get(0)[0]);
        assertEquals(id, records.get(0)[1].get("id").intValue());
        assertEquals(1, records.get(0)[1].get("version").intValue());
        assertEquals(json.readTree("{\"keytype\":\"CONFIG\",\"subject\":\"market.price-ticks-value\",\"magic\":0}"),
                records.get(1)[0]);
        assertEquals(json.readTree("{\"compatibilityLevel\":\"FULL\"}"), records.get(1)[1]);
    }

    private static List<JsonNode[]> readAll(String topic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TopicPartition partition = new TopicPartition(topic, 0);
        List<JsonNode[]> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new JsonNode[] {json.readTree(r.key()), json.readTree(r.value())});
                }
            }
        }
        return records;
    }
}
