package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.MarketReaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Market reaction after an article, per horizon, against the QQQ benchmark. */
class MarketReactionTopologyTest {

    private static final Instant EARNINGS = Instant.parse("2025-10-29T20:05:00Z");

    @Test
    void metaFellAboutElevenPercentTheDayAfterItsEarningsStory() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", 751.44, Instant.parse("2025-10-29T20:00:00Z"));
            f.tick("QQQ", 632.00, Instant.parse("2025-10-29T20:00:00Z"));
            f.publish(article("earnings", "Meta plunges on capex worries", "Spending worries.", EARNINGS).build());
            f.tick("META", 749.00, Instant.parse("2025-10-29T20:08:00Z"));
            f.tick("QQQ", 631.00, Instant.parse("2025-10-29T20:08:00Z"));
            f.tick("META", 690.00, Instant.parse("2025-10-29T21:00:00Z"));
            f.tick("QQQ", 630.00, Instant.parse("2025-10-29T21:00:00Z"));
            f.tick("META", 666.47, Instant.parse("2025-10-30T20:00:00Z"));
            f.tick("QQQ", 625.68, Instant.parse("2025-10-30T20:00:00Z"));
            f.tick("META", 666.00, Instant.parse("2025-10-30T20:10:00Z"));
            f.tick("QQQ", 625.00, Instant.parse("2025-10-30T20:10:00Z"));

            Map<String, MarketReaction> byHorizon = byHorizon(f.reactions.readValuesToList());
            assertEquals(List.of("1d", "1h", "5m"), byHorizon.keySet().stream().sorted().toList());

            MarketReaction day = byHorizon.get("1d");
            assertEquals("earnings", day.getArticleId());
            assertEquals(751.44, day.getPriceAtPublish());
            assertEquals(666.47, day.getPriceAtHorizon());
            assertEquals(666.47 / 751.44 - 1, day.getPriceReturn(), 1e-12);
            assertEquals(-0.11, day.getPriceReturn(), 0.005);
            assertEquals("QQQ", day.getBenchmarkSymbol());
            assertEquals(625.68 / 632.0 - 1, day.getBenchmarkReturn(), 1e-12);
            assertEquals(day.getPriceReturn() - day.getBenchmarkReturn(), day.getAbnormalReturn(), 1e-12);
            assertTrue(day.getSentiment() < 0);

            assertEquals(749.0 / 751.44 - 1, byHorizon.get("5m").getPriceReturn(), 1e-12);
            assertEquals(690.0 / 751.44 - 1, byHorizon.get("1h").getPriceReturn(), 1e-12);
            assertEquals(day.getPriceReturn(),
                    f.gauge("newsflow.market.reaction.return.ratio", "ticker", "META", "horizon", "1d"), 1e-12);
        }
    }

    @Test
    void ticksArrivingAfterTheArticleAndOutOfOrderAreUsedAtTheirEventTime() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m"));
        try (TopologyFixture f = new TopologyFixture(fiveMinutes)) {
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
            f.tick("META", 700.0, at("13:59"));  // before publication, arrives after the article
            f.tick("QQQ", 600.0, at("13:58"));
            f.tick("META", 695.0, at("14:03"));
            f.tick("META", 698.0, at("14:01"));  // out of order
            f.tick("QQQ", 603.0, at("14:04"));
            assertTrue(f.reactions.isEmpty(), "the horizon 14:05 has not passed yet");

            f.tick("META", 690.0, at("14:06"));
            f.tick("QQQ", 604.0, at("14:07"));
            f.tick("NVDA", 200.0, at("14:09")); // moves stream time on

            MarketReaction r = f.reactions.readValue();
            assertEquals(700.0, r.getPriceAtPublish());
            assertEquals(695.0, r.getPriceAtHorizon());
            assertEquals(695.0 / 700.0 - 1, r.getPriceReturn(), 1e-12);
            assertEquals(603.0 / 600.0 - 1, r.getBenchmarkReturn(), 1e-12);
            assertEquals(r.getPriceReturn() - r.getBenchmarkReturn(), r.getAbnormalReturn(), 1e-12);
            assertTrue(f.reactions.isEmpty());
        }
    }

    @Test
    void withoutABenchmarkPriceAtPublicationTheReactionWaitsForTheBenchmarkAndHasNoAbnormalReturn() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m", "reaction.wait", "1h"));
        try (TopologyFixture f = new TopologyFixture(fiveMinutes)) {
            f.tick("NVDA", 200.0, at("13:59"));
            f.publish(article("a1", "Nvidia surges", "Record.", at("14:00")).build());
            f.tick("NVDA", 206.0, at("14:04"));
            f.tick("NVDA", 205.0, at("14:06"));
            f.tick("NVDA", 207.0, at("15:10")); // past 14:05 + 1h
            assertTrue(f.reactions.isEmpty(), "waiting for the benchmark, whatever the wait: it decides on its own series");

            f.tick("QQQ", 500.0, at("15:11")); // the benchmark's first tick, after the horizon

            MarketReaction r = f.reactions.readValue();
            assertEquals(0.03, r.getPriceReturn(), 1e-9);
            assertNull(r.getBenchmarkReturn(), "no benchmark price at the publication");
            assertNull(r.getAbnormalReturn());
        }
    }

    @Test
    void nearDuplicateArticlesDoNotAddReactions() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m"));
        try (TopologyFixture f = new TopologyFixture(fiveMinutes)) {
            f.tick("META", 700.0, at("13:59"));
            f.tick("QQQ", 600.0, at("13:59"));
            f.publish(article("a1", "Meta beats estimates on strong ads", "Revenue rose.", at("14:00")).build());
            f.publish(article("a1-copy", "Meta beats estimates on strong ads", "Revenue rose.", at("14:01")).build());
            f.tick("META", 707.0, at("14:10"));
            f.tick("QQQ", 600.0, at("14:10"));

            List<MarketReaction> reactions = f.reactions.readValuesToList();
            assertEquals(List.of("a1"), reactions.stream().map(MarketReaction::getArticleId).toList());
        }
    }

    @Test
    void ticksInsideOneResolutionBucketCountAsItsNewestTickAndTheBenchmarksFinalTickIsNotLost() {
        TopologySettings fiveMinutes = TopologySettings.fromMap(Map.of("reaction.horizons", "5m",
                "ticks.resolution", "1s"));
        try (TopologyFixture f = new TopologyFixture(fiveMinutes)) {
            long t = at("13:59").toEpochMilli();
            f.tick("META", 700.0, java.time.Instant.ofEpochMilli(t + 100));
            f.tick("META", 701.0, java.time.Instant.ofEpochMilli(t + 800)); // same second: replaces 700
            f.tick("QQQ", 600.0, java.time.Instant.ofEpochMilli(t + 200));
            f.tick("QQQ", 606.0, java.time.Instant.ofEpochMilli(t + 900)); // same second: broadcast only as it closes
            f.publish(article("a1", "Meta beats estimates", "Strong.", at("14:00")).build());
            f.tick("META", 708.01, at("14:05"));
            f.tick("QQQ", 612.06, at("14:05")); // opens a new second: 606 goes out first, then 612.06
            assertTrue(f.reactions.isEmpty(), "a later tick of the 14:05:00 second could still replace 708.01");
            f.tick("META", 709.0, at("14:06"));
            f.tick("QQQ", 613.0, at("14:06")); // both have closed the horizon's second

            MarketReaction r = f.reactions.readValue();
            assertEquals(701.0, r.getPriceAtPublish());
            assertEquals(0.01, r.getPriceReturn(), 1e-9);
            assertEquals(0.01, r.getBenchmarkReturn(), 1e-9, "from the benchmark's final tick of 13:59:00");
            assertTrue(f.reactions.isEmpty());
        }
    }

    private static Map<String, MarketReaction> byHorizon(List<MarketReaction> reactions) {
        return reactions.stream().collect(Collectors.toMap(MarketReaction::getHorizonLabel, Function.identity()));
    }
}
