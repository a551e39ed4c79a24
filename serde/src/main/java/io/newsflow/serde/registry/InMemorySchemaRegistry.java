package io.newsflow.serde.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory. Ids are global and the same schema text gets the same id under every
 * subject, as in Confluent's registry. New versions must be BACKWARD compatible with the latest one
 * (Confluent's default level).
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalText = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idsByCanonicalText.get(canonical(schema));
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        if (!versions.isEmpty() && !compatible(schemasById.get(versions.get(versions.size() - 1)), schema)) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with the latest schema under subject '" + subject + "'");
        }
        int id = existing != null ? existing : nextId++;
        schemasById.put(id, schema);
        idsByCanonicalText.put(canonical(schema), id);
        versions.add(id);
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
        List<Integer> versions = versionsBySubject.get(subject);
        return versions == null || versions.isEmpty()
                || compatible(schemasById.get(versions.get(versions.size() - 1)), schema);
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

    private List<Integer> versionsOf(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found");
        }
        return versions;
    }

    /** BACKWARD: consumers using the new schema can read data written with the previous one. */
    private static boolean compatible(Schema previous, Schema candidate) {
        return SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    private static String canonical(Schema schema) {
        return schema.toString();
    }
}
