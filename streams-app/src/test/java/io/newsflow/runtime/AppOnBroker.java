package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An in-process broker with the app running on it (the default profile, exactly-once) against a {@code mock://}
 * registry scope of its own, and the Avro serializer of that scope to write inputs with; closing stops both and
 * drops the scope.
 */
record AppOnBroker(EmbeddedKafkaBroker broker, String scope, RunningApp running, Serializer<Object> avro)
        implements AutoCloseable {

    /** Starts the broker and the app as {@code application.id} {@code newsflow-<name>}. */
    static AppOnBroker start(String name) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        String scope = name + "-" + UUID.randomUUID();
        try {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), "mock://" + scope, "newsflow-" + name,
                    Map.of());
            return new AppOnBroker(broker, scope, new RunningApp(config), AvroSerdes.valueSerializer(config));
        } catch (Exception | Error e) {
            broker.close();
            MockSchemaRegistry.dropScope(scope);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            running.close();
        } finally {
            broker.close();
            MockSchemaRegistry.dropScope(scope);
        }
    }
}
