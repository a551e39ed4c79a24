package io.newsflow.ingest;

import static io.newsflow.ingest.TestFiles.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.serde.KafkaAvroDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Publishes the meta-bond-day scenario to a real in-process broker and reads every record back. */
@Tag("broker")
class ScenarioIngestIntegrationTest {

    private static final int PARTITIONS = 3;

    @Test
    @Timeout(180)
    void theWholeScenarioArrivesAsAvroWithItsKeys() {
        String registry = "mock://ingest-it-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(Topics.INPUTS, PARTITIONS);
            Map<String, Object> producerConfig = new HashMap<>();
            producerConfig.put("bootstrap.servers", broker.bootstrapServers());
            producerConfig.put("schema.registry.url", registry);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int rc = new IngestCli().run(List.of("scenario", scenario("meta-bond-day").toString()), producerConfig,
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
            Map<String, Integer> expected = Map.of(Topics.PRICE_TICKS, 39_966, Topics.BOND_BOOKS, 17, Topics.ARTICLES, 13);
            List<ConsumerRecord<String, Object>> records = consumeAll(broker.bootstrapServers(), registry, 39_966 + 17 + 13);

            Map<String, Integer> counts = new TreeMap<>();
            Set<String> articleIds = new HashSet<>();
            for (ConsumerRecord<String, Object> r : records) {
                counts.merge(r.topic(), 1, Integer::sum);
                switch (r.topic()) {
                    case Topics.PRICE_TICKS -> assertEquals(assertInstanceOf(PriceTick.class, r.value()).getSymbol(), r.key());
                    case Topics.BOND_BOOKS -> assertEquals(assertInstanceOf(BondBookUpdate.class, r.value()).getDealId(), r.key());
                    case Topics.ARTICLES -> {
                        assertEquals(assertInstanceOf(ArticleEvent.class, r.value()).getId(), r.key());
                        articleIds.add(r.key());
                    }
                    default -> throw new AssertionError("unexpected topic " + r.topic());
                }
            }
            assertEquals(new TreeMap<>(expected), counts);
            assertEquals(12, articleIds.size(), "the verbatim repost keeps its original's key");
        }
    }

    private static List<ConsumerRecord<String, Object>> consumeAll(String bootstrap, String registry, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put("schema.registry.url", registry);
        config.put("specific.avro.reader", true);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.INPUTS) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // one more poll proves nothing beyond the expected records was published
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
