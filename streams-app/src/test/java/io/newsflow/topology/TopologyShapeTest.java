package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.AvroSerdeConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * The partitioning contract: the ticks are read by a sub-topology of their own (one input, so its
 * task never waits for an empty news partition); everything else keyed by ticker meets their bucket
 * closes in one sub-topology (and so one task per partition), while novelty runs on its own.
 */
class TopologyShapeTest {

    private final TopologyDescription description = new NewsflowTopology(TopologySettings.defaults(),
            FakeTextAnalysis.resolver(), FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter(),
            new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5),
            TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://shape"))).build().describe();

    @Test
    void theTicksAreReadByASubTopologyWithOneInput() {
        assertEquals(Set.of(Topics.PRICE_TICKS), sourceTopicsOfSubtopologyReading(Topics.PRICE_TICKS));
    }

    @Test
    void bucketClosesScoresAlertsAndIssuerSummariesMeetInOneSubTopology() {
        Set<String> market = description.subtopologies().stream().map(TopologyShapeTest::sourceTopics)
                .filter(topics -> topics.stream().anyMatch(t -> t.contains("tick-closes"))).findFirst().orElseThrow();
        assertFalse(market.contains(Topics.ARTICLE_SCORES), "the reactions register from news-context: " + market);
        assertTrue(market.stream().anyMatch(t -> t.contains("price-move-alerts")), market.toString());
        assertTrue(market.stream().anyMatch(t -> t.contains("bond-summaries-by-issuer")), market.toString());
        assertTrue(market.stream().anyMatch(t -> t.contains("news-context")), market.toString());
    }

    @Test
    void theSignalQualityOverAllTickersRunsInOneTaskFedOnlyByTheReactionsAndTheirWatermarks() {
        assertEquals(Set.of("reaction-completions-repartition"),
                sourceTopicsOfSubtopologyReading("reaction-completions-repartition"));
    }

    @Test
    void noveltyRunsOnItsOwnSubTopology() {
        Set<String> novelty = description.subtopologies().stream()
                .map(TopologyShapeTest::sourceTopics)
                .filter(topics -> topics.stream().anyMatch(t -> t.contains("articles-novelty")))
                .findFirst().orElseThrow();
        assertEquals(1, novelty.size(), novelty.toString());
    }

    @Test
    void rollingSentimentIsOneHopFromTheArticles() {
        TopologyDescription.Subtopology novelty = description.subtopologies().stream()
                .filter(sub -> sourceTopics(sub).stream().anyMatch(t -> t.contains("articles-novelty")))
                .findFirst().orElseThrow();
        Set<String> sinks = sinkTopics(novelty);
        assertTrue(sinks.containsAll(Set.of(Topics.ARTICLE_SCORES, Topics.SENTIMENT_ROLLING)), sinks.toString());
    }

    @Test
    void aSinglePartitionArticlesTopicIsScoredWhereItIsRead() {
        TopologyDescription single = new NewsflowTopology(
                TopologySettings.fromMap(Map.of("articles.single.partition", "true")), FakeTextAnalysis.resolver(),
                FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter(),
                new PipelineMetrics(new SimpleMeterRegistry(), List.of("META"), 5),
                TopologySerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://shape"))).build().describe();

        TopologyDescription.Subtopology news = single.subtopologies().stream()
                .filter(sub -> sourceTopics(sub).contains(Topics.ARTICLES))
                .findFirst().orElseThrow();
        assertEquals(Set.of(Topics.ARTICLES), sourceTopics(news));
        assertTrue(sinkTopics(news).containsAll(Set.of(Topics.ARTICLE_SCORES, Topics.SENTIMENT_ROLLING)),
                sinkTopics(news).toString());
        assertTrue(single.subtopologies().stream().flatMap(sub -> sourceTopics(sub).stream())
                .noneMatch(t -> t.contains("articles-novelty")));
    }

    @Test
    void everyStoreLivesInOneSubTopologyWithAllTheStepsThatUseIt() {
        Map<String, Long> subTopologiesPerStore = description.subtopologies().stream()
                .flatMap(sub -> sub.nodes().stream()
                        .filter(n -> n instanceof TopologyDescription.Processor)
                        .flatMap(n -> ((TopologyDescription.Processor) n).stores().stream())
                        .distinct())
                .collect(Collectors.groupingBy(store -> store, Collectors.counting()));
        assertTrue(subTopologiesPerStore.containsKey(StoreNames.TICK_POINTS), subTopologiesPerStore.toString());
        subTopologiesPerStore.forEach((store, count) -> assertEquals(1L, count, store + " is split"));
    }

    private static Set<String> sinkTopics(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> ((TopologyDescription.Sink) n).topic())
                .collect(Collectors.toSet());
    }

    private Set<String> sourceTopicsOfSubtopologyReading(String topic) {
        return description.subtopologies().stream().map(TopologyShapeTest::sourceTopics)
                .filter(topics -> topics.contains(topic)).findFirst().orElseThrow();
    }

    private static Set<String> sourceTopics(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())
                .collect(Collectors.toSet());
    }
}
