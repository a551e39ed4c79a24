package io.newsflow.serde.registry;

import io.newsflow.serde.AvroSerdeConfig;

/** Picks the registry client for a configured URL. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        String url = config.registryUrl();
        if (config.isMock()) {
            return MockSchemaRegistry.forScope(url.substring(AvroSerdeConfig.MOCK_SCHEME.length()));
        }
        throw new IllegalArgumentException("Unsupported schema.registry.url '" + url + "': HTTP client not yet available");
    }
}
