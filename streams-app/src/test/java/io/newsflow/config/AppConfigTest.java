package io.newsflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("newsflow-test.properties");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void defaultsComeFromTheClasspathFile() {
        AppConfig config = AppConfig.defaults();

        assertEquals(Optional.empty(), config.getOptional("bootstrap.servers"));
        assertEquals("kafka:///_newsflow_schemas", config.getString("schema.registry.url"));
        assertEquals(8081, config.getInt("registry.server.port"));
        assertEquals(9404, config.getInt("metrics.port"));
        assertEquals(9092, config.getInt("broker.port"));
        assertEquals("newsflow", config.getString("application.id"));
        assertEquals("exactly_once_v2", config.getString("processing.guarantee"));
        assertEquals(3, config.getInt("topic.partitions"));
        assertEquals(1000L, config.getLong("commit.interval.ms"));
        assertEquals(List.of("META", "NVDA", "GOOGL", "MSFT", "AMZN", "QQQ"), config.getList("metrics.tracked.symbols"));
        assertEquals(50, config.getInt("metrics.max.deals"));
        assertEquals("io.newsflow.serde.SpecificAvroSerde", config.getString("value.serde.class"));
        assertEquals("io.newsflow.serde.KafkaAvroSerializer", config.getString("value.serializer.class"));
        assertEquals(Optional.of("defaults (newsflow.properties)"), config.sourceOf("metrics.port"));
    }

    @Test
    void fileOverridesDefaultsEnvOverridesFileAndExplicitOverridesWin() throws IOException {
        Path f = file("""
                metrics.port=1111
                application.id=from-file
                topic.partitions=6
                commit.interval.ms=200
                """);
        Map<String, String> env = Map.of(
                "NEWSFLOW_METRICS_PORT", "2222",
                "NEWSFLOW_APPLICATION_ID", "from-env",
                "PATH", "/usr/bin");
        Map<String, String> overrides = Map.of("metrics.port", "3333");

        AppConfig config = AppConfig.load(f, env, overrides);

        assertEquals(3333, config.getInt("metrics.port"));
        assertEquals("from-env", config.getString("application.id"));
        assertEquals(6, config.getInt("topic.partitions"));
        assertEquals(200, config.getInt("commit.interval.ms"));
        assertEquals("kafka:///_newsflow_schemas", config.getString("schema.registry.url"));
        assertEquals(Optional.of("override"), config.sourceOf("metrics.port"));
        assertEquals(Optional.of("environment NEWSFLOW_APPLICATION_ID"), config.sourceOf("application.id"));
        assertEquals(Optional.of("file " + f), config.sourceOf("topic.partitions"));
        assertFalse(config.has("path"), "variables without the NEWSFLOW_ prefix are ignored");
    }

    @Test
    void environmentNamesMapDotsAndDashesToUnderscores() throws IOException {
        Path f = file("schema.registry.my-custom.key=file\n");
        Map<String, String> env = Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:9092",
                "NEWSFLOW_SCHEMA_REGISTRY_MY_CUSTOM_KEY", "env",
                "NEWSFLOW_KAFKA_STREAMS_NUM_STREAM_THREADS", "4");

        AppConfig config = AppConfig.load(f, env, Map.of());

        assertEquals("kafka:9092", config.getString("bootstrap.servers"));
        assertEquals("env", config.getString("schema.registry.my-custom.key"),
                "keys known from the file map exactly, dash included");
        assertFalse(config.has("schema.registry.my.custom.key"));
        assertEquals(Map.of("num.stream.threads", "4"), config.withPrefix("kafka.streams."),
                "unknown variables map to the lower-case dotted key");
        assertEquals("NEWSFLOW_METRICS_MAX_DEALS", AppConfig.envName("metrics.max.deals"));
        assertEquals("NEWSFLOW_SCHEMA_REGISTRY_MY_CUSTOM_KEY", AppConfig.envName("schema.registry.my-custom.key"));
    }

    @Test
    void configFileCanBeNamedByTheEnvironment() throws IOException {
        Path f = file("application.id=named-by-env\n");

        AppConfig config = AppConfig.load(null, Map.of("NEWSFLOW_CONFIG", f.toString()), Map.of());

        assertEquals("named-by-env", config.getString("application.id"));
        assertFalse(config.has("config"), "NEWSFLOW_CONFIG names the file, it is not a key");
    }

    @Test
    void explicitFileTakesPrecedenceOverTheEnvironmentsFile() throws IOException {
        Path explicit = file("application.id=explicit\n");
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "application.id=other\n");

        AppConfig config = AppConfig.load(explicit, Map.of("NEWSFLOW_CONFIG", other.toString()), Map.of());

        assertEquals("explicit", config.getString("application.id"));
    }

    @Test
    void missingConfigFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope.properties");

        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(missing, Map.of(), Map.of()));

        assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
    }

    @Test
    void fileIsReadAsUtf8() throws IOException {
        Path f = file("reaction.benchmark=メタ社債\n");

        assertEquals("メタ社債", AppConfig.load(f, Map.of(), Map.of()).getString("reaction.benchmark"));
    }

    @Test
    void typedGettersParseTrimmedValues() {
        AppConfig config = AppConfig.defaults().with(Map.of(
                "i", " 42 ",
                "l", "9000000000",
                "d", "0.25",
                "b", "TRUE",
                "list", " a, b ,,c ",
                "empty", ""));

        assertEquals(42, config.getInt("i"));
        assertEquals(9_000_000_000L, config.getLong("l"));
        assertEquals(0.25, config.getDouble("d"));
        assertTrue(config.getBoolean("b"));
        assertEquals(List.of("a", "b", "c"), config.getList("list"));
        assertEquals(List.of(), config.getList("empty"));
        assertEquals(Optional.empty(), config.getOptional("empty"));
        assertEquals(7, config.getInt("absent", 7));
        assertEquals(Duration.ofSeconds(3), config.getDuration("absent", Duration.ofSeconds(3)));
    }

    @Test
    void durationsAcceptUnitsAndIso8601() {
        AppConfig config = AppConfig.defaults().with(Map.of(
                "ms", "500ms", "s", "30s", "m", "5m", "h", "1h", "hh", "24h", "day", "1d", "iso", "PT1H", "isoLower", "pt90m"));

        assertEquals(Duration.ofMillis(500), config.getDuration("ms"));
        assertEquals(Duration.ofSeconds(30), config.getDuration("s"));
        assertEquals(Duration.ofMinutes(5), config.getDuration("m"));
        assertEquals(Duration.ofHours(1), config.getDuration("h"));
        assertEquals(Duration.ofHours(24), config.getDuration("hh"));
        assertEquals(Duration.ofDays(1), config.getDuration("day"));
        assertEquals(Duration.ofHours(1), config.getDuration("iso"));
        assertEquals(Duration.ofMinutes(90), config.getDuration("isoLower"));
    }

    @Test
    void badValuesFailWithTheKeyTheValueAndItsSource() {
        AppConfig config = AppConfig.defaults().with(Map.of(
                "b", "yes", "d", "NaN", "dur", "30", "dur2", "-5s", "l", "1.5"));

        // A defined key is checked when the configuration is loaded, an undefined one when it is read.
        ConfigException port = assertThrows(ConfigException.class,
                () -> AppConfig.load(null, Map.of("NEWSFLOW_METRICS_PORT", "nine"), Map.of()));
        assertEquals("Configuration 'metrics.port' = 'nine' is not an integer (from environment NEWSFLOW_METRICS_PORT)",
                port.getMessage());

        ConfigException bool = assertThrows(ConfigException.class, () -> config.getBoolean("b"));
        assertTrue(bool.getMessage().startsWith("Configuration 'b' = 'yes' is not a boolean"), bool.getMessage());

        assertThrows(ConfigException.class, () -> config.getDouble("d"));
        assertThrows(ConfigException.class, () -> config.getLong("l"));

        ConfigException bare = assertThrows(ConfigException.class, () -> config.getDuration("dur"));
        assertTrue(bare.getMessage().contains("'dur' = '30' is not a duration (use 500ms"), bare.getMessage());
        assertThrows(ConfigException.class, () -> config.getDuration("dur2"));
    }

    @Test
    void missingKeyNamesTheKeyAndHowToSetIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.defaults().getString("no.such.key"));

        assertTrue(e.getMessage().contains("'no.such.key'"), e.getMessage());
        assertTrue(e.getMessage().contains("NEWSFLOW_NO_SUCH_KEY"), e.getMessage());
    }

    @Test
    void withPrefixStripsThePrefixAndAsMapHoldsEverything() {
        AppConfig config = AppConfig.defaults().with(Map.of(
                "producer.linger.ms", "5",
                "producer.acks", "all"));

        assertEquals(Map.of("linger.ms", "5", "acks", "all"), config.withPrefix("producer."));
        assertEquals("5", config.asMap().get("producer.linger.ms"));
        assertEquals("kafka:///_newsflow_schemas", config.asMap().get("schema.registry.url"));
    }
}
