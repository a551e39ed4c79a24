package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.article.ArticleEnrichmentProcessor;
import io.newsflow.topology.article.FingerprintSerde;
import io.newsflow.topology.article.NoveltyState;
import io.newsflow.topology.state.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once replay of the enrichment step: the input record whose "seen" entry survived a
 * crash is scored again, the same way and counted once; any other copy of the article is not.
 * ({@link ReplayContext}: TopologyTestDriver cannot deliver a record at an offset it already delivered.)
 */
class ArticleReplayTest {

    private static final String TOPIC = "newsflow-articles-novelty-repartition";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, List.of("META"), 5);
    private final ReplayContext replay = new ReplayContext();
    private final ArticleEnrichmentProcessor processor = new ArticleEnrichmentProcessor(TopologySettings.defaults(),
            FakeTextAnalysis.resolver(), FakeTextAnalysis.scorer(), FakeTextAnalysis.fingerprinter(), metrics);
    private final ArticleEvent article = article("a1", "Meta beats estimates", "Strong quarter.", at("12:00")).build();

    @BeforeEach
    void init() {
        replay.addStore(StoreNames.ARTICLE_SEEN, new JsonSerde<>(NoveltyState.SeenArticle.class));
        replay.addStore(StoreNames.ARTICLE_FINGERPRINTS, new FingerprintSerde());
        replay.addStore(StoreNames.FRAGMENT_SEEN, new JsonSerde<>(NoveltyState.SeenFragment.class));
        processor.init(replay.context());
    }

    @Test
    void theSameRecordProcessedAgainGetsTheSameScoresCountedOnce() {
        List<ScoredArticle> first = process(article, 7);
        List<ScoredArticle> replayed = process(article, 7);

        assertEquals(1, first.size());
        assertEquals(first, replayed);
        assertEquals(1.0, registry.counter("newsflow.articles.scored", "ticker", "META", "language", "en").count());
    }

    @Test
    void aReplayKeepsTheFirstVerdictEvenWhenLaterArticlesAreAlreadyInTheState() {
        process(article, 7);
        // a near-copy processed after it, before the crash: its fingerprint is in the restored state
        process(article("a2", "Meta beats estimates", "Strong quarter.", at("12:05")).build(), 8);

        ScoredArticle replayed = process(article, 7).get(0);

        assertNull(replayed.getDuplicateOf(), "still the original, not a duplicate of what came after it");
        assertEquals(1.0, replayed.getNovelty());
    }

    @Test
    void anotherCopyOfTheSameArticleIsStillIgnored() {
        process(article, 7);

        assertEquals(List.of(), process(article, 12), "re-ingested at another offset");
    }

    @Test
    void entriesWrittenBeforeTheReplayFieldsExistedAreReadAndIgnoreCopies() {
        byte[] old = "{\"contentHash\":\"h\",\"seenAt\":5}".getBytes(StandardCharsets.UTF_8);
        NoveltyState.SeenArticle entry = new JsonSerde<>(NoveltyState.SeenArticle.class).deserializer()
                .deserialize("any", old);

        assertEquals("h", entry.contentHash());
        assertEquals(false, entry.writtenFor(TOPIC + "/0@7"));
    }

    private List<ScoredArticle> process(ArticleEvent value, long offset) {
        return replay.process(processor, TOPIC, offset,
                new Record<>(value.getId(), value, value.getPublishedAt().toEpochMilli()));
    }
}
