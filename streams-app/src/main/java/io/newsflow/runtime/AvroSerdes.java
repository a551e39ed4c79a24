package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.ClientKeyCheck;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.config.ConfigException;
import io.newsflow.serde.registry.KafkaSchemaRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds the Avro value serdes from configuration. The classes are named in configuration and
 * loaded by name, so switching from newsflow's own serde to Confluent's
 * ({@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde},
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer}) is a configuration change plus a jar
 * on the classpath; both honour the same keys. Only the registry-related keys are passed on, the
 * way Confluent's serdes expect them.
 */
public final class AvroSerdes {

    public static final String VALUE_SERDE_CLASS = "value.serde.class";
    public static final String VALUE_SERIALIZER_CLASS = "value.serializer.class";
    public static final String VALUE_DESERIALIZER_CLASS = "value.deserializer.class";

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private AvroSerdes() {
    }

    /**
     * The registry settings of {@code config}: {@code schema.registry.*}, {@code basic.auth.*},
     * {@code bearer.auth.*} and the serde flags ({@link ClientKeyCheck#REGISTRY_KEYS}), with the registry
     * URL as {@link #registryUrl} gives it, and the Kafka connection's security keys
     * ({@link KafkaClientConfig#sharedKeys()}) for the clients of a {@code kafka://} registry.
     */
    public static Map<String, Object> registryConfig(AppConfig config) {
        Map<String, Object> out = new TreeMap<>();
        config.asMap().forEach((key, value) -> {
            if (ClientKeyCheck.REGISTRY_KEYS.contains(key) || KafkaClientConfig.isShared(key)
                    || ClientKeyCheck.REGISTRY_PREFIXES.stream().anyMatch(key::startsWith)) {
                out.put(key, value);
            }
        });
        out.put(SCHEMA_REGISTRY_URL, registryUrl(config));
        return out;
    }

    /**
     * {@code schema.registry.url}, where a {@code kafka://} URL that names no cluster
     * ({@code kafka:///_newsflow_schemas}, the default) means the registry topic on {@code bootstrap.servers}.
     */
    public static String registryUrl(AppConfig config) {
        String url = config.getOptional(SCHEMA_REGISTRY_URL).orElseThrow(() -> new ConfigException(
                "Configuration '" + SCHEMA_REGISTRY_URL + "' is empty; use kafka:///_newsflow_schemas, mock://<scope> or"
                        + " http://host:port"));
        boolean namesNoCluster = url.equals(KafkaSchemaRegistry.SCHEME) || url.startsWith(KafkaSchemaRegistry.SCHEME + "/");
        if (!namesNoCluster) {
            return url;
        }
        String bootstrap = config.getOptional(KafkaEnvironment.BOOTSTRAP_SERVERS).orElseThrow(() -> new ConfigException(
                "Configuration '" + SCHEMA_REGISTRY_URL + "' = '" + url + "' keeps schemas on the Kafka cluster of '"
                        + KafkaEnvironment.BOOTSTRAP_SERVERS + "', which is empty"));
        return KafkaSchemaRegistry.SCHEME + bootstrap + url.substring(KafkaSchemaRegistry.SCHEME.length());
    }

    /** A configured value serde for generated (specific) Avro records, from {@code value.serde.class}. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> valueSerde(AppConfig config) {
        Serde<T> serde = instantiate(config, VALUE_SERDE_CLASS, Serde.class);
        serde.configure(registryConfig(config), false);
        return serde;
    }

    /** A configured value serializer for producers, from {@code value.serializer.class}. */
    @SuppressWarnings("unchecked")
    public static Serializer<Object> valueSerializer(AppConfig config) {
        Serializer<Object> serializer = instantiate(config, VALUE_SERIALIZER_CLASS, Serializer.class);
        serializer.configure(registryConfig(config), false);
        return serializer;
    }

    /**
     * A configured value deserializer for consumers and tools, from {@code value.deserializer.class};
     * it returns generated classes ({@code specific.avro.reader=true}) unless configured otherwise.
     */
    @SuppressWarnings("unchecked")
    public static Deserializer<Object> valueDeserializer(AppConfig config) {
        Deserializer<Object> deserializer = instantiate(config, VALUE_DESERIALIZER_CLASS, Deserializer.class);
        Map<String, Object> registry = registryConfig(config);
        registry.putIfAbsent(SPECIFIC_AVRO_READER, "true");
        deserializer.configure(registry, false);
        return deserializer;
    }

    private static <R> R instantiate(AppConfig config, String key, Class<R> expected) {
        String className = config.getString(key);
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : AvroSerdes.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("Configuration '" + key + "' = '" + className
                    + "': class not found on the classpath", e);
        }
        if (!expected.isAssignableFrom(type)) {
            throw new ConfigException("Configuration '" + key + "' = '" + className + "' is not a "
                    + expected.getName());
        }
        try {
            return expected.cast(type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("Configuration '" + key + "' = '" + className
                    + "': cannot create an instance with the public no-arg constructor (" + e + ")", e);
        }
    }
}
