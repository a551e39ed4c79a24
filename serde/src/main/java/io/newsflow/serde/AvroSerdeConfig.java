package io.newsflow.serde;

import java.util.Map;

/**
 * Configuration of the Avro serde. The keys are Confluent's own, so a properties file written for
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer} configures this serde unchanged, and
 * the other way round.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Not a Confluent key (theirs are client-internal); milliseconds for connect and read of registry calls. */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public static final String MOCK_SCHEME = "mock://";

    private final String registryUrl;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean specificAvroReader;
    private final String basicAuthCredentialsSource;
    private final String basicAuthUserInfo;
    private final int requestTimeoutMs;

    public AvroSerdeConfig(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration '" + SCHEMA_REGISTRY_URL
                    + "' (e.g. http://localhost:8081 or mock://scope)");
        }
        this.registryUrl = url.toString().trim();
        this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        this.specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, false);
        this.basicAuthCredentialsSource = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        this.basicAuthUserInfo = string(configs, BASIC_AUTH_USER_INFO, "");
        this.requestTimeoutMs = Integer.parseInt(string(configs, REGISTRY_TIMEOUT_MS, "10000"));
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.toString().trim());
    }

    private static String string(Map<String, ?> configs, String key, String dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    public String registryUrl() { return registryUrl; }
    public boolean autoRegisterSchemas() { return autoRegisterSchemas; }
    public boolean useLatestVersion() { return useLatestVersion; }
    public boolean specificAvroReader() { return specificAvroReader; }
    public String basicAuthCredentialsSource() { return basicAuthCredentialsSource; }
    public String basicAuthUserInfo() { return basicAuthUserInfo; }
    public int requestTimeoutMs() { return requestTimeoutMs; }
    public boolean isMock() { return registryUrl.startsWith(MOCK_SCHEME); }
}
