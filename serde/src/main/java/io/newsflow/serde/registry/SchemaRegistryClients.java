package io.newsflow.serde.registry;

import io.newsflow.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the registry client for a configured URL: mock://scope in-process (memory only, for tests),
 * kafka://host:port[/topic] kept in a Kafka topic, http(s):// over REST.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        Optional<RegistryBackend> backend = backend(config);
        if (backend.isPresent()) {
            return backend.get();
        }
        String url = config.registryUrl();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new HttpSchemaRegistryClient(config);
        }
        throw new IllegalArgumentException("Unsupported schema.registry.url '" + url
                + "': expected http(s)://host:port[,http(s)://host:port...], kafka://host:port[,host:port...][/topic]"
                + " or mock://scope");
    }

    /**
     * The registry itself when this process holds it (mock://scope, kafka://...; close it when done),
     * empty for a remote one reached over HTTP.
     */
    public static Optional<RegistryBackend> backend(AvroSerdeConfig config) {
        String url = config.registryUrl();
        if (config.isMock()) {
            return Optional.of(MockSchemaRegistry.forScope(url.substring(AvroSerdeConfig.MOCK_SCHEME.length())));
        }
        if (config.isKafkaStore()) {
            return Optional.of(KafkaSchemaRegistry.shared(url, Duration.ofMillis(config.requestTimeoutMs()),
                    config.kafkaClientConfigs()));
        }
        return Optional.empty();
    }
}
