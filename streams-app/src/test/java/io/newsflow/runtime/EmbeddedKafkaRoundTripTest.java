package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ArticleFragment;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.BondTranche;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.KafkaAvroSerializer;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import java.util.function.Function;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real clients against the real embedded broker: the wire path every other component relies on. */
@Tag("broker")
class EmbeddedKafkaRoundTripTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;
    private static String registryScope;
    private static AppConfig config;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        registryScope = "roundtrip-" + UUID.randomUUID();
        config = AppConfig.defaults().with(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", "mock://" + registryScope));
        TopicBootstrap.ensureAll(broker.bootstrapServers(), config);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        MockSchemaRegistry.dropScope(registryScope);
    }

    @Test
    void topicBootstrapCreatedEveryPipelineTopicAndIsIdempotent() throws Exception {
        TopicBootstrap.Result again = TopicBootstrap.ensureAll(broker.bootstrapServers(), config);

        assertEquals(List.of(), again.created());
        assertEquals(Topics.all(), again.existing());
        assertEquals(List.of(), again.warnings());
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.all()).allTopicNames().get();
            assertEquals(Topics.all().size(), topics.size());
            topics.values().forEach(t -> assertEquals(3, t.partitions().size(), t.name()));
        }
    }

    @Test
    void existingTopicWithAnotherPartitionCountIsReportedNotChanged() throws Exception {
        broker.createTopic("two-partitions", 2);

        TopicBootstrap.Result result;
        try (Admin admin = admin()) {
            result = new TopicBootstrap(admin).ensureTopics(List.of("two-partitions"), 3, java.util.Optional.empty());
            assertEquals(2, admin.describeTopics(List.of("two-partitions")).allTopicNames().get()
                    .get("two-partitions").partitions().size());
        }
        assertEquals(List.of("two-partitions"), result.existing());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).contains("'two-partitions' exists with 2 partitions"), result.warnings().get(0));
    }

    /**
     * The articles topic exists with 3 partitions: single-partition articles need 1, and the novelty funnel needs
     * topic.partitions of them.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "articles.single.partition | true | exists with 3 partitions but must have 1 (articles.single.partition=true",
            "topic.partitions          | 2    | exists with 3 partitions but must have 2 (the novelty funnel"})
    void anArticlesTopicWithAnotherPartitionCountThanTheSettingsNeedIsRefused(String key, String value, String says) {
        AppConfig settings = config.with(key, value);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureAll(broker.bootstrapServers(), settings));
        assertTrue(refused.getMessage().contains("'" + Topics.ARTICLES + "' " + says), refused.getMessage());
    }

    @Test
    void aTopicThatMustHaveOnePartitionIsCreatedWithOne() throws Exception {
        try (Admin admin = admin()) {
            TopicBootstrap.Result result = new TopicBootstrap(admin).ensureTopics(
                    Map.of("one-partition-articles", 1, "three-partition-ticks", 3),
                    Map.of("one-partition-articles", "one task must see them all"),
                    java.util.Optional.empty());
            assertEquals(List.of(), result.warnings());
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of("one-partition-articles", "three-partition-ticks")).allTopicNames().get();
            assertEquals(1, topics.get("one-partition-articles").partitions().size());
            assertEquals(3, topics.get("three-partition-ticks").partitions().size());
        }
    }

    @Test
    void avroRecordsRoundTripInConfluentWireFormat() {
        PriceTick tick = PriceTick.newBuilder()
                .setSymbol("META").setVenue("XNAS").setPrice(666.47).setSize(1200).setCurrency("USD")
                .setEventTime(Instant.parse("2025-10-30T13:30:00.123Z")).setBid(666.40).setAsk(666.52).build();
        BondBookUpdate book = BondBookUpdate.newBuilder()
                .setDealId("META-2025-10-30").setIssuerName("Meta Platforms Inc.").setIssuerSymbol("META")
                .setTrancheTenor("10Y")
                .setTranches(List.of(
                        BondTranche.newBuilder().setTenor("10Y").setSpreadGuidanceBps(100.0).build(),
                        BondTranche.newBuilder().setTenor("40Y").setSize(6_500_000_000L).setSpreadGuidanceBps(135.0)
                                .setCouponPct(5.75).build()))
                .setTargetSize(30_000_000_000L).setOrderBookSize(125_000_000_000L).setSpreadGuidanceBps(100.0)
                .setStatus(BondStatus.BOOKBUILDING).setEventTime(Instant.parse("2025-10-30T15:00:00Z")).build();
        ArticleEvent article = ArticleEvent.newBuilder()
                .setId("nikkei-001").setSource("日経").setTitle("メタ、300億ドルの社債発行　需要は1250億ドル")
                .setBody("米メタ・プラットフォームズは30日、300億ドルの社債を発行した。注文額は約1250億ドルに達した。")
                .setLanguage("ja").setPublishedAt(Instant.parse("2025-10-31T00:15:00Z"))
                .setTags(List.of("META", "社債")).setUpstreamSentiment(-0.2)
                .setFragments(List.of(ArticleFragment.newBuilder().setText("米メタ・プラットフォームズは30日").build()))
                .build();

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), avroSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, "META", tick));
            producer.send(new ProducerRecord<>(Topics.BOND_BOOKS, "META-2025-10-30", book));
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "nikkei-001", article));
            producer.flush();
        }

        List<String> topics = List.of(Topics.PRICE_TICKS, Topics.BOND_BOOKS, Topics.ARTICLES);
        Map<String, Object> values = byTopic(readAll(topics, 3, avroDeserializer(), "read_uncommitted"), ConsumerRecord::value);
        assertEquals(tick, values.get(Topics.PRICE_TICKS));
        assertEquals(book, values.get(Topics.BOND_BOOKS));
        assertEquals(article, values.get(Topics.ARTICLES));

        Map<String, Object> raw = byTopic(readAll(topics, 3, new ByteArrayDeserializer(), "read_uncommitted"), ConsumerRecord::value);
        for (String topic : topics) {
            ByteBuffer bytes = ByteBuffer.wrap((byte[]) raw.get(topic));
            assertEquals(0, bytes.get(), "magic byte on " + topic);
            int expectedId = MockSchemaRegistry.forScope(registryScope).latest(topic + "-value").id();
            assertEquals(expectedId, bytes.getInt(), "schema id on " + topic);
        }
    }

    @Test
    void transactionalProducerCommitsAndAbortsForReadCommittedConsumers() {
        String topic = "eos-prerequisite";
        broker.createTopic(topic, 1);
        Map<String, Object> props = new HashMap<>(producerConfig());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "roundtrip-" + UUID.randomUUID());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
        }

        List<String> seen = readAll(List.of(topic), 2, new StringDeserializer(), "read_committed").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(List.of("committed-1", "committed-2"), seen);
    }

    @Test
    void kafkaStreamsRunsWithExactlyOnceV2(@TempDir Path stateDir) throws Exception {
        broker.createTopics(List.of("eos-in", "eos-out"), 2);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT))
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(),
                     new StringSerializer(), new StringSerializer())) {
            streams.start();
            for (String v : List.of("meta", "nvda", "qqq")) {
                producer.send(new ProducerRecord<>("eos-in", v, v));
            }
            producer.flush();

            List<String> out = readAll(List.of("eos-out"), 3, new StringDeserializer(), "read_committed").stream()
                    .map(ConsumerRecord::value).sorted().toList();

            assertEquals(List.of("META", "NVDA", "QQQ"), out);
            assertEquals(KafkaStreams.State.RUNNING, streams.state());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static KafkaAvroSerializer avroSerializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", "mock://" + registryScope), false);
        return serializer;
    }

    private static KafkaAvroDeserializer avroDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", "mock://" + registryScope, "specific.avro.reader", true), false);
        return deserializer;
    }

    /**
     * Reads the topics from the beginning with a fresh group until {@code expected} records have
     * arrived, then keeps polling briefly so that any unexpected extra record is seen as well.
     */
    private static <V> List<ConsumerRecord<String, V>> readAll(List<String> topics, int expected,
                                                               Deserializer<V> valueDeserializer, String isolation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        assertEquals(expected, records.size(), "records read from " + topics);
        return records;
    }

    private static <V> Map<String, Object> byTopic(List<ConsumerRecord<String, V>> records,
                                                   Function<ConsumerRecord<String, V>, Object> value) {
        Map<String, Object> out = new HashMap<>();
        records.forEach(r -> out.put(r.topic(), value.apply(r)));
        return out;
    }
}
