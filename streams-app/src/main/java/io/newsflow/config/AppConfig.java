package io.newsflow.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The application's configuration, merged from four layers, each overriding the one before:
 * <ol>
 *   <li>the defaults: the classpath resource {@code newsflow.properties}, generated from
 *       {@link NewsflowConfigDef} (which also supplies any default the resource lacks);</li>
 *   <li>an optional properties file: the path given to {@link #load(Path)}, the CLI's
 *       {@code --config FILE}, or else the environment variable {@code NEWSFLOW_CONFIG};</li>
 *   <li>environment variables {@code NEWSFLOW_<KEY>}, where KEY is a property key upper-cased with
 *       {@code .} and {@code -} replaced by {@code _} ({@code NEWSFLOW_METRICS_PORT} sets
 *       {@code metrics.port}). A variable matching a defined key or a key of the file sets
 *       that key; any other {@code NEWSFLOW_A_B} sets {@code a.b} (lower case, dots), which is right
 *       for every Kafka setting, e.g. {@code NEWSFLOW_KAFKA_STREAMS_NUM_STREAM_THREADS};</li>
 *   <li>explicit overrides, e.g. the CLI's {@code --set key=value}.</li>
 * </ol>
 * Values are trimmed strings. The merged values are checked against {@link NewsflowConfigDef} when
 * they are loaded (and by {@link #with}): an empty value of a defined key stands for its default, a
 * value that does not parse as its type or fails its validator, and an undefined key in a newsflow
 * namespace (a typo), fail with a message naming the key, the value and the layer it came from.
 * Keys newsflow does not define (Kafka's, the serdes') pass through unchecked; the typed getters
 * parse them on access, with the same kind of message. The environment is a parameter so tests can
 * inject one.
 */
public final class AppConfig {

    public static final String DEFAULTS_RESOURCE = "newsflow.properties";
    public static final String ENV_PREFIX = "NEWSFLOW_";
    /** Environment variable naming the configuration file when no path is given explicitly. */
    public static final String CONFIG_FILE_ENV = "NEWSFLOW_CONFIG";

    private final Map<String, String> values;
    private final Map<String, String> sources;

    /**
     * @param values       and {@code sources}: checked against the definition, defaults filled in (both are modified)
     * @param userSupplied the layers come from the user (files, environment, --set): every undefined key
     *                     must then reach a Kafka client or the serdes ({@link ClientKeyCheck}); keys added
     *                     by code ({@link #with}) are not typos
     */
    private AppConfig(Map<String, String> values, Map<String, String> sources, boolean userSupplied) {
        DefinitionCheck.apply(values, sources, userSupplied);
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.sources = Map.copyOf(sources);
    }

    /** Defaults, then {@code $NEWSFLOW_CONFIG} if set, then the process environment. */
    public static AppConfig load() {
        return load(null, System.getenv(), Map.of());
    }

    /** Defaults, then {@code file}, then the process environment. */
    public static AppConfig load(Path file) {
        return load(file, System.getenv(), Map.of());
    }

    /**
     * @param file      properties file, or null to use {@code env[NEWSFLOW_CONFIG]} if present
     * @param env       environment variables (only {@code NEWSFLOW_*} are read)
     * @param overrides highest-precedence values, e.g. from {@code --set}
     */
    public static AppConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        put(values, sources, readDefaults(), "defaults (" + DEFAULTS_RESOURCE + ")");

        Path configFile = file;
        if (configFile == null && env.get(CONFIG_FILE_ENV) != null && !env.get(CONFIG_FILE_ENV).isBlank()) {
            configFile = Path.of(env.get(CONFIG_FILE_ENV).trim());
        }
        if (configFile != null) {
            put(values, sources, readFile(configFile), "file " + configFile);
        }

        Map<String, String> knownByEnvName = new LinkedHashMap<>();
        for (String key : NewsflowConfigDef.definition().names()) {
            knownByEnvName.put(envName(key), key);
        }
        for (String key : values.keySet()) {
            knownByEnvName.put(envName(key), key);
        }
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV) && name.length() > ENV_PREFIX.length()) {
                String key = knownByEnvName.getOrDefault(name, fallbackKey(name));
                values.put(key, value.trim());
                sources.put(key, "environment " + name);
            }
        });

        put(values, sources, overrides, "override");
        return new AppConfig(values, sources, true);
    }

    /** Only the classpath defaults: for tests and tools that must not see the environment. */
    public static AppConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /** A copy with {@code overrides} applied on top (highest precedence). */
    public AppConfig with(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> s = new LinkedHashMap<>(sources);
        put(v, s, overrides, "override");
        return new AppConfig(v, s, false);
    }

    /** A copy with one override. */
    public AppConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** {@code metrics.port} -> {@code NEWSFLOW_METRICS_PORT}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String fallbackKey(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    // --- access -----------------------------------------------------------------------------

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Where the value of {@code key} came from, e.g. {@code environment NEWSFLOW_METRICS_PORT}. */
    public Optional<String> sourceOf(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    /** @throws ConfigException if the key is not set at all */
    public String getString(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("Missing configuration '" + key + "' (set it in a properties file, with "
                    + envName(key) + " or with --set " + key + "=...)");
        }
        return v;
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** Empty when the key is unset or blank; blank means "not configured" (e.g. {@code bootstrap.servers=}). */
    public Optional<String> getOptional(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public int getInt(String key) {
        return parse(key, "an integer", Integer::parseInt);
    }

    public int getInt(String key, int defaultValue) {
        return has(key) ? getInt(key) : defaultValue;
    }

    public long getLong(String key) {
        return parse(key, "a long integer", Long::parseLong);
    }

    public long getLong(String key, long defaultValue) {
        return has(key) ? getLong(key) : defaultValue;
    }

    public double getDouble(String key) {
        return parse(key, "a finite number", s -> {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        });
    }

    public double getDouble(String key, double defaultValue) {
        return has(key) ? getDouble(key) : defaultValue;
    }

    /** Accepts {@code true} or {@code false} (any case); anything else is an error, not false. */
    public boolean getBoolean(String key) {
        return parse(key, "a boolean (true or false)", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return has(key) ? getBoolean(key) : defaultValue;
    }

    /** Comma-separated, entries trimmed, empty entries dropped; an empty value is an empty list. */
    public List<String> getList(String key) {
        return Arrays.stream(getString(key).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public List<String> getList(String key, List<String> defaultValue) {
        return has(key) ? getList(key) : defaultValue;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT1H}. */
    public Duration getDuration(String key) {
        return parse(key, "a duration (use 500ms, 30s, 5m, 1h, 1d or ISO-8601 PT1H)", DurationParser::parse);
    }

    public Duration getDuration(String key, Duration defaultValue) {
        return has(key) ? getDuration(key) : defaultValue;
    }

    /**
     * Every entry whose key starts with {@code prefix}, with the prefix removed:
     * {@code withPrefix("kafka.streams.")} turns {@code kafka.streams.num.stream.threads=2} into
     * {@code num.stream.threads=2}, ready to pass to a Kafka client.
     */
    public Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** All values, sorted by key. */
    public Map<String, Object> asMap() {
        return new TreeMap<>(values);
    }

    @Override
    public String toString() {
        return "AppConfig" + values;
    }

    private <T> T parse(String key, String what, Function<String, T> parser) {
        String raw = getString(key);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigException("Configuration '" + key + "' = '" + raw + "' is not " + what
                    + " (from " + sources.getOrDefault(key, "unknown source") + ")", e);
        }
    }

    // --- loading ----------------------------------------------------------------------------

    private static void put(Map<String, String> values, Map<String, String> sources,
                            Map<String, String> layer, String source) {
        layer.forEach((k, v) -> {
            String key = k.trim();
            if (key.isEmpty()) {
                throw new ConfigException("Empty configuration key in " + source);
            }
            values.put(key, v == null ? "" : v.trim());
            sources.put(key, source);
        });
    }

    private static Map<String, String> readDefaults() {
        try (InputStream in = AppConfig.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("Classpath resource " + DEFAULTS_RESOURCE + " is missing (broken build?)");
            }
            return toMap(read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigException("Cannot read classpath " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        // UTF-8, not the ISO-8859-1 of Properties.load(InputStream): values may hold Japanese text.
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return toMap(read(reader));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Properties read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return p;
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            m.put(name, p.getProperty(name));
        }
        return m;
    }
}
