package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.article.ArticleFunnelFeed;
import io.newsflow.topology.article.NewsWatermarkFeed;
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
 * The news context of alerts (a record of its own on {@code alerts.price-move-context}, following the
 * alert) and of credit views follows event time: it holds the articles published
 * in it, whether their scores reach the ticker task before or after the tick or deal update
 * (the scores come through the funnel and two Kafka hops, so usually after). The scores and news
 * watermarks are written straight to {@code news-context} here, to deliver them in either order.
 * And the liveness escape: a watermark that does not move for {@code watermark.idle.timeout} (wall
 * clock) stops being waited for.
 */
class NewsContextOrderTopologyTest {

    private static final String NEWS_CONTEXT = "newsflow-test-news-context-repartition";
    private static final String FUNNEL = "newsflow-test-articles-novelty-repartition";
    private static final long B = 1_000_000_000L;
    /** One alert window, so that the move raises one alert. */
    private static final Map<String, String> FIVE_MINUTES = Map.of("alerts.windows", "5m", "alerts.thresholds", "0.03");

    @Test
    void anAlertHasTheSameNewsContextWhetherTheScoresArriveBeforeOrAfterItsTick() {
        PriceMoveAlert scoresFirst = alert(TopologySettings.fromMap(FIVE_MINUTES), f -> {
            scores(f);
            ticks(f);
            watermark(f, at("13:34"));
        });
        PriceMoveAlert ticksFirst = alert(TopologySettings.fromMap(FIVE_MINUTES), f -> {
            ticks(f);
            assertEquals(1, f.alerts.readValuesToList().size(), "the alert goes out with its tick");
            assertTrue(f.alertContexts.isEmpty(), "its context is held: the news up to 13:33:59.999 is not all in yet");
            scores(f);
            watermark(f, at("13:34"));
        });

        assertEquals(List.of("a1", "a2"), scoresFirst.getRecentArticleIds());
        assertEquals(2, scoresFirst.getRecentArticleCount());
        assertTrue(scoresFirst.getRecentSentiment() < 0);
        assertEquals(scoresFirst, ticksFirst);
    }

    @Test
    void withoutWaitingTheAlertMissesTheScoresThatArriveAfterItsTick() {
        PriceMoveAlert ticksFirst = alert(TopologySettings.fromMap(Map.of("news.context.wait", "false", "alerts.windows", "5m",
                "alerts.thresholds", "0.03")), f -> {
            ticks(f);
            scores(f);
        });

        assertEquals(List.of(), ticksFirst.getRecentArticleIds(), "the behaviour news.context.wait=true removes");
    }

    @Test
    void anAlertWaitsForTheEndOfItsSentimentWindowNotJustForItsTick() {
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(FIVE_MINUTES))) {
            ticks(f);
            watermark(f, Instant.parse("2025-10-30T13:33:30Z"));
            assertTrue(f.alertContexts.isEmpty(), "the 24h window as of 13:33 ends at 13:34: a score of 13:33:45 belongs to it");
            score(f, "a3", Instant.parse("2025-10-30T13:33:45Z"), -0.5);
            watermark(f, at("13:34"));

            PriceMoveAlert alert = f.alertContexts.readValue();
            assertEquals(List.of(), alert.getRecentArticleIds(), "ids: published up to the tick (13:33) only");
            assertEquals(0, alert.getRecentArticleCount());
            assertNotNull(alert.getRecentSentiment(), "sentiment: the window up to 13:34 has a3");
        }
    }

    @Test
    void aCreditViewOnADealUpdateHasTheSameNewsWhetherTheScoresArriveBeforeOrAfterIt() {
        CreditEquityView scoresFirst = dealView(f -> {
            score(f, "a1", at("19:00"), -0.6);
            deal(f);
            watermark(f, at("20:01"));
        });
        CreditEquityView dealFirst = dealView(f -> {
            deal(f);
            assertTrue(f.creditEquity.isEmpty(), "held until the news has caught up with 20:00");
            score(f, "a1", at("19:00"), -0.6);
            watermark(f, at("20:01"));
        });

        assertEquals(1, scoresFirst.getArticleCount());
        assertTrue(scoresFirst.getNewsSentiment() < 0);
        assertEquals(scoresFirst, dealFirst);
    }

    @Test
    void heldAlertsGoOutWhenTheNewsWatermarkHasNotMovedForTheIdleTimeout() {
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(FIVE_MINUTES))) {
            ticks(f);
            scores(f);
            assertTrue(f.alertContexts.isEmpty());

            f.inputStops();

            assertEquals(List.of("a1", "a2"), f.alertContexts.readValue().getRecentArticleIds());
            assertTrue(f.counter("newsflow.watermark.idle.skips", "stage", "news-context") >= 1);
        }
    }

    @Test
    void aQuietFunnelPartitionIsSkippedAfterTheIdleTimeoutAndCounted() {
        ArticleEvent article = TopologyFixture.article("a-1", "Meta beats estimates", "Revenue rose.", at("14:00"))
                .build();
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(Map.of("topic.partitions", "2")))) {
            TestInputTopic<String, ArticleEvent> funnel = f.driver.createInputTopic(FUNNEL, new StringSerializer(),
                    f.serdes.articleEvent().serializer());
            funnel.pipeInput(new TestRecord<>(article.getId(), article, funnelTag(1), article.getPublishedAt()));
            assertTrue(f.scores.isEmpty(), "partition 0 has sent no watermark yet");

            f.inputStops();

            assertEquals("a-1", f.scores.readValue().getArticleId());
            assertTrue(f.counter("newsflow.watermark.idle.skips", "stage", "novelty-funnel") >= 1);
        }
    }

    @Test
    void withoutAnIdleTimeoutAQuietFunnelPartitionIsWaitedForForever() {
        ArticleEvent article = TopologyFixture.article("a-1", "Meta beats estimates", "Revenue rose.", at("14:00"))
                .build();
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(Map.of("topic.partitions", "2",
                "watermark.idle.timeout", "0s")))) {
            TestInputTopic<String, ArticleEvent> funnel = f.driver.createInputTopic(FUNNEL, new StringSerializer(),
                    f.serdes.articleEvent().serializer());
            funnel.pipeInput(new TestRecord<>(article.getId(), article, funnelTag(1), article.getPublishedAt()));
            f.driver.advanceWallClockTime(java.time.Duration.ofHours(1));

            assertTrue(f.scores.isEmpty());
        }
    }

    // --- the scenario: META falls 6.7 % in three minutes, two negative articles before it ---------

    private static PriceMoveAlert alert(TopologySettings settings, Consumer<TopologyFixture> script) {
        try (TopologyFixture f = new TopologyFixture(settings)) {
            script.accept(f);
            List<PriceMoveAlert> alerts = f.alertContexts.readValuesToList();
            assertEquals(1, alerts.size(), alerts.toString());
            return alerts.get(0);
        }
    }

    private static CreditEquityView dealView(Consumer<TopologyFixture> script) {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", 751.44, Instant.parse("2025-10-29T19:00:00Z"));
            f.tick("META", 666.47, at("19:30"));
            script.accept(f);
            f.tick("META", 667.10, at("20:05")); // the closes up to the deal update are final: its view goes out
            List<CreditEquityView> views = f.creditEquity.readValuesToList();
            assertEquals(1, views.size(), views.toString());
            assertNotEquals(null, views.get(0).getEquityReturn());
            return views.get(0);
        }
    }

    private static void ticks(TopologyFixture f) {
        f.tick("META", 750.0, at("13:30"));
        f.tick("META", 700.0, at("13:33"));
    }

    private static void deal(TopologyFixture f) {
        f.bonds.pipeInput("META-1", bond("META-1", 30 * B, 125 * B, BondStatus.PRICED, at("20:00")).build());
    }

    private static void scores(TopologyFixture f) {
        score(f, "a1", at("12:00"), -0.7);
        score(f, "a2", at("12:30"), -0.4);
    }

    /** A META score as the funnel task sends it to the ticker tasks. */
    private static void score(TopologyFixture f, String id, Instant publishedAt, double sentiment) {
        ScoredArticle score = ScoredArticle.newBuilder().setArticleId(id).setTicker("META").setEntity("Meta Platforms")
                .setSource("test").setTitle(id).setLanguage("en").setPublishedAt(publishedAt).setRelevance(1.0)
                .setSentiment(sentiment).setConfidence(1.0).setNovelty(1.0).build();
        newsContext(f).pipeInput(new TestRecord<>("META", score, publishedAt));
    }

    /** The news (and the deal updates: there are none to wait for here) up to just before {@code time} are all in. */
    private static void watermark(TopologyFixture f, Instant time) {
        f.dealWatermark(time.minusMillis(1));
        newsContext(f).pipeInput(new TestRecord<>(NewsWatermarkFeed.WATERMARK_KEY, null, time.minusMillis(1)));
    }

    private static TestInputTopic<String, ScoredArticle> newsContext(TopologyFixture f) {
        return f.driver.createInputTopic(NEWS_CONTEXT, new StringSerializer(), f.serdes.scoredArticle().serializer());
    }

    private static RecordHeaders funnelTag(int partition) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ArticleFunnelFeed.PARTITION_HEADER, ByteBuffer.allocate(4).putInt(partition).array());
        return headers;
    }
}
