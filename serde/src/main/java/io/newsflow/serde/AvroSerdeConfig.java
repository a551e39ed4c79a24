package io.newsflow.serde;

import java.util.Map;

/**
 * Configuration of the Avro serde. The keys are Confluent's own, so a properties file written for
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer} configures this serde unchanged, and
 * the other way round. Unknown keys are ignored, as Kafka passes all client configs to serdes.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's newer spelling of {@link #BASIC_AUTH_USER_INFO}; wins when both are set. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** Not a Confluent key (theirs are client-internal); milliseconds for connect and read of registry calls. */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** Kafka's key: with sasl.* and ssl.*, the connection settings of a kafka:// registry's clients. */
    public static final String SECURITY_PROTOCOL = "security.protocol";

    public static final String MOCK_SCHEME = "mock://";
    /** A registry kept in a Kafka topic: {@code kafka://host:port[,host:port...][/topic]} (newsflow only). */
    public static final String KAFKA_SCHEME = io.newsflow.serde.registry.KafkaSchemaRegistry.SCHEME;

    private final String registryUrl;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean latestCompatibilityStrict;
    private final boolean specificAvroReader;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final SubjectNameStrategy valueSubjectNameStrategy;
    private final String basicAuthCredentialsSource;
    private final String basicAuthUserInfo;
    private final int requestTimeoutMs;
    private final Map<String, Object> kafkaClientConfigs;
    private final io.newsflow.serde.registry.RegistryConnection registryConnection;

    public AvroSerdeConfig(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration '" + SCHEMA_REGISTRY_URL
                    + "' (e.g. http://localhost:8081, kafka://localhost:9092 or mock://scope)");
        }
        this.registryUrl = url.toString().trim();
        this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        this.latestCompatibilityStrict = bool(configs, LATEST_COMPATIBILITY_STRICT, true);
        this.specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, false);
        this.keySubjectNameStrategy = SubjectNameStrategy.parse(configs.get(KEY_SUBJECT_NAME_STRATEGY));
        this.valueSubjectNameStrategy = SubjectNameStrategy.parse(configs.get(VALUE_SUBJECT_NAME_STRATEGY));
        this.basicAuthCredentialsSource = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        this.basicAuthUserInfo = string(configs, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                string(configs, BASIC_AUTH_USER_INFO, ""));
        this.requestTimeoutMs = positiveInt(configs, REGISTRY_TIMEOUT_MS, 10_000);
        Map<String, Object> kafka = new java.util.TreeMap<>();
        configs.forEach((key, value) -> {
            if (value != null && (key.equals(SECURITY_PROTOCOL) || key.startsWith("sasl.") || key.startsWith("ssl."))) {
                kafka.put(key, value);
            }
        });
        this.kafkaClientConfigs = java.util.Collections.unmodifiableMap(kafka);
        this.registryConnection = registryUrl.regionMatches(true, 0, "http", 0, 4)
                ? io.newsflow.serde.registry.RegistryConnection.from(configs)
                : io.newsflow.serde.registry.RegistryConnection.DEFAULT;
    }

    /** The configs with a serde's fixed settings applied on top (they win over what the caller passed). */
    static Map<String, Object> withOverrides(Map<String, ?> configs, Map<String, ?> overrides) {
        Map<String, Object> merged = new java.util.HashMap<>(configs);
        merged.putAll(overrides);
        return merged;
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
        Object v = configs.get(key);
        if (v == null) {
            return dflt;
        }
        String text = v.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Configuration '" + key + "' must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static String string(Map<String, ?> configs, String key, String dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    private static int positiveInt(Map<String, ?> configs, String key, int dflt) {
        String text = string(configs, key, Integer.toString(dflt));
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Configuration '" + key + "' must be a positive integer, not '" + text + "'");
    }

    public String registryUrl() { return registryUrl; }
    public boolean autoRegisterSchemas() { return autoRegisterSchemas; }
    public boolean useLatestVersion() { return useLatestVersion; }
    public boolean latestCompatibilityStrict() { return latestCompatibilityStrict; }
    public boolean specificAvroReader() { return specificAvroReader; }
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }
    public String basicAuthCredentialsSource() { return basicAuthCredentialsSource; }
    public String basicAuthUserInfo() { return basicAuthUserInfo; }
    public int requestTimeoutMs() { return requestTimeoutMs; }
    /**
     * The Kafka connection settings among the configs ({@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}, Kafka's names): the clients of a {@code kafka://} registry use them. The HTTP
     * client's TLS is configured by {@code schema.registry.ssl.*} instead, as Confluent's is.
     */
    public Map<String, Object> kafkaClientConfigs() { return kafkaClientConfigs; }
    /** TLS ({@code schema.registry.ssl.*}) and bearer token ({@code bearer.auth.*}) of an http(s) registry. */
    public io.newsflow.serde.registry.RegistryConnection registryConnection() { return registryConnection; }
    public boolean isMock() { return registryUrl.startsWith(MOCK_SCHEME); }
    public boolean isKafkaStore() { return registryUrl.startsWith(KAFKA_SCHEME); }
}
