package io.newsflow.serde.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * A registry that decides registrations itself (not a client of a remote one): what
 * {@link EmbeddedSchemaRegistryServer} serves. {@link InMemorySchemaRegistry} keeps its state in
 * memory only; {@link KafkaSchemaRegistry} keeps it in a compacted Kafka topic.
 */
public interface RegistryBackend extends SchemaRegistryClient {

    /**
     * Why the schema could not be registered under the subject at its compatibility level; empty
     * when it could (always for a new subject).
     */
    List<String> violations(String subject, Schema schema);

    /** The level in force for the subject: its own, else the global one. */
    CompatibilityLevel compatibility(String subject);

    /** The global level, used by subjects without their own. */
    CompatibilityLevel globalCompatibility();

    void setGlobalCompatibility(CompatibilityLevel level);
}
