package io.newsflow.topology.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.SignalQuality;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySerdes;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.JsonSerde;
import io.newsflow.topology.watermark.Watermarked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The all-tickers signal quality waits for every market partition's completion watermark, then takes the
 * reactions it covers in publication order, whatever order the partitions sent them in.
 */
class OverallSignalQualityProcessorTest {

    private static final String TOPIC = "reaction-completions";

    private final Serde<Watermarked<MarketReaction>> events = Watermarked.serde(TopologySerdes.avro(
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://overall-signal")).marketReaction());
    private final List<SignalQuality> emitted = new ArrayList<>();

    @Test
    void aReactionWaitsForEveryPartitionsWatermarkAndComesOutInPublicationOrder() {
        try (TopologyTestDriver driver = driver(TopologySettings.fromMap(Map.of("reaction.horizons", "5m",
                "topic.partitions", "2")))) {
            TestInputTopic<String, Watermarked<MarketReaction>> in = driver.createInputTopic(TOPIC,
                    Serdes.String().serializer(), events.serializer());

            in.pipeInput("NVDA", reaction("a2", "NVDA", "14:10", -0.5, -0.02), at("14:15"));
            watermark(in, 1, "14:20");
            assertEquals(List.of(), emitted, "partition 0 has sent no watermark yet");

            in.pipeInput("META", reaction("a1", "META", "14:00", 0.5, 0.02), at("14:05"));
            watermark(in, 0, "14:12");
            assertEquals(List.of("a1"), ids(), "only a1 is due by 14:12 (a2 at 14:15)");

            watermark(in, 0, "14:30");
            assertEquals(List.of("a1", "a2"), ids(), "then a2, by partition 1's 14:20");
            SignalQuality both = emitted.get(1);
            assertEquals("*", both.getTicker());
            assertEquals(2, both.getArticleCount());
            assertEquals(1.0, both.getHitRate(), 1e-9);
            assertEquals(0.02, both.getMeanCarPositive(), 1e-9);
            assertEquals(-0.02, both.getMeanCarNegative(), 1e-9);
        }
    }

    @Test
    void theFiguresDoNotDependOnTheOrderThePartitionsSentTheirReactionsIn() {
        List<SignalQuality> one = run(List.of("a1", "a2", "a3"));
        emitted.clear();
        List<SignalQuality> other = run(List.of("a3", "a1", "a2"));
        assertEquals(one, other);
        assertEquals(List.of("a1", "a2", "a3"), one.stream().map(SignalQuality::getLastArticleId).toList());
    }

    @Test
    void eachHorizonHasItsOwnWatermarkSoADayLongHorizonHoldsBackOnlyItself() {
        try (TopologyTestDriver driver = driver(TopologySettings.fromMap(Map.of("reaction.horizons", "5m,1d",
                "topic.partitions", "1")))) {
            TestInputTopic<String, Watermarked<MarketReaction>> in = driver.createInputTopic(TOPIC,
                    Serdes.String().serializer(), events.serializer());
            in.pipeInput("META", reaction("a1", "META", "14:00", 0.5, 0.02), at("14:05"));
            in.pipeInput("0|1d", Watermarked.watermark(), at("13:00")); // a day-long reaction still waits for its ticks
            assertEquals(List.of(), emitted);
            watermark(in, 0, "14:06");
            assertEquals(List.of("a1"), ids(), "the 5m reaction goes with its own horizon's watermark");
        }
    }

    private List<SignalQuality> run(List<String> arrival) {
        Map<String, Watermarked<MarketReaction>> reactions = Map.of(
                "a1", reaction("a1", "META", "14:00", 0.5, 0.02),
                "a2", reaction("a2", "NVDA", "14:10", -0.5, 0.01),
                "a3", reaction("a3", "AAPL", "14:10", 0.4, -0.03));
        try (TopologyTestDriver driver = driver(TopologySettings.fromMap(Map.of("reaction.horizons", "5m",
                "topic.partitions", "2")))) {
            TestInputTopic<String, Watermarked<MarketReaction>> in = driver.createInputTopic(TOPIC,
                    Serdes.String().serializer(), events.serializer());
            watermark(in, 0, "14:01");
            for (String id : arrival) {
                in.pipeInput(id, reactions.get(id), at("14:16"));
            }
            watermark(in, 1, "14:30");
            watermark(in, 0, "14:30");
            return List.copyOf(emitted);
        }
    }

    private List<String> ids() {
        return emitted.stream().map(SignalQuality::getLastArticleId).toList();
    }

    private static void watermark(TestInputTopic<String, Watermarked<MarketReaction>> in, int partition, String time) {
        in.pipeInput(partition + "|5m", Watermarked.watermark(), at(time));
    }

    private TopologyTestDriver driver(TopologySettings settings) {
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5);
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), events.deserializer(), TOPIC);
        topology.addProcessor("all", () -> new OverallSignalQualityProcessor(settings, metrics), "in");
        topology.addProcessor("capture", () -> (Processor<String, SignalQuality, Void, Void>) record ->
                emitted.add(record.value()), "all");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.REACTION_COMPLETIONS),
                Serdes.String(), Serdes.Long()), "all");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.SIGNAL_HELD_ALL),
                Serdes.String(), new JsonSerde<>(OverallSignalQualityProcessor.HeldReaction.class)), "all");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.SIGNAL_OBSERVATIONS_ALL),
                Serdes.String(), new JsonSerde<>(SignalObservation.class)), "all");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "overall-signal");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(topology, props);
    }

    private static Watermarked<MarketReaction> reaction(String article, String ticker, String published,
            double sentiment, double car) {
        return new Watermarked.Value<>(MarketReaction.newBuilder().setArticleId(article).setTicker(ticker)
                .setPublishedAt(at(published)).setHorizonLabel("5m").setHorizonMs(300_000).setPriceAtPublish(100)
                .setPriceAtHorizon(100 * (1 + car)).setPriceReturn(car).setBenchmarkSymbol("QQQ").setBenchmarkReturn(0.0)
                .setAbnormalReturn(car).setCumulativeAbnormalReturn(car).setReturnModel("market-adjusted")
                .setSentiment(sentiment).setRelevance(1.0).build());
    }

    private static Instant at(String time) {
        return Instant.parse("2025-10-30T" + time + ":00Z");
    }
}
