package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.SignalQuality;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality of the news signal from the reactions, hand-checked: Meta "beats" (+0.5) then +2%
 * abnormal, "plunges" (-0.5) then -1%, "strong" (+0.5) then -1%; a story about Nvidia that only
 * mentions Meta in its body (relevance 0.5, below the 0.6 asked for) is left out.
 */
class SignalQualityTopologyTest {

    @Test
    void hitRateMeanCarsAndInformationCoefficientOfAtickersArticles() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("reaction.horizons", "5m",
                "reaction.signal.min.relevance", "0.6"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            f.tick("META", 100.0, at("13:59"));
            f.tick("QQQ", 100.0, at("13:59"));
            f.publish(article("a1", "Meta beats estimates", "Quarterly results.", at("14:00")).build());
            f.tick("META", 103.0, at("14:04"));
            f.tick("QQQ", 101.0, at("14:04"));
            f.publish(article("a2", "Meta plunges", "Quarterly results.", at("14:10")).build());
            f.tick("META", 101.97, at("14:14"));
            f.tick("QQQ", 101.0, at("14:14"));
            f.publish(article("a3", "Nvidia surges", "Meta is a customer.", at("14:20")).build());
            f.publish(article("a4", "Meta strong", "Quarterly results.", at("14:30")).build());
            f.tick("META", 100.9503, at("14:34"));
            f.tick("QQQ", 101.0, at("14:34"));
            f.tick("META", 100.9503, at("14:40"));
            f.tick("QQQ", 101.0, at("14:40"));

            List<SignalQuality> records = f.signalQuality.readValuesToList().stream()
                    .filter(q -> q.getTicker().equals("META")).toList();
            assertEquals(List.of("a1", "a2", "a4"), records.stream().map(SignalQuality::getLastArticleId).sorted().toList(),
                    "one record per scored reaction; a3 is a passing mention of Meta");
            SignalQuality last = records.stream().filter(q -> q.getLastArticleId().equals("a4")).findFirst().orElseThrow();
            assertEquals("META", last.getTicker());
            assertEquals("5m", last.getHorizonLabel());
            assertEquals(3, last.getArticleCount());
            assertEquals(2, last.getPositiveCount());
            assertEquals(1, last.getNegativeCount());
            assertEquals(0.005, last.getMeanCarPositive(), 1e-9, "(+2% - 1%) / 2");
            assertEquals(-0.01, last.getMeanCarNegative(), 1e-9);
            assertEquals(2.0 / 3, last.getHitRate(), 1e-9, "a1 and a2 of three");
            // ranks with ties averaged: sentiment (2.5, 1, 2.5), CAR (3, 1.5, 1.5): rho = 0.75 / 1.5
            assertEquals(0.5, last.getInformationCoefficient(), 1e-9);

            SignalQuality first = records.stream().filter(q -> q.getLastArticleId().equals("a1")).findFirst().orElseThrow();
            assertEquals(1.0, first.getHitRate());
            assertEquals(null, first.getInformationCoefficient(), "no rank correlation of one article");
            assertEquals(2.0 / 3, f.gauge("newsflow.signal.hit.ratio", "ticker", "META", "horizon", "5m"), 1e-9);
            assertTrue(f.deadLetters.isEmpty());
        }
    }

    /**
     * Over all tickers, hand-checked: Meta "beats" (+0.5) then +2 % abnormal; Nvidia "plunges" (-0.5) then -2 %;
     * Nvidia "surges" (+0.5) then +1.0204 % (196 to 198). One all-tickers record per reaction, in publication
     * order, each over every ticker's reactions up to its article.
     */
    @Test
    void theQualityOverAllTickersPoolsEveryTickersReactionsInPublicationOrder() {
        TopologySettings settings = TopologySettings.fromMap(Map.of("reaction.horizons", "5m"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            ticks(f, at("13:59"), 100.0, 200.0);
            f.publish(article("a1", "Meta beats estimates", "Quarterly results.", at("14:00")).build());
            ticks(f, at("14:04"), 102.0, 200.0);
            ticks(f, at("14:09"), 102.0, 200.0);
            f.publish(article("a2", "Nvidia plunges", "Quarterly results.", at("14:10")).build());
            ticks(f, at("14:14"), 102.0, 196.0);
            f.publish(article("a3", "Nvidia surges", "Quarterly results.", at("14:20")).build());
            ticks(f, at("14:24"), 102.0, 198.0);
            ticks(f, at("14:30"), 102.0, 198.0);
            ticks(f, at("14:40"), 102.0, 198.0);

            List<SignalQuality> all = f.signalQuality.readValuesToList().stream()
                    .filter(q -> q.getTicker().equals("*")).toList();
            assertEquals(List.of("a1", "a2", "a3"), all.stream().map(SignalQuality::getLastArticleId).toList(),
                    "one record per reaction, in publication order");
            assertEquals(List.of(1L, 2L, 3L), all.stream().map(SignalQuality::getArticleCount).toList());
            SignalQuality last = all.get(2);
            assertEquals("5m", last.getHorizonLabel());
            assertEquals(2, last.getPositiveCount());
            assertEquals(1, last.getNegativeCount());
            assertEquals((0.02 + 198.0 / 196 - 1) / 2, last.getMeanCarPositive(), 1e-9);
            assertEquals(-0.02, last.getMeanCarNegative(), 1e-9);
            assertEquals(1.0, last.getHitRate(), 1e-9, "every polar article moved its way");
            // ranks: sentiment (2.5, 1, 2.5), CAR (3, 1, 2): rho = 1.5 / sqrt(1.5 * 2)
            assertEquals(1.5 / Math.sqrt(3), last.getInformationCoefficient(), 1e-9);
            assertEquals(1.5 / Math.sqrt(3), f.gauge("newsflow.signal.information.coefficient", "ticker", "*",
                    "horizon", "5m"), 1e-9);
            assertTrue(f.deadLetters.isEmpty());
        }
    }

    private static void ticks(TopologyFixture f, java.time.Instant time, double meta, double nvidia) {
        f.tick("META", meta, time);
        f.tick("NVDA", nvidia, time);
        f.tick("QQQ", 100.0, time);
    }
}
