package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.DecayedSentiment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sentiment that fades between articles: half-life 1h, at most one record per ticker per 5 minutes. */
class DecayedSentimentTopologyTest {

    @Test
    void aTickersScoreHalvesAnHourLaterAndIsEmittedAtMostOncePerBucket() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("sentiment.decay.half.life", "1h",
                "sentiment.decay.bucket", "5m"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.publish(article("m1", "Meta plunges", "Quarterly results.", at("14:00")).build());
            f.publish(article("n1", "Nvidia surges", "Demand.", at("15:00")).build());
            f.publish(article("n2", "Nvidia record", "Data centre orders.", at("15:02")).build());
            f.publish(article("n3", "Nvidia strong", "Chips sold out for the year.", at("15:05")).build());

            List<DecayedSentiment> records = f.decayedSentiment.readValuesToList();
            List<DecayedSentiment> meta = records.stream().filter(r -> r.getTicker().equals("META")).toList();
            List<DecayedSentiment> nvidia = records.stream().filter(r -> r.getTicker().equals("NVDA")).toList();

            assertEquals(List.of(at("14:00"), at("15:00"), at("15:05")), meta.stream().map(DecayedSentiment::getAsOf).toList(),
                    "at the article, then at each bucket boundary the news stream time crosses");
            DecayedSentiment atArticle = meta.get(0);
            assertEquals(-0.5 * atArticle.getWeight(), atArticle.getScore(), 1e-12, "sentiment -0.5 x its weight");
            assertEquals(-0.5, atArticle.getMeanSentiment(), 1e-12);
            assertEquals(atArticle.getScore() / 2, meta.get(1).getScore(), 1e-12, "an hour later: half");
            assertEquals(atArticle.getScore() * Math.pow(2, -65 / 60.0), meta.get(2).getScore(), 1e-12);
            assertEquals(-0.5, meta.get(2).getMeanSentiment(), 1e-12, "what the news said, unchanged as it fades");

            assertEquals(List.of(at("15:00"), at("15:05")), nvidia.stream().map(DecayedSentiment::getAsOf).toList(),
                    "n2 shares the 15:00 bucket with n1: it shows in the 15:05 record, with n3");
            assertTrue(nvidia.get(1).getScore() > nvidia.get(0).getScore());
            assertEquals(at("15:05"), nvidia.get(1).getLastArticleAt());
            assertEquals(meta.get(2).getScore(), f.gauge("newsflow.sentiment.decayed", "ticker", "META"), 1e-12);
        }
    }

    @Test
    void aFadedTickerIsEmittedOnceMoreThenNoLonger() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("sentiment.decay.half.life", "1h",
                "sentiment.decay.bucket", "1h", "sentiment.decay.floor", "0.1"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.publish(article("m1", "Meta plunges", "Quarterly results.", at("10:00")).build());
            f.publish(article("n1", "Nvidia surges", "Demand.", at("11:00")).build());
            f.publish(article("n2", "Nvidia record", "Data centre orders.", at("12:00")).build());
            f.publish(article("n3", "Nvidia strong", "Chips sold out for the year.", at("13:00")).build());
            f.publish(article("n4", "Nvidia beats", "Guidance raised again.", at("14:00")).build());

            List<DecayedSentiment> meta = f.decayedSentiment.readValuesToList().stream()
                    .filter(r -> r.getTicker().equals("META")).toList();
            // weight 0.9 x (0.25 + 0.75 x 0.5) = 0.5625 halves to 0.28, 0.14, then 0.07: below 0.1 at 13:00
            assertEquals(List.of(at("10:00"), at("11:00"), at("12:00"), at("13:00")),
                    meta.stream().map(DecayedSentiment::getAsOf).toList());
        }
    }
}
