package io.newsflow.serde.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API the serde and tools need. Implementations: an
 * in-process registry ({@code mock://scope}), a registry kept in a Kafka topic ({@code kafka://})
 * and an HTTP client of the REST API.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; {@link SchemaRegistryException} 40403 when unknown. */
    Schema getSchemaById(int id);

    /** Looks up an already registered schema under the subject without registering it. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** Latest version under the subject; 40401 when the subject is unknown. */
    RegisteredSchema latest(String subject);

    /** One version under the subject. */
    RegisteredSchema version(String subject, int version);

    /** Whether the schema could be registered under the subject given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    List<String> subjects();

    List<Integer> versions(String subject);

    /** The compatibility level set on the subject itself ({@code GET /config/{subject}}), if any. */
    Optional<CompatibilityLevel> subjectCompatibility(String subject);

    /** Sets the subject's own compatibility level ({@code PUT /config/{subject}}). */
    void setSubjectCompatibility(String subject, CompatibilityLevel level);

    @Override
    default void close() {
    }
}
