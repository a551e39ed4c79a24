package io.newsflow.serde.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory. Ids are global and the same schema text gets the same id under every
 * subject, as in Confluent's registry. A new version must satisfy the subject's compatibility level
 * (its own if set, else the global one; BACKWARD by default, as in Confluent).
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalText = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int nextId = 1;

    public InMemorySchemaRegistry() {
        this(CompatibilityLevel.BACKWARD);
    }

    public InMemorySchemaRegistry(CompatibilityLevel globalLevel) {
        this.globalLevel = Objects.requireNonNull(globalLevel, "globalLevel");
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String canonical = canonical(schema);
        Integer existing = idsByCanonicalText.get(canonical);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        List<String> problems = violations(subject, schema);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "' (compatibility " + compatibility(subject) + "): " + String.join("; ", problems));
        }
        int id = existing != null ? existing : nextId++;
        schemasById.putIfAbsent(id, schema);
        idsByCanonicalText.putIfAbsent(canonical, id);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Integer> versions = versionsOf(subject);
        Integer id = idsByCanonicalText.get(canonical(schema));
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject '" + subject + "'");
        }
        return new RegisteredSchema(subject, id, index + 1, schemasById.get(id));
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsOf(subject);
        return version(subject, versions.size());
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version) {
        List<Integer> versions = versionsOf(subject);
        if (version < 1 || version > versions.size()) {
            throw new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject '" + subject + "'");
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return violations(subject, schema).isEmpty();
    }

    /**
     * Why the schema could not be registered under the subject at its compatibility level; empty
     * when it could (always for a new subject).
     */
    public synchronized List<String> violations(String subject, Schema schema) {
        List<Schema> previous = new ArrayList<>();
        for (int id : versionsBySubject.getOrDefault(subject, List.of())) {
            previous.add(schemasById.get(id));
        }
        return compatibility(subject).violations(previous, schema);
    }

    @Override
    public synchronized List<String> subjects() {
        return new ArrayList<>(versionsBySubject.keySet());
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        List<Integer> result = new ArrayList<>();
        for (int v = 1; v <= versionsOf(subject).size(); v++) {
            result.add(v);
        }
        return result;
    }

    /** The global level, used by subjects without their own. */
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        this.globalLevel = Objects.requireNonNull(level, "level");
    }

    /** The level the subject has been given explicitly, if any. */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, Objects.requireNonNull(level, "level"));
    }

    /** The level in force for the subject: its own, else the global one. */
    public synchronized CompatibilityLevel compatibility(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Integer> versionsOf(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found");
        }
        return versions;
    }

    /** Confluent compares the schema's canonical JSON, which Avro's toString() gives. */
    private static String canonical(Schema schema) {
        return schema.toString();
    }
}
