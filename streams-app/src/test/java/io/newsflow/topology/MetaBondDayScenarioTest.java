package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.Topics;
import io.newsflow.ingest.IngestCli;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.errors.ErrorDeadLetters;
import io.newsflow.runtime.errors.ErrorHandlers;
import io.newsflow.runtime.errors.FailedRecords;
import io.newsflow.runtime.errors.RefusedWrites;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.registry.MockSchemaRegistry;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.dlq.DeadLetters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Meta bond-day scenario (ingest's scenarios/meta-bond-day) through the real app:
 * embedded KRaft broker, three partitions per topic, exactly_once_v2, RocksDB state.
 */
@Tag("broker")
class MetaBondDayScenarioTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "meta-bond-day");
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;

    @Test
    void metaDayComesOutOfThePipeline() throws Exception {
        String scope = "meta-scenario-" + UUID.randomUUID();
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        TopologySerdes serdes = TopologySerdes.avro(serdeConfig);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(Topics.all(), 3);
            publishScenario(broker.bootstrapServers(), serdeConfig);

            PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry(),
                    List.of("META", "NVDA", "GOOGL", "MSFT", "AMZN", "QQQ"), 50);
            NewsflowTopology topology = NewsflowTopology.fromConfig(serdeConfig, TextAnalysis.defaults(), metrics);
            Outputs out = new Outputs();
            try (KafkaStreams streams = new KafkaStreams(topology.build(), streamsProps(broker.bootstrapServers(),
                    metrics, serdes));
                    KafkaConsumer<String, byte[]> consumer = consumer(broker.bootstrapServers())) {
                streams.start();
                consumer.subscribe(List.of(Topics.SENTIMENT_ROLLING, Topics.MARKET_REACTION, Topics.BOND_ANALYTICS,
                        Topics.CREDIT_EQUITY, Topics.PRICE_ALERTS));
                // read until everything asserted on has arrived and the pipeline has been quiet for a while
                long until = System.nanoTime() + DEADLINE.toNanos();
                long lastArrival = System.nanoTime();
                while (System.nanoTime() < until
                        && !(out.complete() && System.nanoTime() - lastArrival > QUIET.toNanos())) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        out.add(r, serdes);
                        lastArrival = System.nanoTime();
                    }
                }
                streams.close(Duration.ofSeconds(30));
            }
            System.out.println("Scenario outputs: " + out.summary());
            assertTrue(out.complete(), "outputs incomplete after " + DEADLINE + ": " + out.summary());
            assertMetaDay(out);
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static void assertMetaDay(Outputs out) {
        BondBookSummary priced = out.bonds.stream().filter(b -> b.getDealId().equals("META-2025-10-30"))
                .max(Comparator.comparing(BondBookSummary::getLastUpdateAt)).orElseThrow();
        assertEquals(125.0 / 30.0, priced.getOversubscription(), 1e-9);
        assertEquals("PRICED", priced.getStatus().name());

        // the view as of the pricing (20:00): a 4.2x book while the stock is ~11% down on the day
        CreditEquityView atPricing = out.credit.stream()
                .filter(v -> v.getIssuerSymbol().equals("META") && v.getAsOf().equals(priced.getLastUpdateAt()))
                .findFirst().orElseThrow();
        assertEquals(4.17, atPricing.getOversubscription(), 0.01);
        assertEquals(-0.11, atPricing.getEquityReturn(), 0.02, atPricing.toString());
        assertTrue(atPricing.getDivergent(), atPricing.toString());

        PriceMoveAlert alert = out.alerts.stream().filter(a -> a.getSymbol().equals("META")).findFirst().orElseThrow();
        assertEquals("DOWN", alert.getDirection().name());
        assertTrue(alert.getTriggeredAt().isAfter(Instant.parse("2025-10-29T20:05:00Z")), alert.toString());

        // the first META story is the results flash (20:06; the -11% ran 20:05-20:35): the fall follows it
        MarketReaction firstHour = out.reactions.stream()
                .filter(r -> r.getTicker().equals("META") && r.getHorizonLabel().equals("1h"))
                .min(Comparator.comparing(MarketReaction::getPublishedAt)).orElseThrow();
        assertEquals(-0.11, firstHour.getPriceReturn(), 0.03, firstHour.toString());
        assertTrue(firstHour.getAbnormalReturn() != null && firstHour.getAbnormalReturn() < -0.07,
                firstHour + " of " + out.reactions.stream().filter(r -> r.getTicker().equals("META")).toList());

        List<SentimentRolling> metaDay = out.sentiment.stream()
                .filter(s -> s.getTicker().equals("META") && s.getWindowLabel().equals("24h")).toList();
        assertTrue(metaDay.stream().anyMatch(s -> s.getNoveltyWeightedSentiment() < 0), metaDay.toString());
        assertTrue(metaDay.stream().allMatch(s -> s.getNoveltyWeightedSentiment() < 0.5), "negative to mixed: " + metaDay);
    }

    private static void publishScenario(String bootstrap, Map<String, Object> serdeConfig) {
        Map<String, Object> producer = new java.util.HashMap<>(serdeConfig);
        producer.put("bootstrap.servers", bootstrap);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = new IngestCli().run(List.of("scenario", SCENARIO.toString(), "--pace", "asap"), producer,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, log.toString(StandardCharsets.UTF_8));
    }

    private Properties streamsProps(String bootstrap, PipelineMetrics metrics, TopologySerdes serdes)
            throws java.io.IOException {
        Properties p = new Properties();
        // the app's error handlers: the processing handler writes the topology's dead letters (a late article here)
        ErrorHandlers.install(p, new ErrorDeadLetters(new DeadLetters(metrics), serdes.deadLetter().serializer(), metrics),
                new FailedRecords(), new RefusedWrites());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-scenario-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        // fewer, larger transactions (each commit ends one) keep the run short on two shared cores
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        p.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 30_000);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return p;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-check-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** What the pipeline wrote, decoded. */
    private static final class Outputs {
        final List<SentimentRolling> sentiment = new ArrayList<>();
        final List<MarketReaction> reactions = new ArrayList<>();
        final List<BondBookSummary> bonds = new ArrayList<>();
        final List<CreditEquityView> credit = new ArrayList<>();
        final List<PriceMoveAlert> alerts = new ArrayList<>();

        void add(ConsumerRecord<String, byte[]> r, TopologySerdes serdes) {
            switch (r.topic()) {
                case Topics.SENTIMENT_ROLLING -> sentiment.add(serdes.sentimentRolling().deserializer().deserialize(r.topic(), r.value()));
                case Topics.MARKET_REACTION -> reactions.add(serdes.marketReaction().deserializer().deserialize(r.topic(), r.value()));
                case Topics.BOND_ANALYTICS -> bonds.add(serdes.bondBookSummary().deserializer().deserialize(r.topic(), r.value()));
                case Topics.CREDIT_EQUITY -> credit.add(serdes.creditEquityView().deserializer().deserialize(r.topic(), r.value()));
                case Topics.PRICE_ALERTS -> alerts.add(serdes.priceMoveAlert().deserializer().deserialize(r.topic(), r.value()));
                default -> { }
            }
        }

        String summary() {
            return "sentiment=" + sentiment.size() + " reactions=" + reactions.size() + " bonds=" + bonds.size()
                    + " credit=" + credit.size() + " alerts=" + alerts.size();
        }

        /** Everything the assertions need has arrived (the last bond update and the 1d reactions come late). */
        boolean complete() {
            boolean priced = bonds.stream().anyMatch(b -> b.getStatus().name().equals("PRICED"));
            boolean dayReaction = reactions.stream().anyMatch(r -> r.getTicker().equals("META")
                    && r.getHorizonLabel().equals("1d"));
            boolean metaAlert = alerts.stream().anyMatch(a -> a.getSymbol().equals("META"));
            boolean creditPriced = credit.stream().anyMatch(c -> c.getIssuerSymbol().equals("META")
                    && c.getOrderBookSize() != null && c.getOrderBookSize() == 125_000_000_000L);
            return priced && dayReaction && metaAlert && creditPriced && !sentiment.isEmpty();
        }
    }
}
