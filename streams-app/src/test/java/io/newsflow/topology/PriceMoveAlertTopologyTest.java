package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.at;
import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.bond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondStatus;
import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.PriceMoveAlert;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Sharp-move alerts: one per move, not per tick, written with the tick that raised it; the news and
 * credit context follows as a record of its own keyed by the alert id.
 */
class PriceMoveAlertTopologyTest {

    @Test
    void aFallBeyondTheFiveMinuteThresholdAlertsOnceWhileTheMoveLasts() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("META", 750.0, at("13:30"));
            f.tick("META", 740.0, at("13:32")); // -1.3%: nothing
            f.tick("META", 720.0, at("13:34")); // -4.0% within 5m: alert
            f.tick("META", 715.0, at("13:35")); // still the same move
            f.tick("META", 716.0, at("13:36"));

            List<PriceMoveAlert> alerts = f.alerts.readValuesToList();
            assertEquals(1, alerts.size());
            PriceMoveAlert alert = alerts.get(0);
            assertEquals("META|5m|" + at("13:30").toEpochMilli(), alert.getAlertId());
            assertEquals(MoveDirection.DOWN, alert.getDirection());
            assertEquals("5m", alert.getWindowLabel());
            assertEquals(750.0, alert.getStartPrice());
            assertEquals(720.0, alert.getEndPrice());
            assertEquals(-0.04, alert.getPriceReturn(), 1e-9);
            assertEquals(0.03, alert.getThreshold());
            assertEquals(at("13:34"), alert.getTriggeredAt());
            assertEquals(1.0, f.counter("newsflow.alerts", "symbol", "META", "window", "5m", "direction", "DOWN"));
        }
    }

    @Test
    void aNewMoveAlertsAgainOnlyAfterTheReturnCameBackInsideHalfTheThreshold() {
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(Map.of(
                "alerts.windows", "5m", "alerts.thresholds", "0.03")))) {
            f.tick("META", 100.0, at("13:30"));
            f.tick("META", 96.0, at("13:31"));  // -4%: alert 1
            f.tick("META", 96.5, at("13:33"));  // -3.5%: same move
            f.tick("META", 97.0, at("13:34"));  // -3%: same move
            f.tick("META", 97.0, at("13:37"));  // vs 96.5 @13:33 (at/before 13:32 is 96): ~+1%: move over
            f.tick("META", 93.0, at("13:38"));  // vs 96.5 @13:33: -3.6%: alert 2
            f.inputStops();

            List<PriceMoveAlert> alerts = f.alerts.readValuesToList();
            assertEquals(2, alerts.size());
            assertTrue(!alerts.get(0).getAlertId().equals(alerts.get(1).getAlertId()));
            assertEquals(at("13:30"), alerts.get(0).getStartTime());
        }
    }

    @Test
    void outOfOrderTicksAreEvaluatedAgainstTheLatestPrice() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.tick("NVDA", 200.0, at("13:30"));
            f.tick("NVDA", 208.0, at("13:34")); // +4% over 5m
            f.tick("NVDA", 199.0, at("13:31")); // late tick: latest is still 208 vs 200
            f.inputStops();
            List<PriceMoveAlert> alerts = f.alerts.readValuesToList();
            assertEquals(1, alerts.size());
            assertEquals(MoveDirection.UP, alerts.get(0).getDirection());
            assertEquals(208.0, f.gauge("newsflow.price.last", "symbol", "NVDA"));
        }
    }

    @Test
    void theAlertGoesOutWithItsTickAndItsContextFollowsKeyedByTheAlertId() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.publish(article("a1", "Meta plunges on capex worries", "Investors worry.", at("12:00")).build());
            f.publish(article("a2", "Meta sells bonds", "A big deal.", at("12:30")).build());
            f.bonds.pipeInput("META-1", bond("META-1", 30_000_000_000L, 60_000_000_000L, BondStatus.BOOKBUILDING,
                    at("12:45")).build());
            f.bonds.pipeInput("OLD", bond("OLD", 10_000_000_000L, 0, BondStatus.CANCELLED, at("12:46")).build());
            f.tick("META", 750.0, at("13:30"));
            f.tick("META", 700.0, at("13:33"));

            // at once, before any watermark has passed it: the price facts, no context
            List<TestRecord<String, PriceMoveAlert>> fast = f.alerts.readRecordsToList();
            assertEquals(2, fast.size(), "5m and 1h: " + fast);
            PriceMoveAlert alert = fast.get(0).value();
            assertEquals("META", fast.get(0).key());
            assertEquals(List.of(), alert.getRecentArticleIds());
            assertEquals(null, alert.getRecentSentiment());
            assertEquals(List.of(), alert.getOpenBondDeals());
            assertTrue(f.alertContexts.isEmpty(), "the context waits for the news watermark");

            f.inputStops();

            Map<String, PriceMoveAlert> contexts = f.alertContexts.readKeyValuesToMap();
            PriceMoveAlert withContext = contexts.get(alert.getAlertId().toString());
            assertEquals(List.of("a1", "a2"), withContext.getRecentArticleIds());
            assertEquals(2, withContext.getRecentArticleCount());
            assertTrue(withContext.getRecentSentiment() < 0);
            assertEquals(List.of("META-1"), withContext.getOpenBondDeals());
            assertEquals(alert, PriceMoveAlert.newBuilder(withContext).setRecentSentiment(null).setRecentArticleCount(0)
                    .setRecentArticleIds(List.of()).setOpenBondDeals(List.of()).build(), "the same alert, completed");
        }
    }

    @Test
    void withAZScoreRequirementAMoveThatIsUsualForTheStockDoesNotAlert() {
        TopologySettings settings = TopologySettings.fromMap(Map.of(
                "alerts.windows", "5m", "alerts.thresholds", "0.03", "alerts.zscore", "4"));
        try (TopologyFixture f = new TopologyFixture(settings)) {
            // a wild stock: +-4% every 5 minutes. Until 5 earlier windows exist there is no z-score
            // and the plain threshold applies, so the first swings alert.
            for (int i = 0; i <= 6; i++) {
                f.tick("NVDA", i % 2 == 0 ? 100.0 : 104.0, at("12:00").plusSeconds(300L * i));
            }
            f.inputStops();
            assertTrue(f.alerts.readValuesToList().size() >= 1);
            for (int i = 7; i <= 14; i++) {
                f.tick("NVDA", i % 2 == 0 ? 100.0 : 104.0, at("12:00").plusSeconds(300L * i));
            }
            assertTrue(f.alerts.isEmpty(), "swings of +-4% are usual for this stock: |z| is about 1");

            f.tick("NVDA", 80.0, at("13:15")); // -23% in 5 minutes: |z| far above 4
            f.inputStops();
            PriceMoveAlert crash = f.alerts.readValue();
            assertTrue(crash.getZScore() <= -4, "z = " + crash.getZScore());
        }
    }
}
