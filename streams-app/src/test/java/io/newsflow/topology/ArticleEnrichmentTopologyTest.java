package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.fragment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ScoredArticle;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Article -> scored article per entity, with idempotency and novelty (fake text analysis). */
class ArticleEnrichmentTopologyTest {

    @Test
    void oneScoredRecordPerEntityKeyedByTickerOrEntityName() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta beats estimates", "Nvidia and OpenAI deals were strong.", at("12:00"))
                    .setUpstreamSentiment(0.4).build());

            List<KeyValue<String, ScoredArticle>> out = f.scores.readKeyValuesToList();
            assertEquals(List.of("META", "NVDA", "OpenAI"), out.stream().map(kv -> kv.key).toList());
            ScoredArticle meta = out.get(0).value;
            assertEquals("Meta Platforms", meta.getEntity());
            assertEquals(0.9, meta.getRelevance());
            assertEquals(1.0, meta.getSentiment());
            assertEquals(List.of("beats", "strong"), meta.getMatchedTerms());
            assertEquals(0.4, meta.getUpstreamSentiment());
            assertEquals(1.0, meta.getNovelty());
            assertNull(meta.getDuplicateOf());
            assertEquals(List.of("Meta Platforms", "NVIDIA", "OpenAI"), meta.getEntities());
            assertNull(out.get(2).value.getTicker());
            assertEquals(at("12:00"), meta.getPublishedAt());
            assertEquals(1.0, f.counter("newsflow.articles.scored", "ticker", "META", "language", "en"));
            assertEquals(1.0, f.counter("newsflow.articles.scored", "ticker", "other", "language", "en"));
        }
    }

    @Test
    void reIngestingTheSameArticleEmitsNothingButACorrectionIsRescored() {
        try (TopologyFixture f = new TopologyFixture()) {
            var original = article("a1", "Meta beats estimates", "Strong quarter.", at("12:00")).build();
            f.publish(original);
            f.publish(original);
            f.publish(article("a1", "Meta beats estimates", "Strong quarter. Corrected figures.", at("12:00")).build());

            List<ScoredArticle> out = f.scores.readValuesToList();
            assertEquals(2, out.size());
            // a correction is compared with other articles only, never with its own earlier version
            assertNull(out.get(1).getDuplicateOf());
            assertEquals(1.0, out.get(1).getNovelty());
            assertEquals(0.0, f.counter("newsflow.articles.duplicate", "language", "en"));
            assertEquals(2.0, f.counter("newsflow.articles.scored", "ticker", "META", "language", "en"));
        }
    }

    @Test
    void aNearDuplicateOfAnEarlierArticleHasLowNoveltyAndPointsToIt() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("wire-1", "Meta sells 30 billion of bonds", "The order book reached 125 billion dollars.",
                    at("12:00")).build());
            f.publish(article("copy-1", "Meta sells 30 billion of bonds", "The order book reached 125 billion dollars!",
                    at("12:03")).build());
            f.publish(article("other", "Nvidia surges", "Chips demand.", at("12:04")).build());

            List<ScoredArticle> out = f.scores.readValuesToList();
            ScoredArticle copy = out.get(1);
            assertEquals("copy-1", copy.getArticleId());
            assertEquals("wire-1", copy.getDuplicateOf());
            assertTrue(copy.getNovelty() < 0.2, "novelty " + copy.getNovelty());
            assertNull(out.get(2).getDuplicateOf());
            assertEquals(1.0, out.get(2).getNovelty());
            assertEquals(1.0, f.counter("newsflow.articles.duplicate", "language", "en"));
        }
    }

    @Test
    void fragmentsRepeatedInsideTheArticleReduceNoveltyByTheirShareOfText() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta outlook", "ignored when fragments are given", at("12:00"))
                    .setFragments(List.of(fragment("aaaaaaaaaa", null), fragment("bbbbbbbbbb", null),
                            fragment("aaaaaaaaaa", 0)))
                    .build());
            assertEquals(2.0 / 3.0, f.scores.readValue().getNovelty(), 1e-9);
        }
    }

    @Test
    void fragmentsSeenInEarlierArticlesReduceNovelty() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta outlook", "Capex guidance rises sharply\nAnalysts see margin pressure",
                    at("12:00")).build());
            f.publish(article("a2", "Meta shares slide", "Shares fell at the open today\nCapex guidance rises sharply",
                    at("13:00")).build());

            List<ScoredArticle> out = f.scores.readValuesToList();
            assertEquals(1.0, out.get(0).getNovelty());
            int fresh = "shares fell at the open today".length();
            int repeated = "capex guidance rises sharply".length();
            assertEquals(1.0 - (double) repeated / (fresh + repeated), out.get(1).getNovelty(), 1e-9);
            assertNull(out.get(1).getDuplicateOf());
        }
    }

    @Test
    void articlesAboutNoKnownEntityProduceNoScores() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Weather", "Sunny.", at("12:00")).build());
            assertTrue(f.scores.isEmpty());
            assertTrue(f.deadLetters.isEmpty());
        }
    }
}
