package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.Topics;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rolling sentiment per ticker over hopping windows, emitted once per article per window size. */
class RollingSentimentTopologyTest {

    @Test
    void eachArticleUpdatesTheNewestWindowOfEachSizeOnce() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta plunges on capex worries", "Spending falls short.", at("12:00")).build());

            List<SentimentRolling> out = f.sentiment.readValuesToList();
            assertEquals(List.of("1h", "24h"), out.stream().map(SentimentRolling::getWindowLabel).toList());
            SentimentRolling hour = out.get(0);
            assertEquals("META", hour.getTicker());
            assertEquals(at("12:01"), hour.getWindowEnd());
            assertEquals(at("11:01"), hour.getWindowStart());
            assertEquals(1, hour.getArticleCount());
            assertEquals(1, hour.getNegativeCount());
            assertEquals(-1.0, hour.getNoveltyWeightedSentiment(), 1e-9); // plunges, worries, falls
            assertEquals(Map.of("en", 1L), hour.getLanguageCounts());
            assertEquals(-1.0, f.gauge("newsflow.sentiment.rolling", "ticker", "META", "window", "1h"));
        }
    }

    @Test
    void aSinglePartitionArticlesTopicGivesTheSameScoresAndWindows() {
        TopologySettings single = TopologySettings.fromMap(Map.of("articles.single.partition", "true"));
        try (TopologyFixture f = new TopologyFixture(single)) {
            f.publish(article("a1", "Meta plunges on capex worries", "Spending falls short.", at("12:00")).build());

            assertEquals("a1", f.scores.readValue().getArticleId());
            SentimentRolling hour = f.sentiment.readValuesToList().get(0);
            assertEquals("META", hour.getTicker());
            assertEquals("1h", hour.getWindowLabel());
            assertEquals(-1.0, hour.getNoveltyWeightedSentiment(), 1e-9);
        }
    }

    @Test
    void theWindowAggregatesCountsToneAndLanguagesWithRelevanceAndConfidenceWeights() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta beats estimates", "Strong ads.", at("12:00")).build());          // +1, relevance .9
            f.publish(article("a2", "Markets today", "Meta slump noted.", at("12:20")).build());           // -0.5, relevance .5
            f.publish(article("a3", "メタの決算", "meta 決算発表", at("12:40")).setLanguage("ja").build()); // 0, relevance .5

            List<org.apache.kafka.streams.KeyValue<String, SentimentRolling>> hourly = f.sentiment.readKeyValuesToList()
                    .stream().filter(kv -> kv.key.equals("META|1h")).toList();
            assertEquals(3, hourly.size());
            SentimentRolling last = hourly.get(2).value;
            assertEquals(3, last.getArticleCount());
            assertEquals(1, last.getPositiveCount());
            assertEquals(1, last.getNegativeCount());
            assertEquals(1, last.getNeutralCount());
            assertEquals(Map.of("en", 2L, "ja", 1L), last.getLanguageCounts());
            // the fake scorer's confidence is |score|: weight = relevance x (0.25 + 0.75 x confidence)
            double w1 = 0.9 * 1.0;
            double w2 = 0.5 * (0.25 + 0.75 * 0.5);
            double w3 = 0.5 * 0.25;
            double expected = (w1 * 1.0 + w2 * -0.5 + w3 * 0.0) / (w1 + w2 + w3);
            assertEquals(expected, last.getNoveltyWeightedSentiment(), 1e-9);
            assertEquals(List.of(1.0, 0.5, 0.0), f.scores.readValuesToList().stream()
                    .map(ScoredArticle::getConfidence).toList(), "confidence is carried on news.article-scores");
        }
    }

    @Test
    void theOneHourWindowForgetsOldArticlesTheDayWindowKeepsThem() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("10:00")).build());
            f.publish(article("a2", "Meta plunges", "Worries.", at("12:00")).build());

            List<SentimentRolling> out = f.sentiment.readValuesToList();
            SentimentRolling hour = out.get(2);
            SentimentRolling day = out.get(3);
            assertEquals("1h", hour.getWindowLabel());
            assertEquals(1, hour.getArticleCount());
            assertEquals(2, day.getArticleCount());
        }
    }

    @Test
    void reIngestedAndNearDuplicateArticlesAreNotCountedTwice() {
        try (TopologyFixture f = new TopologyFixture()) {
            var original = article("a1", "Meta sells 30 billion of bonds", "Order book near 125 billion.", at("12:00")).build();
            f.publish(original);
            f.publish(original); // re-ingested: nothing new
            f.publish(article("a2", "Meta sells 30 billion of bonds", "Order book near 125 billion.", at("12:05")).build());

            List<SentimentRolling> hourly = f.sentiment.readValuesToList().stream()
                    .filter(r -> r.getWindowLabel().equals("1h")).toList();
            assertEquals(2, hourly.size(), "one update per scored record, none for the re-ingested copy");
            assertEquals(1, hourly.get(1).getArticleCount());
        }
    }

    @Test
    void anArticleLaterThanTheLargestWindowPlusGraceIsADeadLetter() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("sentiment.windows", "1h", "sentiment.grace", "10m"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
            f.publish(article("a2", "Meta plunges", "Worries.", at("12:55")).build()); // 1h05m late: within grace
            f.publish(article("a3", "Meta slump", "Worries.", at("12:45")).build());   // 1h15m late: beyond
            f.publish(article("a4", "Meta beats again", "Strong.", at("14:01")).build());

            List<DeadLetter> letters = f.deadLetters.readValuesToList();
            assertEquals(1, letters.size());
            assertEquals("LATE_RECORD", letters.get(0).getReason());
            // made behind the internal novelty topic, but naming the article where it was published
            assertEquals(Topics.ARTICLES, letters.get(0).getSourceTopic());
            assertEquals(2, letters.get(0).getOffset());
            assertTrue(letters.get(0).getDetail().contains("a3"));
            ByteBuffer payload = letters.get(0).getPayload();
            assertTrue(payload != null, "the late article's payload: the article as the scoring task read it");
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            assertEquals("a3", f.serdes.articleEvent().deserializer().deserialize(Topics.ARTICLES, bytes).getId());
            assertEquals(1.0, f.counter("newsflow.dead.letters", "reason", "LATE_RECORD"));

            List<SentimentRolling> out = f.sentiment.readValuesToList();
            SentimentRolling last = out.get(out.size() - 1);
            assertEquals(at("14:02"), last.getWindowEnd());
            assertEquals(2, last.getArticleCount(), "a1 and a4; a2 (12:55) is before the window start 13:02");
        }
    }

    @Test
    void buzzComparesTheWindowWithTheTrailingBaseline() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("sentiment.windows", "1h", "sentiment.baseline", "10h"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            for (int h = 0; h < 10; h++) { // one story an hour for ten hours: baseline of 1 per hour
                f.publish(article("b" + h, "Meta note " + h, "Meta item " + h, at(String.format("%02d:30", h))).build());
            }
            f.publish(article("c1", "Meta one", "x1", at("10:40")).build());
            f.publish(article("c2", "Meta two", "x2", at("10:45")).build());
            f.publish(article("c3", "Meta three", "x3", at("10:50")).build());

            List<SentimentRolling> out = f.sentiment.readValuesToList();
            SentimentRolling quiet = out.get(9);  // b9 at 09:30: one story in its hour, as usual
            assertEquals(1, quiet.getArticleCount());
            assertEquals(1.0, quiet.getBuzz(), 1e-9);
            SentimentRolling busy = out.get(out.size() - 1); // 09:51-10:51 holds c1..c3
            assertEquals(3, busy.getArticleCount());
            // baseline: 10 stories in the 10h before 09:51 -> 1 expected per hour
            assertEquals(3.0, busy.getBuzz(), 1e-9);
            assertEquals(3.0, f.gauge("newsflow.sentiment.buzz.ratio", "ticker", "META", "window", "1h"));
        }
    }
}
