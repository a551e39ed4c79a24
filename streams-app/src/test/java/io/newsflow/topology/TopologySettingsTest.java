package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        TopologySettings s = TopologySettings.defaults();
        assertEquals(List.of("1h", "24h"), s.sentiment().windows().stream().map(Span::label).toList());
        assertEquals(Duration.ofMinutes(1), s.sentiment().advance().duration());
        assertEquals(Duration.ofMinutes(10), s.sentiment().grace().duration());
        assertEquals(List.of("5m", "1h", "1d"), s.reactions().horizons().stream().map(Span::label).toList());
        assertEquals("QQQ", s.reactions().benchmark());
        assertEquals(Duration.ofHours(2), s.reactions().tickWait().duration());
        assertEquals(List.of(0.03, 0.05), s.alerts().thresholds());
        assertEquals(0.0, s.alerts().zScore());
        assertEquals(0.8, s.novelty().threshold());
        assertEquals(3.0, s.credit().divergenceOversubscription());
        assertEquals(-0.05, s.credit().divergenceEquityReturn());
        assertEquals(Duration.ofDays(1), s.credit().equityWindow().duration());
        assertEquals(Duration.ofDays(3).toMillis(), s.tickRetentionMs());
        assertEquals(Duration.ofMinutes(52 * 60 + 30).toMillis(),
                TopologySettings.fromMap(Map.of("ticks.retention", "1h")).tickRetentionMs(),
                "never below 1d horizon + 2h wait + the market model's 30m gap and 1d estimation window (+2h margin)");
        AnalyticsSettings a = s.analytics();
        assertEquals(Duration.ofMinutes(5), a.modelBar().duration());
        assertEquals(Duration.ofDays(1), a.modelWindow().duration());
        assertEquals(Duration.ofMinutes(30), a.modelGap().duration());
        assertEquals(30, a.modelMinObservations());
        assertEquals("1306.T", a.benchmarks().of("7203.T"));
        assertEquals("QQQ", a.benchmarks().of("META"));
        assertEquals(Duration.ofHours(6), a.decayHalfLife().duration());
    }

    @Test
    void keysOverrideDefaultsAndDurationsKeepTheirLabels() {
        Properties p = new Properties();
        p.setProperty("sentiment.windows", "30m, PT2H");
        p.setProperty("reaction.horizons", "500ms,30s,1d");
        p.setProperty("alerts.windows", "15m");
        p.setProperty("alerts.thresholds", "0.02");
        p.setProperty("novelty.threshold", "0.9");
        p.setProperty("unrelated.key", "ignored");
        TopologySettings s = TopologySettings.fromProperties(p);
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofHours(2)),
                s.sentiment().windows().stream().map(Span::duration).toList());
        assertEquals("PT2H", s.sentiment().windows().get(1).label());
        assertEquals(List.of(500L, 30_000L, 86_400_000L), s.reactions().horizons().stream().map(Span::millis).toList());
        assertEquals(0.9, s.novelty().threshold());
    }

    @Test
    void inconsistentSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TopologySettings.fromMap(Map.of("alerts.windows", "5m,1h", "alerts.thresholds", "0.03")));
        assertThrows(IllegalArgumentException.class, () -> TopologySettings.fromMap(Map.of("sentiment.windows", "90s")));
        assertThrows(IllegalArgumentException.class, () -> TopologySettings.fromMap(Map.of("reaction.wait", "soon")));
    }
}
