package io.newsflow.serde.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-process registries shared per scope, as Confluent's {@code mock://scope} URLs give: every
 * serde configured with the same scope in one JVM sees the same schemas and ids.
 */
public final class MockSchemaRegistry {

    private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    public static InMemorySchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
