package io.newsflow.serde.registry;

import io.newsflow.serde.AvroSerdeConfig;
import java.util.Locale;

/** Picks the registry client for a configured URL: mock://scope in-process, http(s):// over REST. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        String url = config.registryUrl();
        if (config.isMock()) {
            return MockSchemaRegistry.forScope(url.substring(AvroSerdeConfig.MOCK_SCHEME.length()));
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new HttpSchemaRegistryClient(config);
        }
        throw new IllegalArgumentException("Unsupported schema.registry.url '" + url
                + "': expected http(s)://host:port[,http(s)://host:port...] or mock://scope");
    }
}
