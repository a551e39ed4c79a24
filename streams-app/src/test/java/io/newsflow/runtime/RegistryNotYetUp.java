package io.newsflow.runtime;

import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.InMemorySchemaRegistry;

/**
 * A schema registry that does not answer yet: a port where nothing listens (taken from a server started and
 * stopped at once), so the app can be pointed at it and the registry started there later.
 */
final class RegistryNotYetUp {

    final InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
    final int port;
    final String url;

    RegistryNotYetUp() {
        EmbeddedSchemaRegistryServer probe = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, schemas);
        port = probe.port();
        url = probe.url();
        probe.close();
    }

    /** Starts the registry on its port: from now on it answers. */
    EmbeddedSchemaRegistryServer start() {
        return EmbeddedSchemaRegistryServer.start("127.0.0.1", port, schemas);
    }
}
