package io.newsflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.topology.Span;
import io.newsflow.topology.TopologySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowConfigDefTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyIsDocumentedGroupedAndHasADefault() {
        for (ConfigKey key : NewsflowConfigDef.definition().configKeys().values()) {
            assertFalse(key.documentation == null || key.documentation.isBlank(), key.name + " has no documentation");
            assertFalse(key.group == null || key.group.isBlank(), key.name + " has no group");
            assertTrue(key.hasDefault(), key.name + " has no default");
        }
    }

    @Test
    void everyDefinedKeyHasItsDefaultWithoutAnyLayer() {
        AppConfig config = AppConfig.defaults();

        for (String key : NewsflowConfigDef.definition().names()) {
            assertTrue(config.has(key), key);
        }
        assertEquals(Duration.ofMinutes(2), config.getDuration("health.stall.after"));
        assertEquals(8088, config.getInt("api.port"));
        assertEquals(Optional.empty(), config.getOptional("input.max.past.age"), "empty default = not set");
    }

    @Test
    void badValuesAreRefusedAtLoadNamingKeyValueAndLayer() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "alerts.windows=5m,soon\n");

        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(file,
                Map.of("NEWSFLOW_SENTIMENT_NEUTRAL_BAND", "NaN"),
                Map.of("processing.guarantee", "exactly_once", "topic.partitions", "0")));

        assertEquals(List.of(
                "Configuration 'topic.partitions' = '0' is invalid: Value must be at least 1 (from override)",
                "Configuration 'processing.guarantee' = 'exactly_once' is invalid: String must be one of:"
                        + " at_least_once, exactly_once_v2 (from override)",
                "Configuration 'sentiment.neutral.band' = 'NaN' is not a finite number"
                        + " (from environment NEWSFLOW_SENTIMENT_NEUTRAL_BAND)",
                "Configuration 'alerts.windows' = '5m,soon' is not a non-empty list of durations"
                        + " (use 500ms, 30s, 5m, 1h, 1d or ISO-8601 PT1H) (from file " + file + ")"),
                e.getMessage().lines().toList(), "every problem, in the definition's order");
    }

    @Test
    void overridesAreCheckedToo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.defaults().with("reaction.wait", "30"));

        assertEquals("Configuration 'reaction.wait' = '30' is not a duration (use 500ms, 30s, 5m, 1h, 1d or ISO-8601"
                + " PT1H) (from override)", e.getMessage());
    }

    @Test
    void anUndefinedKeyInANewsflowNamespaceIsATypo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.load(null, Map.of("NEWSFLOW_ALERTS_THRESHOLD", "0.1"), Map.of()));

        assertTrue(e.getMessage().startsWith(
                "Unknown configuration 'alerts.threshold' (from environment NEWSFLOW_ALERTS_THRESHOLD);"
                        + " the keys it may be meant for: alerts.context, alerts.reset.fraction, alerts.thresholds,"), e.getMessage());
    }

    @Test
    void kafkaKeysPassThroughWithTheirValuesUnchecked() {
        AppConfig config = AppConfig.load(null, Map.of("NEWSFLOW_KAFKA_STREAMS_NUM_STREAM_THREADS", "two"), Map.of(
                "producer.linger.ms", "soon", "schema.registry.basic.auth.user.info", "u:p", "sasl.mechanism", "x"));

        assertEquals("two", config.withPrefix("kafka.streams.").get("num.stream.threads"),
                "Kafka checks its own settings when the client starts");
        assertEquals("x", config.getString("sasl.mechanism"));
    }

    @Test
    void anEmptyValueStandsForTheDefault() {
        AppConfig config = AppConfig.load(null, Map.of("NEWSFLOW_API_PORT", ""), Map.of("sentiment.windows", " "));

        assertEquals(8088, config.getInt("api.port"));
        assertEquals(Optional.of("environment NEWSFLOW_API_PORT, empty: the default"), config.sourceOf("api.port"));
        assertEquals(List.of("1h", "24h"), config.getList("sentiment.windows"));
        assertEquals("", config.getString("bootstrap.servers"), "a key whose default is empty stays empty");
    }

    @Test
    void fileEnvironmentAndSetReachTheTopologyThroughTheDefinition() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"), """
                sentiment.windows=30m,PT2H
                alerts.windows=15m
                alerts.thresholds=0.01
                reaction.wait=1h
                """);

        AppConfig config = AppConfig.load(file, Map.of("NEWSFLOW_ALERTS_THRESHOLDS", "0.02", "NEWSFLOW_REACTION_WAIT", "3h"),
                Map.of("reaction.wait", "4h"));
        TopologySettings settings = TopologySettings.fromMap(stringMap(config));

        assertEquals(List.of("30m", "PT2H"), settings.sentiment().windows().stream().map(Span::label).toList());
        assertEquals(List.of(0.02), settings.alerts().thresholds(), "the environment overrides the file");
        assertEquals(Duration.ofHours(4), settings.reactions().tickWait().duration(), "--set overrides the environment");
        assertEquals(3, settings.watermarks().topicPartitions(), "the app's configuration always carries topic.partitions");
        assertEquals(Duration.ofMinutes(10), settings.sentiment().grace().duration(), "the rest at the definition's defaults");
    }

    private static Map<String, String> stringMap(AppConfig config) {
        Map<String, String> map = new java.util.HashMap<>();
        config.asMap().forEach((k, v) -> map.put(k, String.valueOf(v)));
        return map;
    }
}
