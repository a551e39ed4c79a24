package io.newsflow.serde.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 * BACKWARD: readers on the new schema read data written with the old one (upgrade consumers first).
 * FORWARD: readers on the old schema read data written with the new one (upgrade producers first).
 * FULL: both. The plain levels compare with the latest version only, the _TRANSITIVE ones with all.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Parses a level name as the REST API carries it; 42203 for anything else. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the registry's own error
            }
        }
        throw new SchemaRegistryException(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level '" + name + "'; expected one of " + List.of(values()));
    }

    /**
     * Problems that stop {@code candidate} from being added after {@code previous} (oldest first);
     * empty when it is allowed.
     */
    public List<String> violations(List<Schema> previous, Schema candidate) {
        List<String> problems = new ArrayList<>();
        if (previous.isEmpty() || this == NONE) {
            return problems;
        }
        List<Schema> checked = transitive ? previous : previous.subList(previous.size() - 1, previous.size());
        for (Schema existing : checked) {
            if (backward) {
                describe("new schema cannot read data written with an existing one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing).getResult(), problems);
            }
            if (forward) {
                describe("existing schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate).getResult(), problems);
            }
        }
        return problems;
    }

    private static void describe(String what, SchemaCompatibilityResult result, List<String> problems) {
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
