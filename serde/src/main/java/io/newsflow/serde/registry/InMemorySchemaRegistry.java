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
public final class InMemorySchemaRegistry implements RegistryBackend {

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
        Optional<Integer> registered = registeredId(subject, schema);
        if (registered.isPresent()) {
            return registered.get();
        }
        Registration next = nextRegistration(subject, schema);
        restore(next);
        return next.id();
    }

    /** A registration as a registry records it: the subject's version {@code version} is schema {@code id}. */
    public record Registration(String subject, int version, int id, Schema schema) {
    }

    /** The schema's id when it is registered under the subject already. */
    public synchronized Optional<Integer> registeredId(String subject, Schema schema) {
        Integer id = idsByCanonicalText.get(canonical(schema));
        return id != null && versionsBySubject.getOrDefault(subject, List.of()).contains(id)
                ? Optional.of(id) : Optional.empty();
    }

    /**
     * The registration that adding the schema to the subject would make, without making it: the
     * schema's existing id (the same text has one id under every subject) or the next free one, and
     * the subject's next version. 409 when the subject's compatibility level forbids it.
     */
    public synchronized Registration nextRegistration(String subject, Schema schema) {
        List<String> problems = violations(subject, schema);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "' (compatibility " + compatibility(subject) + "): " + String.join("; ", problems));
        }
        Integer existing = idsByCanonicalText.get(canonical(schema));
        int version = versionsBySubject.getOrDefault(subject, List.of()).size() + 1;
        return new Registration(subject, version, existing != null ? existing : nextId, schema);
    }

    /**
     * Adds a registration decided before (by {@link #nextRegistration}, here or in another registry
     * reading the same log). Refused, returning false, when it does not follow the state: not the
     * subject's next version, or an id already taken by another schema (or the schema has another id).
     */
    public synchronized boolean restore(Registration registration) {
        String canonical = canonical(registration.schema());
        Schema byId = schemasById.get(registration.id());
        Integer byText = idsByCanonicalText.get(canonical);
        List<Integer> versions = versionsBySubject.getOrDefault(registration.subject(), List.of());
        boolean consistent = registration.version() == versions.size() + 1
                && !versions.contains(registration.id())
                && (byId == null || canonical(byId).equals(canonical))
                && (byText == null || byText == registration.id());
        if (!consistent) {
            return false;
        }
        schemasById.putIfAbsent(registration.id(), registration.schema());
        idsByCanonicalText.putIfAbsent(canonical, registration.id());
        versionsBySubject.computeIfAbsent(registration.subject(), s -> new ArrayList<>()).add(registration.id());
        nextId = Math.max(nextId, registration.id() + 1);
        return true;
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

    @Override
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

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        this.globalLevel = Objects.requireNonNull(level, "level");
    }

    @Override
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    @Override
    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, Objects.requireNonNull(level, "level"));
    }

    @Override
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
