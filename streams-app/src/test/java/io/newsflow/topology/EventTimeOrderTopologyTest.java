package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.article.ArticleFunnelFeed;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Results follow event time, not the order in which the inputs happen to be processed: the same
 * records, delivered in another interleaving, give the same outputs.
 */
class EventTimeOrderTopologyTest {

    private static final String FUNNEL = "newsflow-test-articles-novelty-repartition";
    private static final Instant ORIGINAL_AT = at("14:00");
    private static final Instant COPY_AT = at("14:05");

    private final ArticleEvent original = article("a-original", "Meta beats estimates on strong ads",
            "Revenue rose.", ORIGINAL_AT).build();
    private final ArticleEvent copy = article("a-copy", "Meta beats estimates on strong ads", "Revenue rose.",
            COPY_AT).build();

    @Test
    void articlesOfTwoPartitionsReachingTheFunnelInEitherOrderGetTheSameNoveltyVerdicts() {
        // partition 1 carries the original, partition 2 a near-copy published five minutes later
        List<ScoredArticle> originalFirst = scoresFromFunnel(funnel -> {
            funnel.send(1, original);
            funnel.send(2, copy);
            funnel.watermark(1, at("14:10"));
            funnel.watermark(2, at("14:10"));
        });
        List<ScoredArticle> copyFirst = scoresFromFunnel(funnel -> {
            funnel.send(2, copy);
            funnel.watermark(2, at("14:10"));
            funnel.send(1, original);
            funnel.watermark(1, at("14:10"));
        });

        assertEquals(List.of("a-original", "a-copy"), originalFirst.stream().map(ScoredArticle::getArticleId).toList());
        assertNull(originalFirst.get(0).getDuplicateOf());
        assertEquals("a-original", originalFirst.get(1).getDuplicateOf());
        assertEquals(originalFirst, copyFirst);
    }

    @Test
    void anArticleWaitsUntilEveryPartitionsWatermarkHasPassedIt() {
        List<ScoredArticle> scores = scoresFromFunnel(funnel -> {
            funnel.send(2, copy);
            funnel.watermark(1, at("14:04"));
            assertTrue(funnel.scores().isEmpty(), "partition 1 may still have an article before 14:05");
            funnel.watermark(1, at("14:06"));
        });

        assertEquals(List.of("a-copy"), scores.stream().map(ScoredArticle::getArticleId).toList());
    }

    @Test
    void aReactionGetsTheSameBenchmarkReturnWhetherTheBenchmarkTicksComeBeforeOrAfterTheStocksTicks() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m", "reaction.wait", "1h"));
        Consumer<TopologyFixture> benchmark = f -> {
            f.tick("QQQ", 603.0, at("14:04"));
            f.tick("QQQ", 604.0, at("14:06"));
        };
        Consumer<TopologyFixture> stock = f -> {
            f.tick("META", 707.0, at("14:04"));
            f.tick("META", 710.0, at("14:06"));
            f.tick("META", 690.0, at("16:30")); // far past the horizon and the wait
        };

        MarketReaction benchmarkFirst = reaction(fiveMinutes, benchmark, stock);
        MarketReaction stockFirst = reaction(fiveMinutes, stock, benchmark);

        assertEquals(603.0 / 600.0 - 1, benchmarkFirst.getBenchmarkReturn(), 1e-12);
        assertEquals(707.0 / 700.0 - 1, benchmarkFirst.getPriceReturn(), 1e-12);
        assertEquals(benchmarkFirst, stockFirst);
    }

    @Test
    void aReactionWaitsForTheHorizonsResolutionBucketToClose() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m"));
        try (TopologyFixture f = new TopologyFixture(fiveMinutes)) {
            f.tick("META", 700.0, at("13:59"));
            f.tick("QQQ", 600.0, at("13:59"));
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
            long horizon = at("14:05").toEpochMilli();
            f.tick("META", 707.0, Instant.ofEpochMilli(horizon));
            f.tick("QQQ", 606.0, Instant.ofEpochMilli(horizon));
            f.tick("QQQ", 606.0, at("14:06"));
            f.tick("META", 714.0, Instant.ofEpochMilli(horizon + 500)); // same second, after the horizon
            assertTrue(f.reactions.isEmpty(), "the horizon's second is still open for META");

            f.tick("META", 714.0, at("14:06"));

            // the second's kept tick (14:05:00.500) is after the horizon: the price is the one before it
            assertEquals(0.0, f.reactions.readValue().getPriceReturn(), 1e-12);
        }
    }

    private static MarketReaction reaction(TopologySettings settings, Consumer<TopologyFixture> first,
            Consumer<TopologyFixture> then) {
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.tick("META", 700.0, at("13:59"));
            f.tick("QQQ", 600.0, at("13:59"));
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
            first.accept(f);
            then.accept(f);
            f.tick("QQQ", 605.0, at("16:31")); // both series are then well past the horizon
            List<MarketReaction> reactions = f.reactions.readValuesToList();
            assertEquals(1, reactions.size(), reactions.toString());
            return reactions.get(0);
        }
    }

    /**
     * Runs {@code script} against the funnel of a topology fed by three articles partitions; returns
     * all scores. The script plays partitions 1 and 2: TopologyTestDriver runs the whole topology as
     * one task of partition 0, whose feed sends partition 0's watermarks as the driver's stream time moves.
     */
    private static List<ScoredArticle> scoresFromFunnel(Consumer<Funnel> script) {
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(Map.of("topic.partitions", "3")))) {
            Funnel funnel = new Funnel(f);
            script.accept(funnel);
            return funnel.scores();
        }
    }

    /** The funnel topic as the feeds of the articles partitions write it. */
    private static final class Funnel {
        private final TopologyFixture fixture;
        private final TestInputTopic<String, ArticleEvent> topic;
        private final List<ScoredArticle> scores = new java.util.ArrayList<>();

        Funnel(TopologyFixture fixture) {
            this.fixture = fixture;
            this.topic = fixture.driver.createInputTopic(FUNNEL, new StringSerializer(),
                    fixture.serdes.articleEvent().serializer());
        }

        void send(int partition, ArticleEvent article) {
            topic.pipeInput(new TestRecord<>(article.getId(), article, tag(partition), article.getPublishedAt()));
        }

        void watermark(int partition, Instant time) {
            topic.pipeInput(new TestRecord<>("watermark", null, tag(partition), time));
        }

        List<ScoredArticle> scores() {
            scores.addAll(fixture.scores.readValuesToList());
            return scores;
        }

        private static RecordHeaders tag(int partition) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ArticleFunnelFeed.PARTITION_HEADER, ByteBuffer.allocate(4).putInt(partition).array());
            return headers;
        }
    }
}
